import express, { Router } from 'express';
import { describe, expect, it } from 'vitest';
import { listRoutes } from './listRoutes';

describe('listRoutes', () => {
  it('should find the routes of nested routers, with the paths they were mounted at', () => {
    // given an app with a router at its root and another under /v2
    const app = express();
    const root = Router();
    root.get('/api/verify/:code', (_req, res) => res.end());
    root.post('/api/verify/:code', (_req, res) => res.end());
    const v2 = Router();
    v2.post('/jobs/activation', (_req, res) => res.end());
    app.use(root);
    app.use('/v2', v2);
    app.get('/health', (_req, res) => res.end());

    // when
    const routes = listRoutes((app as unknown as { router: { stack: unknown[] } }).router);

    // then
    expect(routes).toEqual([
      { method: 'GET', path: '/api/verify/:code' },
      { method: 'POST', path: '/api/verify/:code' },
      { method: 'POST', path: '/v2/jobs/activation' },
      { method: 'GET', path: '/health' },
    ]);
  });
});
