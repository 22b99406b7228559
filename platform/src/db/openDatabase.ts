import path from 'node:path';
import type { Logger } from 'pino';
import { BalcaoError } from '../errors/BalcaoError';
import { PlatformErrorCode } from '../errors/codes';
import type { Database } from './Database';
import { openPglite } from './openPglite';
import { openPostgres } from './openPostgres';

/**
 * The database the configuration names: a PostgreSQL server when `databaseUrl` is set,
 * otherwise PGlite with its files in `<dataDir>/pglite`.
 */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  log?: Logger;
}): Promise<Database> {
  const db = options.databaseUrl
    ? openPostgres({
        url: options.databaseUrl,
        poolSize: options.poolSize ?? 10,
        ...(options.log ? { log: options.log } : {}),
      })
    : await openPglite({ dataDir: path.join(options.dataDir, 'pglite') });
  try {
    await db.ping();
  } catch (cause) {
    await db.close().catch(() => undefined);
    const where = options.databaseUrl
      ? redactUrl(options.databaseUrl)
      : path.join(options.dataDir, 'pglite');
    throw new BalcaoError(
      PlatformErrorCode.DatabaseUnavailable,
      `Cannot reach the database at ${where}: ${(cause as Error).message}. Check DATABASE_URL (or unset it to use the embedded database under DATA_DIR).`,
      { cause, retryable: true },
    );
  }
  return db;
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
