import os from 'node:os';
import type { Database } from '@balcao/platform';

const HEARTBEAT_MS = 10_000;

/** Records this node in `balcao_node` and keeps its heartbeat; the returned function removes it. */
export async function registerNode(
  db: Database,
  node: { id: string; httpAddress: string },
): Promise<() => Promise<void>> {
  await db.query(
    `insert into balcao_node (id, hostname, pid, http_address) values ($1, $2, $3, $4)
     on conflict (id) do update set hostname = excluded.hostname, pid = excluded.pid,
       http_address = excluded.http_address, started_at = now(), last_seen_at = now()`,
    [node.id, os.hostname(), process.pid, node.httpAddress],
  );
  const timer = setInterval(() => {
    // A missed heartbeat only makes the node look stale for a while; never crash for it.
    db.query('update balcao_node set last_seen_at = now() where id = $1', [node.id]).catch(
      () => undefined,
    );
  }, HEARTBEAT_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await db.query('delete from balcao_node where id = $1', [node.id]).catch(() => undefined);
  };
}
