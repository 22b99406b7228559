import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '@balcao/platform';
import type { Engine } from '../../runtime/Engine';
import { reject } from '../../runtime/commands/EngineRejection';
import { searchRequestSchema } from '../../queries/searchQuery';
import { getUserTask, getUserTaskForm, searchUserTasks } from '../../queries/userTaskQueries';
import { searchUserTaskVariables } from '../../queries/variableQueries';
import { pathKey } from './pathKey';

const assignmentSchema = z
  .object({
    assignee: z.string().min(1, 'expected the user to assign the task to'),
    allowOverride: z.boolean().nullish(),
    action: z.string().nullish(),
  })
  .strict();

const completionSchema = z
  .object({
    variables: z.record(z.string(), z.unknown()).nullish(),
    action: z.string().nullish(),
  })
  .strict();

/** Camunda user tasks (`zeebe:userTask`) under /v2/user-tasks. */
export function userTaskRoutes(engine: Engine, db: Database): Router {
  const router = Router();

  router.post('/user-tasks/search', async (req, res) => {
    res.json(await searchUserTasks(db, searchRequestSchema.parse(req.body ?? {})));
  });

  router.get('/user-tasks/:key', async (req, res) => {
    const key = pathKey(req.params.key, 'userTaskKey');
    const task = await getUserTask(db, key);
    if (!task) throw missing(key);
    res.json(task);
  });

  router.post('/user-tasks/:key/assignment', async (req, res) => {
    const key = pathKey(req.params.key, 'userTaskKey');
    const body = assignmentSchema.parse(req.body ?? {});
    await engine.assignUserTask({
      key,
      assignee: body.assignee,
      allowOverride: body.allowOverride ?? true,
      action: body.action ?? 'assign',
    });
    res.status(204).end();
  });

  router.delete('/user-tasks/:key/assignee', async (req, res) => {
    const key = pathKey(req.params.key, 'userTaskKey');
    await engine.assignUserTask({ key, assignee: null, action: 'unassign' });
    res.status(204).end();
  });

  router.post('/user-tasks/:key/completion', async (req, res) => {
    const key = pathKey(req.params.key, 'userTaskKey');
    const body = completionSchema.parse(req.body ?? {});
    await engine.completeUserTask({
      key,
      variables: body.variables ?? {},
      action: body.action ?? 'complete',
    });
    res.status(204).end();
  });

  router.get('/user-tasks/:key/form', async (req, res) => {
    const key = pathKey(req.params.key, 'userTaskKey');
    const form = await getUserTaskForm(db, key);
    if (form) {
      res.json(form);
      return;
    }
    if (!(await getUserTask(db, key))) throw missing(key);
    // Camunda answers 204 when the task exists but has no linked form.
    res.status(204).end();
  });

  router.post('/user-tasks/:key/variables/search', async (req, res) => {
    const key = pathKey(req.params.key, 'userTaskKey');
    if (!(await getUserTask(db, key))) throw missing(key);
    res.json(await searchUserTaskVariables(db, key, searchRequestSchema.parse(req.body ?? {})));
  });

  return router;
}

function missing(key: number) {
  return reject.notFound(`Expected to find user task with key '${key}', but none found.`);
}
