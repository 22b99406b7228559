import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';

/** The facts a benchmark figure means nothing without. */
export async function machineDetails(
  postgresUrl: string,
): Promise<Record<string, string | number>> {
  let postgres = 'unreachable';
  try {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    const r = await client.query<{ server_version: string; fsync: string }>(
      "select current_setting('server_version') as server_version, current_setting('fsync') as fsync",
    );
    postgres = `${r.rows[0]!.server_version} (fsync ${r.rows[0]!.fsync})`;
    await client.end();
  } catch {
    // the figure table says it was unreachable
  }
  const pglite = (
    JSON.parse(
      readFileSync(
        new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url),
        'utf8',
      ),
    ) as { version: string }
  ).version;
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    pglite,
    os: `${os.type()} ${os.release()}`,
    // Other work on the machine while measuring: figures taken under load are lower.
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / '),
  };
}
