import express, { Router, type RequestHandler } from 'express';
import type { Database, Logger } from '@balcao/platform';
import type { Engine } from '../../runtime/Engine';
import { bearerToken, type Authenticator } from '../auth/Authenticator';
import { listBrokers, GATEWAY_VERSION } from '../grpc/topologyRpc';
import { gatewayError } from '../GatewayError';
import { decisionRoutes } from './decisionRoutes';
import { definitionRoutes } from './definitionRoutes';
import { instanceChangeRoutes } from './instanceChangeRoutes';
import { problemHandler, sendProblem } from './problemDetail';
import { processRoutes } from './processRoutes';
import { userTaskRoutes } from './userTaskRoutes';
import { variableRoutes } from './variableRoutes';

export interface V2RouterOptions {
  engine: Engine;
  db: Database;
  log: Logger;
  /** undefined: no token needed (loopback binds only — see authenticatorFor). */
  authenticator?: Authenticator;
  /** What GET /v2/topology reports as this node's gRPC gateway. */
  gateway: () => { host: string; port: number; nodeId?: string };
}

/**
 * The subset of Camunda 8.8's Orchestration Cluster REST API (/v2) that Camunda clients use for
 * user tasks and queries; mount it at `/v2`.
 */
export function v2Router(options: V2RouterOptions): Router {
  const router = Router();
  router.use(authenticate(options.authenticator));
  router.use(express.json({ limit: '4mb' }));
  router.get('/topology', async (_req, res) => {
    const brokers = await listBrokers(options.db, options.gateway());
    res.json({
      brokers: brokers.map((b) => ({
        ...b,
        partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }],
        version: GATEWAY_VERSION,
      })),
      clusterSize: brokers.length,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: GATEWAY_VERSION,
    });
  });
  router.use(userTaskRoutes(options.engine, options.db));
  router.use(processRoutes(options.engine, options.db));
  router.use(variableRoutes(options.db));
  router.use(definitionRoutes(options.db));
  router.use(decisionRoutes(options.engine));
  router.use(instanceChangeRoutes(options.engine));
  router.use((req, res) =>
    sendProblem(
      res,
      404,
      `No /v2 endpoint for ${req.method} ${req.path} in Balcão (see docs/zeebe-compatibility.md).`,
      req.originalUrl,
    ),
  );
  router.use(problemHandler(options.log));
  return router;
}

function authenticate(authenticator: Authenticator | undefined): RequestHandler {
  return (req, _res, next) => {
    if (!authenticator) return next();
    const token = bearerToken(req.get('authorization'));
    (token === undefined ? Promise.resolve(undefined) : authenticator(token)).then(
      (principal) => next(principal ? undefined : gatewayError.unauthenticated()),
      next,
    );
  };
}
