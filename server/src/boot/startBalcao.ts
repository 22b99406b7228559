import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  migrate,
  openDatabase,
  type Database,
  type Logger,
  type MigrationSet,
} from '@balcao/platform';
import {
  engineMigrations,
  engineService,
  gatewayAuthenticators,
  staticTokenAuthenticator,
  type EngineService,
} from '@balcao/engine';
import type { ServerConfig } from '../config/serverConfig';
import { createApp } from '../http/createApp';
import { registerNode } from './registerNode';

export interface Balcao {
  readonly httpUrl: string;
  /** host:port where Zeebe clients reach the engine's gRPC gateway. */
  readonly gatewayAddress: string;
  readonly db: Database;
  close(): Promise<void>;
}

/** Every part's migrations, in dependency order. */
const migrationSets: MigrationSet[] = [
  engineMigrations,
  { namespace: 'server', dir: fileURLToPath(new URL('../../migrations', import.meta.url)) },
];

/**
 * Brings up everything in one process: database (embedded or server), migrations, the engine
 * with its Zeebe gRPC gateway, and the HTTP API (Camunda's /v2 included). Resolves once the
 * node is ready; `close` stops it gracefully.
 */
export async function startBalcao(config: ServerConfig, log: Logger): Promise<Balcao> {
  // Checked before anything opens: a non-loopback bind without tokens refuses to start.
  const auth = gatewayAuthenticators({
    nodeEnv: config.NODE_ENV,
    httpHost: config.HOST,
    grpcAddress: config.GATEWAY_ADDRESS,
    authenticator:
      config.GATEWAY_TOKENS.length > 0
        ? staticTokenAuthenticator(config.GATEWAY_TOKENS)
        : undefined,
  });
  if (!config.DATABASE_URL) {
    log.info(
      { dataDir: config.DATA_DIR },
      'opening the embedded database (the first start creates it, which takes a few seconds)',
    );
  }
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    log,
  });
  const nodeId = config.NODE_ID ?? `${os.hostname()}-${process.pid}`;
  const engine: EngineService = engineService({
    db,
    log,
    grpcAddress: config.GATEWAY_ADDRESS,
    tls: gatewayTls(config),
    auth,
    nodeId,
  });
  let server: Server | undefined;
  let stopNode: (() => Promise<void>) | undefined;
  try {
    let migrated = false;
    const app = createApp({
      log,
      readiness: {
        async notReadyReason() {
          if (!migrated) return 'database migrations are still running';
          return db.ping().then(
            () => undefined,
            (error: unknown) => `database does not answer: ${(error as Error).message}`,
          );
        },
      },
      routers: [{ path: '/v2', router: engine.v2 }],
    });
    server = app.listen(config.PORT, config.HOST);
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const httpUrl = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;

    await migrate(db, migrationSets, log);
    const { grpc } = await engine.start();
    migrated = true;
    stopNode = await registerNode(db, { id: nodeId, httpAddress: httpUrl });

    const listening = server;
    return {
      httpUrl,
      gatewayAddress: `${grpc.host.includes(':') ? `[${grpc.host}]` : grpc.host}:${grpc.port}`,
      db,
      async close() {
        listening.closeAllConnections();
        await new Promise<void>((resolve) => listening.close(() => resolve()));
        await engine.stop();
        await stopNode?.();
        await db.close();
      },
    };
  } catch (error) {
    server?.close();
    await engine.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** TLS for the gateway when both PEM paths are configured (the config schema checks the pair). */
export function gatewayTls(
  config: ServerConfig,
): { certPath: string; keyPath: string } | undefined {
  return config.GATEWAY_TLS_CERT && config.GATEWAY_TLS_KEY
    ? { certPath: config.GATEWAY_TLS_CERT, keyPath: config.GATEWAY_TLS_KEY }
    : undefined;
}
