import { Router, type RequestHandler } from 'express';
import type { Database, Logger } from '@balcao/platform';
import type { ResourceValidator } from '../deploy/deployResources';
import { Engine } from '../runtime/Engine';
import { authenticatorFor } from './auth/authRequired';
import type { Authenticator } from './auth/Authenticator';
import { startGrpcGateway, type GrpcGateway } from './grpc/startGrpcGateway';
import { sendProblem } from './rest/problemDetail';
import { v2Router } from './rest/v2Router';

export interface EngineServiceOptions {
  db: Database;
  log: Logger;
  /** GATEWAY_ADDRESS, host:port. */
  grpcAddress: string;
  tls?: { certPath: string; keyPath: string };
  /** From `gatewayAuthenticators` (checked at boot, before anything listens). */
  auth: GatewayAuthenticators;
  formValidator?: ResourceValidator;
  nodeId?: string;
}

export interface EngineService {
  /** Mount at /v2 before start() (answers 503 until the engine runs). */
  readonly v2: Router;
  /** Starts the engine and the gRPC gateway on a migrated database. */
  start(): Promise<{ engine: Engine; grpc: GrpcGateway }>;
  /** Gateway first (ends long polls and job streams), then the engine. */
  stop(): Promise<void>;
}

export interface GatewayAuthenticators {
  grpc: Authenticator | undefined;
  http: Authenticator | undefined;
}

/**
 * The authenticator of each door, decided by where it listens. Throws (the process refuses to
 * start) when a non-loopback bind or production has no authenticator.
 */
export function gatewayAuthenticators(bind: {
  nodeEnv: string;
  /** Where the HTTP server that mounts /v2 listens (HOST). */
  httpHost: string;
  grpcAddress: string;
  authenticator: Authenticator | undefined;
}): GatewayAuthenticators {
  const check = (host: string, what: string, variable: string) =>
    authenticatorFor({ host, nodeEnv: bind.nodeEnv, what, variable }, bind.authenticator);
  return {
    grpc: check(bind.grpcAddress.replace(/:\d+$/, ''), 'Zeebe gRPC gateway', 'GATEWAY_ADDRESS'),
    http: check(bind.httpHost, 'HTTP API (/v2)', 'HOST'),
  };
}

/** The engine with its two doors (gRPC gateway, /v2 router), as `npm start` and `npm run engine` run it. */
export function engineService(options: EngineServiceOptions): EngineService {
  let inner: Router | undefined;
  let running: { engine: Engine; grpc: GrpcGateway } | undefined;
  const v2 = Router();
  const delegate: RequestHandler = (req, res, next) => {
    if (inner) inner(req, res, next);
    else
      sendProblem(
        res,
        503,
        'The engine is still starting (database migrations). Try again in a few seconds.',
        req.originalUrl,
      );
  };
  v2.use(delegate);
  return {
    v2,
    async start() {
      const engine = await Engine.start({
        db: options.db,
        log: options.log.child({ part: 'engine' }),
        formValidator: options.formValidator,
      });
      try {
        const grpc = await startGrpcGateway({
          engine,
          db: options.db,
          log: options.log.child({ part: 'gateway' }),
          address: options.grpcAddress,
          authenticator: options.auth.grpc,
          tls: options.tls,
          nodeId: options.nodeId,
        });
        inner = v2Router({
          engine,
          db: options.db,
          log: options.log,
          authenticator: options.auth.http,
          gateway: () => ({ host: grpc.host, port: grpc.port, nodeId: options.nodeId }),
        });
        running = { engine, grpc };
        return running;
      } catch (error) {
        await engine.stop();
        throw error;
      }
    },
    async stop() {
      if (!running) return;
      await running.grpc.stop();
      await running.engine.stop();
      running = undefined;
    },
  };
}
