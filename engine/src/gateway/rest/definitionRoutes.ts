import { Router } from 'express';
import type { Database } from '@balcao/platform';
import { reject } from '../../runtime/commands/EngineRejection';
import {
  getForm,
  getProcessDefinition,
  searchForms,
  searchProcessDefinitions,
} from '../../queries/definitionQueries';
import { searchRequestSchema } from '../../queries/searchQuery';
import { pathKey } from './pathKey';

/**
 * Deployed process definitions and forms under /v2, as the modeler lists them.
 * `POST /forms/search` is a Balcão extension: Camunda 8.8 reads forms by key only.
 */
export function definitionRoutes(db: Database): Router {
  const router = Router();

  router.post('/process-definitions/search', async (req, res) => {
    res.json(await searchProcessDefinitions(db, searchRequestSchema.parse(req.body ?? {})));
  });

  router.get('/process-definitions/:key', async (req, res) => {
    const key = pathKey(req.params.key, 'processDefinitionKey');
    const definition = await getProcessDefinition(db, key);
    if (!definition)
      throw reject.notFound(
        `Expected to find process definition with key '${key}', but none found.`,
      );
    res.json(definition);
  });

  router.post('/forms/search', async (req, res) => {
    res.json(await searchForms(db, searchRequestSchema.parse(req.body ?? {})));
  });

  router.get('/forms/:key', async (req, res) => {
    const key = pathKey(req.params.key, 'formKey');
    const form = await getForm(db, key);
    if (!form) throw reject.notFound(`Expected to find form with key '${key}', but none found.`);
    res.json(form);
  });

  return router;
}
