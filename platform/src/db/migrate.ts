import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { BalcaoError } from '../errors/BalcaoError';
import { PlatformErrorCode } from '../errors/codes';
import type { Database, Queryable } from './Database';

/** A folder of plain-SQL migrations owned by one part (`engine`, `server`, …). */
export interface MigrationSet {
  namespace: string;
  dir: string;
}

interface Migration {
  namespace: string;
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

// Any constant works, as long as every Balcão process uses the same one.
const MIGRATION_LOCK = 7_433_001;
const FILE_NAME = /^(\d{4})_[a-z0-9_-]+\.sql$/;

/**
 * Applies the pending migrations of every set, in one transaction under an advisory lock:
 * processes starting together apply each file once, and a failing file leaves the schema as
 * it was, with an error that names the file. Applied files must not change afterwards.
 */
export async function migrate(
  db: Database,
  sets: readonly MigrationSet[],
  log?: Logger,
): Promise<{ applied: string[] }> {
  const migrations = sets.flatMap(readSet);
  const applied = await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`create table if not exists balcao_migration (
      namespace text not null,
      version integer not null,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now(),
      primary key (namespace, version))`);
    const done = await tx.query<{
      namespace: string;
      version: number;
      name: string;
      checksum: string;
    }>('select namespace, version, name, checksum from balcao_migration');
    const known = new Map(done.rows.map((r) => [`${r.namespace}/${r.version}`, r]));
    const names: string[] = [];
    for (const migration of migrations) {
      const previous = known.get(`${migration.namespace}/${migration.version}`);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new BalcaoError(
            PlatformErrorCode.MigrationChanged,
            `Migration ${migration.file} was changed after it was applied (its checksum differs). Restore the file and add the change as a new migration.`,
          );
        }
        continue;
      }
      await apply(tx, migration);
      names.push(migration.file);
    }
    return names;
  });
  if (applied.length > 0)
    log?.info({ migrations: applied }, `applied ${applied.length} database migration(s)`);
  return { applied };
}

async function apply(tx: Queryable, migration: Migration): Promise<void> {
  try {
    await tx.exec(migration.sql);
  } catch (cause) {
    const where = lineOf(migration.sql, (cause as { position?: string }).position);
    throw new BalcaoError(
      PlatformErrorCode.MigrationFailed,
      `Migration ${migration.file} failed${where}: ${(cause as Error).message}. No migration of this start was applied; fix the file and start again.`,
      { cause },
    );
  }
  await tx.query(
    'insert into balcao_migration (namespace, version, name, checksum) values ($1, $2, $3, $4)',
    [migration.namespace, migration.version, migration.name, migration.checksum],
  );
}

function readSet(set: MigrationSet): Migration[] {
  const files = readdirSync(set.dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const seen = new Set<number>();
  return files.map((name) => {
    const file = `${set.namespace}/${name}`;
    const match = FILE_NAME.exec(name);
    if (!match) {
      throw new BalcaoError(
        PlatformErrorCode.MigrationInvalidName,
        `Migration ${file} is misnamed: expected NNNN_description.sql (four digits, lower-case words).`,
      );
    }
    const version = Number(match[1]);
    if (seen.has(version)) {
      throw new BalcaoError(
        PlatformErrorCode.MigrationInvalidName,
        `Migration ${file} repeats version ${match[1]} of ${set.namespace}.`,
      );
    }
    seen.add(version);
    const sql = readFileSync(path.join(set.dir, name), 'utf8');
    return {
      namespace: set.namespace,
      version,
      name,
      file,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    };
  });
}

function lineOf(sql: string, position: string | undefined): string {
  const offset = Number(position);
  if (!Number.isInteger(offset) || offset <= 0) return '';
  return ` at line ${sql.slice(0, offset - 1).split('\n').length}`;
}
