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
import type { ServerConfig } from '../config/serverConfig';
import { createApp } from '../http/createApp';
import { registerNode } from './registerNode';

export interface Balcao {
  readonly httpUrl: string;
  readonly db: Database;
  close(): Promise<void>;
}

/** Every part's migrations, in dependency order. */
const migrationSets: MigrationSet[] = [
  { namespace: 'server', dir: fileURLToPath(new URL('../../migrations', import.meta.url)) },
];

/**
 * Brings up everything in one process: database (embedded or server), migrations, the HTTP
 * API. Resolves once the node is ready; `close` stops it gracefully.
 */
export async function startBalcao(config: ServerConfig, log: Logger): Promise<Balcao> {
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
    });
    server = app.listen(config.PORT, config.HOST);
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const httpUrl = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;

    await migrate(db, migrationSets, log);
    migrated = true;
    stopNode = await registerNode(db, {
      id: config.NODE_ID ?? `${os.hostname()}-${process.pid}`,
      httpAddress: httpUrl,
    });

    const listening = server;
    return {
      httpUrl,
      db,
      async close() {
        listening.closeAllConnections();
        await new Promise<void>((resolve) => listening.close(() => resolve()));
        await stopNode?.();
        await db.close();
      },
    };
  } catch (error) {
    server?.close();
    await db.close().catch(() => undefined);
    throw error;
  }
}
