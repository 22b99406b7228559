import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '@balcao/platform';
import type { Engine } from '../../runtime/Engine';
import { reject } from '../../runtime/commands/EngineRejection';
import { searchElementInstances } from '../../queries/elementInstanceQueries';
import { searchIncidents } from '../../queries/incidentQueries';
import {
  getProcessDefinitionXml,
  getProcessInstance,
  searchProcessInstances,
} from '../../queries/processInstanceQueries';
import { searchRequestSchema } from '../../queries/searchQuery';
import { gatewayError } from '../GatewayError';
import { pathKey } from './pathKey';

const operationSchema = z.object({ operationReference: z.unknown().optional() }).strict();

/** Process instances, incidents, element instances and process definition XML under /v2. */
export function processRoutes(engine: Engine, db: Database): Router {
  const router = Router();

  router.post('/process-instances/search', async (req, res) => {
    res.json(await searchProcessInstances(db, searchRequestSchema.parse(req.body ?? {})));
  });

  router.get('/process-instances/:key', async (req, res) => {
    const key = pathKey(req.params.key, 'processInstanceKey');
    const instance = await getProcessInstance(db, key);
    if (!instance)
      throw reject.notFound(`Expected to find process instance with key '${key}', but none found.`);
    res.json(instance);
  });

  router.post('/process-instances/:key/cancellation', async (req, res) => {
    const key = pathKey(req.params.key, 'processInstanceKey');
    refuseOperationReference(req.body);
    await engine.cancelProcessInstance(key);
    res.status(204).end();
  });

  router.post('/incidents/search', async (req, res) => {
    res.json(await searchIncidents(db, searchRequestSchema.parse(req.body ?? {})));
  });

  router.post('/incidents/:key/resolution', async (req, res) => {
    const key = pathKey(req.params.key, 'incidentKey');
    refuseOperationReference(req.body);
    await engine.resolveIncident(key);
    res.status(204).end();
  });

  router.get('/process-definitions/:key/xml', async (req, res) => {
    const key = pathKey(req.params.key, 'processDefinitionKey');
    const xml = await getProcessDefinitionXml(db, key);
    if (xml === undefined)
      throw reject.notFound(
        `Expected to find process definition with key '${key}', but none found.`,
      );
    res.type('text/xml').send(xml);
  });

  router.post('/element-instances/search', async (req, res) => {
    res.json(await searchElementInstances(db, searchRequestSchema.parse(req.body ?? {})));
  });

  return router;
}

function refuseOperationReference(body: unknown): void {
  const parsed = operationSchema.parse(body ?? {});
  if (parsed.operationReference !== undefined)
    throw gatewayError.unimplemented(
      "The field 'operationReference' is not supported by Balcão's engine yet; send the request without it.",
    );
}
