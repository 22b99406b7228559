import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';
import { startBalcaoNode, type BalcaoNode } from '../chaos/balcaoNode';
import { signInClient as signIn, type Session } from './signInClient';
import { benchGroup } from './apiSeed';
import { figures, type RunFigures } from './latency';

export interface LiveOptions {
  /** An empty scratch database on the PostgreSQL server (shared by both nodes). */
  databaseUrl: string;
  sockets: number;
  /** Task events to time (claims and unclaims, alternating). */
  events: number;
  /** Two nodes sharing Redis: half the sockets on each, the event caused on the first. */
  redisUrl?: string;
  say?: (line: string) => void;
}

export interface LiveFigures extends RunFigures {
  nodes: number;
  sockets: number;
  events: number;
  /** Deliveries that never arrived (within 10 s of the event). */
  missed: number;
}

interface TaskEvent {
  task: { id: string; assignee: string | null };
}

const sessionsPerNode = 4;

/**
 * Time from a clerk's claim (or unclaim) through the API until each socket of the clerk's
 * group holds the `task.updated` event: the API call, the live hub and, with two nodes,
 * Redis pub/sub. Sockets sign in with a few sessions of the group's clerk.
 */
export async function measureLiveUpdates(options: LiveOptions): Promise<LiveFigures> {
  const say = options.say ?? (() => undefined);
  const nodeCount = options.redisUrl ? 2 : 1;
  const env: Record<string, string> = options.redisUrl ? { REDIS_URL: options.redisUrl } : {};
  const nodes: BalcaoNode[] = [];
  const sockets: Socket[] = [];
  try {
    nodes.push(
      ...(await Promise.all(
        Array.from({ length: nodeCount }, (_, i) =>
          startBalcaoNode({ nodeId: `bench-live-${i}`, databaseUrl: options.databaseUrl, env }),
        ),
      )),
    );
    const taskKey = await seedTask(options.databaseUrl);
    const clerks = await Promise.all(nodes.map((node) => signIn(node, 'dsi-clerk', 'demo-clerk')));
    const sessions: { node: BalcaoNode; who: Session }[] = [];
    for (const node of nodes)
      for (let i = 0; i < sessionsPerNode; i++)
        sessions.push({ node, who: await signIn(node, 'dsi-clerk', 'demo-clerk') });
    for (let i = 0; i < options.sockets; i += 50) {
      const batch = Array.from({ length: Math.min(50, options.sockets - i) }, (_, j) => {
        // Alternate nodes, so half the sockets are on each.
        const { node, who } = sessions[(i + j) % sessions.length]!;
        return open(node.url, who.cookie);
      });
      sockets.push(...(await Promise.all(batch)));
    }
    say(`${sockets.length} sockets connected to ${nodeCount} node(s)`);

    const causer = clerks[0]!;
    let claimed = false;
    const cause = async () => {
      const res = await causer.post(`/api/tasks/${taskKey}/${claimed ? 'unclaim' : 'claim'}`);
      if (res.status !== 200) throw new Error(`claim answered ${res.status}: ${await res.text()}`);
      claimed = !claimed;
    };
    const timeOne = async () => {
      const expected = claimed ? null : 'dsi-clerk';
      const t0 = performance.now();
      const arrivals = sockets.map((socket) => arrival(socket, taskKey, expected, t0));
      await cause();
      return Promise.all(arrivals);
    };
    // Warm-up, and with Redis until the adapter's subscriptions are in place on every node.
    for (let i = 0; i < 20; i++) {
      const got = await timeOne();
      if (got.every((ms) => ms !== undefined) && i >= 1) break;
    }
    const latencies: number[] = [];
    let missed = 0;
    const started = performance.now();
    for (let i = 0; i < options.events; i++) {
      for (const ms of await timeOne()) {
        if (ms === undefined) missed++;
        else latencies.push(ms);
      }
    }
    const run = figures(latencies, (performance.now() - started) / 1000);
    return { ...run, nodes: nodeCount, sockets: sockets.length, events: options.events, missed };
  } finally {
    for (const socket of sockets) socket.disconnect();
    for (const node of nodes) await node.stop();
  }
}

/** A job-based task of the clerk's group: claiming it needs no engine, only the inbox. */
async function seedTask(databaseUrl: string): Promise<string> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const key = '999000000000001';
    await db.query(
      `insert into inbox_task (task_key, kind, process_id, process_instance_key, element_id, name,
          agency, candidate_groups, candidate_users, headers, state, created_at)
       values ($1, 'job', 'bench-live', '999000000000000', 'check', 'Check', 'DSI', array[$2::text],
               '{}', '{}'::jsonb, 'open', now())`,
      [key, benchGroup],
    );
    return key;
  } finally {
    await db.end();
  }
}

async function open(url: string, cookie: string): Promise<Socket> {
  const socket = connect(url, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { cookie },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Milliseconds from t0 until this socket sees the task with the expected assignee. */
function arrival(
  socket: Socket,
  taskKey: string,
  assignee: string | null,
  t0: number,
): Promise<number | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off('task.updated', onEvent);
      resolve(undefined);
    }, 10_000);
    const onEvent = (event: TaskEvent) => {
      if (event.task.id !== taskKey || event.task.assignee !== assignee) return;
      clearTimeout(timer);
      socket.off('task.updated', onEvent);
      resolve(performance.now() - t0);
    };
    socket.on('task.updated', onEvent);
  });
}
