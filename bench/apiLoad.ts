import pg from 'pg';
import { startBalcaoNode, type BalcaoNode } from '../chaos/balcaoNode';
import { signInClient as signIn, type Session } from './signInClient';
import { accountId, seedApplications, seedInbox } from './apiSeed';
import { clientAddress, runLoad, type LoadFigures } from './httpLoad';

export interface ApiLoadOptions {
  /** An empty scratch database on the PostgreSQL server. */
  databaseUrl: string;
  /** Open tasks of the clerk's group (as many again belong to other groups). */
  tasks: number;
  /** Zeebe user tasks (`camunda`, the default) or job-based ones (`job`); see seedInbox. */
  taskKind?: 'camunda' | 'job';
  applications: number;
  /** Milestones per application. */
  milestones: number;
  seconds: number;
  inboxRate: number;
  trackingRate: number;
  /** Concurrent submitters (closed loop). */
  submitters: number;
  say?: (line: string) => void;
}

export interface ApiLoadFigures {
  inbox: LoadFigures & { tasks: number; taskKind: 'camunda' | 'job' };
  tracking: LoadFigures & { applications: number };
  submission: LoadFigures;
}

/** The form of P1 (criminal record certificate) as a citizen fills it. */
const p1Form = {
  idNumber: '12345678',
  purpose: 'employment',
  urgency: 'normal',
  deliveryFormat: 'electronic',
  sendToDepartment: false,
  consent: true,
};

/**
 * The HTTP API under load, on a node started as `npm start` starts it (its own process) on
 * the PostgreSQL server, with the inbox and applications seeded in bulk by SQL: the inbox
 * of a clerk's group, a citizen's application lookups, and P1 submissions (validated
 * server-side against the service's form, then started in the engine).
 */
export async function measureApiLoad(options: ApiLoadOptions): Promise<ApiLoadFigures> {
  const say = options.say ?? (() => undefined);
  const node = await startBalcaoNode({
    nodeId: 'bench-api',
    databaseUrl: options.databaseUrl,
    env: { TRUST_PROXY: 'true', DEPLOY_LIBRARY: 'true' },
    ...(process.env.BENCH_NODE_ARGS ? { nodeArgs: process.env.BENCH_NODE_ARGS.split(' ') } : {}),
  });
  try {
    const db = new pg.Client({ connectionString: options.databaseUrl });
    await db.connect();
    let numbers: string[];
    try {
      const t0 = performance.now();
      await seedInbox(db, options.tasks, options.taskKind);
      numbers = await seedApplications(db, {
        applications: options.applications,
        milestones: options.milestones,
        ownerId: await accountId(db, 'citizen'),
        share: Math.max(1, Math.floor(options.applications / 1000)),
      });
      say(`seeded in ${Math.round((performance.now() - t0) / 1000)} s`);
    } finally {
      await db.end();
    }
    const clerk = await signIn(node, 'dsi-clerk', 'demo-clerk');
    const citizen = await signIn(node, 'citizen', 'demo-citizen');

    const inbox = await steady(node, clerk, options.seconds, options.inboxRate, (n) => ({
      path: `/api/tasks?view=all&sort=createdAt&pageSize=20&page=${1 + (n % 10)}`,
    }));
    say(`inbox: ${JSON.stringify(inbox)}`);
    const tracking = await steady(node, citizen, options.seconds, options.trackingRate, (n) => ({
      path: `/api/applications/${numbers[(n * 7919) % numbers.length]}`,
    }));
    say(`tracking: ${JSON.stringify(tracking)}`);
    const submission = await runLoad({
      url: node.url,
      seconds: options.seconds,
      connections: options.submitters,
      method: 'POST',
      headers: { ...session(citizen), 'content-type': 'application/json' },
      nextRequest: (n) => ({
        path: '/api/applications',
        body: JSON.stringify({ processId: 'criminal-record-certificate', data: p1Form }),
        forwardedFor: clientAddress(n),
      }),
    });
    say(`submission: ${JSON.stringify(submission)}`);
    return {
      inbox: { ...inbox, tasks: options.tasks, taskKind: options.taskKind ?? 'camunda' },
      tracking: { ...tracking, applications: options.applications },
      submission,
    };
  } finally {
    await node.stop();
  }
}

/** A fixed request rate (open loop) after a short warm-up at the same rate. */
async function steady(
  node: BalcaoNode,
  who: Session,
  seconds: number,
  rate: number,
  request: (n: number) => { path: string },
): Promise<LoadFigures> {
  const spec = {
    url: node.url,
    connections: Math.max(4, Math.ceil(rate / 10)),
    rate,
    headers: session(who),
    nextRequest: (n: number) => ({ ...request(n), forwardedFor: clientAddress(n) }),
  };
  await runLoad({ ...spec, seconds: Math.min(2, seconds) });
  return runLoad({ ...spec, seconds });
}

function session(who: Session): Record<string, string> {
  return { cookie: who.cookie, 'x-csrf-token': who.csrf };
}
