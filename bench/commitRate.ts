import pg from 'pg';

export interface CommitRate {
  /** One connection, one single-row INSERT per transaction, one after the other. */
  oneConnection: number;
  /** Eight connections doing the same at once (the server can group their flushes). */
  eightConnections: number;
  fsync: string;
  synchronousCommit: string;
}

/** The physical bound: how many durable single-row transactions this machine's server commits per second. */
export async function measureCommitRate(databaseUrl: string, seconds = 5): Promise<CommitRate> {
  const setup = new pg.Client({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query(
    'create table if not exists bench_commit (id bigserial primary key, at timestamptz default now())',
  );
  const settings = await setup.query<{ fsync: string; sync: string }>(
    "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sync",
  );
  await setup.end();
  const rate = async (connections: number) => {
    const clients = await Promise.all(
      Array.from({ length: connections }, async () => {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        return client;
      }),
    );
    let done = 0;
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < until) {
          await client.query('insert into bench_commit default values');
          done++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    await Promise.all(clients.map((c) => c.end()));
    return Math.round(done / elapsed);
  };
  return {
    oneConnection: await rate(1),
    eightConnections: await rate(8),
    fsync: settings.rows[0]!.fsync,
    synchronousCommit: settings.rows[0]!.sync,
  };
}
