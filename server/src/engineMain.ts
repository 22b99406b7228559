import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { BalcaoError, createLogger, migrate, openDatabase, type Logger } from '@balcao/platform';
import {
  engineMigrations,
  engineService,
  gatewayAuthenticators,
  staticTokenAuthenticator,
} from '@balcao/engine';
import { gatewayTls } from './boot/startBalcao';
import { loadServerConfig, type ServerConfig } from './config/serverConfig';
import { createApp } from './http/createApp';

// `npm run engine`: the engine alone — Zeebe gRPC gateway, Camunda's /v2 and /health — for
// running workers and Camunda tools against Balcão without the rest of the server.
async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = loadServerConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(78); // EX_CONFIG
  }
  const log = createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const running = await startEngineAlone(config, log).catch((error: unknown) => {
    if (error instanceof BalcaoError)
      log.fatal({ code: error.code, cause: error.cause }, error.message);
    else log.fatal({ err: error }, 'the Balcão engine could not start');
    process.exit(1);
  });
  log.info(
    { url: running.httpUrl, gateway: running.gatewayAddress },
    `Balcão engine is ready: Zeebe gateway on ${running.gatewayAddress}, /v2 on ${running.httpUrl}/v2`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(130);
    stopping = true;
    log.info({ signal }, 'stopping');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function startEngineAlone(config: ServerConfig, log: Logger) {
  const auth = gatewayAuthenticators({
    nodeEnv: config.NODE_ENV,
    httpHost: config.HOST,
    grpcAddress: config.GATEWAY_ADDRESS,
    authenticator:
      config.GATEWAY_TOKENS.length > 0
        ? staticTokenAuthenticator(config.GATEWAY_TOKENS)
        : undefined,
  });
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    log,
  });
  const engine = engineService({
    db,
    log,
    grpcAddress: config.GATEWAY_ADDRESS,
    tls: gatewayTls(config),
    auth,
    nodeId: config.NODE_ID,
  });
  try {
    await migrate(db, [engineMigrations], log);
    const { grpc } = await engine.start();
    const app = createApp({
      log,
      readiness: {
        notReadyReason: () =>
          db.ping().then(
            () => undefined,
            (error: unknown) => `database does not answer: ${(error as Error).message}`,
          ),
      },
      routers: [{ path: '/v2', router: engine.v2 }],
    });
    const server = app.listen(config.PORT, config.HOST);
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const host = (h: string) => (h.includes(':') ? `[${h}]` : h);
    return {
      httpUrl: `http://${host(config.HOST)}:${port}`,
      gatewayAddress: `${host(grpc.host)}:${grpc.port}`,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await engine.stop();
        await db.close();
      },
    };
  } catch (error) {
    await engine.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

await main();
