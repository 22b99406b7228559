import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { migrate, type Database } from '@balcao/platform';
import { openTestDatabase } from '@balcao/platform/testing';
import { engineMigrations } from '../../migrations';
import { Engine } from '../../runtime/Engine';
import type { Authenticator } from '../auth/Authenticator';
import { startGrpcGateway, type GrpcGateway } from '../grpc/startGrpcGateway';
import { v2Router } from '../rest/v2Router';

export interface TestGateway {
  engine: Engine;
  db: Database;
  grpc: GrpcGateway;
  /** host:port of the gRPC gateway. */
  grpcAddress: string;
  /** http://127.0.0.1:port (the /v2 API is under it). */
  restUrl: string;
  close(): Promise<void>;
}

/**
 * A real engine (real scheduler, so back-offs and TTLs run on wall time) on a fresh test
 * database, with the gRPC gateway and the /v2 API on free loopback ports.
 */
export async function startTestGateway(
  options: { authenticator?: Authenticator } = {},
): Promise<TestGateway> {
  const db = await openTestDatabase();
  await migrate(db, [engineMigrations]);
  const log = pino({ level: 'silent' });
  const engine = await Engine.start({ db, log, schedulerIntervalMs: 50 });
  const grpc = await startGrpcGateway({
    engine,
    db,
    log,
    address: '127.0.0.1:0',
    authenticator: options.authenticator,
  });
  const app = express();
  app.use(
    '/v2',
    v2Router({
      engine,
      db,
      log,
      authenticator: options.authenticator,
      gateway: () => ({ host: grpc.host, port: grpc.port }),
    }),
  );
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    engine,
    db,
    grpc,
    grpcAddress: `127.0.0.1:${grpc.port}`,
    restUrl: `http://127.0.0.1:${port}`,
    async close() {
      await grpc.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.stop();
      await db.close();
    },
  };
}

/** Polls until `check` returns a value (for effects that land asynchronously, e.g. after a back-off). */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
