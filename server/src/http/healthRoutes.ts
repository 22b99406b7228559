import { Router } from 'express';

export interface Readiness {
  /** Why the node is not ready yet, or undefined when it is. */
  notReadyReason(): Promise<string | undefined>;
}

/**
 * `/health` answers while the process lives (liveness); `/ready` only when this node can
 * serve: migrations applied and the database answering (readiness, for load balancers).
 */
export function healthRoutes(readiness: Readiness): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const reason = await readiness.notReadyReason();
    if (reason) res.status(503).json({ status: 'not ready', reason });
    else res.json({ status: 'ready' });
  });
  return router;
}
