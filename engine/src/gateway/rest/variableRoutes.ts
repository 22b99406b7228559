import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '@balcao/platform';
import { reject } from '../../runtime/commands/EngineRejection';
import { searchRequestSchema } from '../../queries/searchQuery';
import { getVariable, searchVariables } from '../../queries/variableQueries';
import { pathKey } from './pathKey';

const searchParams = z
  .object({
    truncateValues: z
      .enum(['true', 'false'], {
        message: "Expected the query parameter 'truncateValues' to be true or false.",
      })
      .optional(),
  })
  .strict();

/** Camunda 8.8's variable search and lookup under /v2. */
export function variableRoutes(db: Database): Router {
  const router = Router();

  router.post('/variables/search', async (req, res) => {
    const params = searchParams.parse(req.query);
    const request = searchRequestSchema.parse(req.body ?? {});
    res.json(
      await searchVariables(db, request, { truncateValues: params.truncateValues !== 'false' }),
    );
  });

  router.get('/variables/:key', async (req, res) => {
    const key = pathKey(req.params.key, 'variableKey');
    const variable = await getVariable(db, key);
    if (!variable)
      throw reject.notFound(`Expected to find variable with key '${key}', but none found.`);
    res.json(variable);
  });

  return router;
}
