import type { Camunda8 } from '@camunda8/sdk';
import pg from 'pg';
import { startBalcaoNode, type BalcaoNode } from '../chaos/balcaoNode';
import { directClient } from '../chaos/directClient';
import { closedLoop, openLoop, type RunFigures } from './latency';
import { postgresCpuMs, processCpuMs } from './processCpu';
import type { Shape } from './shapes';

/** How the job worker of a run gets its jobs. */
export type WorkerKind = 'poll' | 'stream';

export interface BalcaoFigures extends RunFigures {
  /** Open loop at 80% of the closed loop's rate. */
  at80: RunFigures;
  /** Transactions committed in the database per completed instance (PostgreSQL only). */
  commitsPerInstance?: number;
  /** CPU time per instance of the closed loop, by process (Linux only). */
  cpuMsPerInstance?: { node: number; client: number; postgres?: number };
}

/**
 * Balcão as a user measures it: a node started as `npm start` does (its own process), and in
 * this process the load (`createProcessInstanceWithResult`) and a standard @camunda8/sdk job
 * worker (see measureBalcao), both through the gRPC gateway.
 */
export async function withBalcaoNode<T>(
  databaseUrl: string | undefined,
  shapes: Shape[],
  work: (node: BalcaoNode) => Promise<T>,
): Promise<T> {
  const node = await startBalcaoNode({
    nodeId: 'bench',
    ...(databaseUrl ? { databaseUrl } : {}),
    env: { LOG_LEVEL: 'info' },
    ...(process.env.BENCH_NODE_ARGS ? { nodeArgs: process.env.BENCH_NODE_ARGS.split(' ') } : {}),
  });
  try {
    const zeebe = node.camunda.getZeebeGrpcApiClient();
    for (const shape of shapes)
      await zeebe.deployResource({ name: `${shape.id}.bpmn`, process: Buffer.from(shape.zeebe) });
    return await work(node);
  } finally {
    await node.stop();
  }
}

export interface MeasureOptions {
  instances: number;
  concurrency: number;
  databaseUrl?: string;
  /**
   * `poll`: `createWorker` with its defaults (long-polling ActivateJobs, up to 64 jobs, asking
   * again at its next 300 ms tick); `stream`: `streamJobs`, the gateway pushes each job.
   */
  worker: WorkerKind;
}

export async function measureBalcao(
  node: BalcaoNode,
  shape: Shape,
  options: MeasureOptions,
): Promise<BalcaoFigures> {
  // No client retries: a retried create would start a second instance and hide the failure.
  const client = directClient(node.gateway);
  const worker = await startWorker(client, options.worker);
  try {
    return await measureWith(client, node, shape, options);
  } finally {
    await Promise.resolve(worker.close()).catch(() => undefined);
    await client
      .getZeebeGrpcApiClient()
      .close(1000)
      .catch(() => undefined);
  }
}

async function startWorker(camunda: Camunda8, kind: WorkerKind): Promise<{ close(): unknown }> {
  const zeebe = camunda.getZeebeGrpcApiClient();
  return kind === 'stream'
    ? zeebe.streamJobs({
        type: 'bench-step',
        worker: 'bench-stream',
        timeout: 30_000,
        tenantIds: ['<default>'],
        taskHandler: (job) => job.complete(),
        // The SDK (8.8) ends every stream of its own accord after the long-poll time plus a second
        // (51 s by default) and its stream worker does not open another; -1 turns that timer off.
        ...({ requestTimeout: -1 } as object),
      })
    : zeebe.createWorker({
        taskType: 'bench-step',
        taskHandler: (job) => job.complete(),
        maxJobsToActivate: 64,
        timeout: 30_000,
      });
}

async function measureWith(
  camunda: Camunda8,
  node: BalcaoNode,
  shape: Shape,
  options: MeasureOptions,
): Promise<BalcaoFigures> {
  const runOne = createWithResult(camunda, shape);
  await closedLoop(Math.min(100, options.instances), options.concurrency, runOne); // warm-up
  const before = options.databaseUrl ? await commits(options.databaseUrl) : undefined;
  const cpuBefore = cpuSample(node, Boolean(options.databaseUrl));
  const max = await closedLoop(options.instances, options.concurrency, runOne);
  const cpu = cpuPerInstance(cpuBefore, cpuSample(node, Boolean(options.databaseUrl)), max);
  const after = options.databaseUrl ? await commits(options.databaseUrl) : undefined;
  const at80 = await openLoop(
    Math.max(50, Math.round(options.instances / 2)),
    Math.max(1, max.instancesPerSecond * 0.8),
    runOne,
  );
  return {
    ...max,
    at80,
    ...(before !== undefined && after !== undefined
      ? { commitsPerInstance: Math.round(((after - before) / max.instances) * 10) / 10 }
      : {}),
    ...(cpu ? { cpuMsPerInstance: cpu } : {}),
  };
}

interface CpuSample {
  node?: number;
  client?: number;
  postgres?: number;
}

function cpuSample(node: BalcaoNode, server: boolean): CpuSample {
  return {
    node: processCpuMs(node.child.pid!),
    client: processCpuMs(process.pid),
    ...(server ? { postgres: postgresCpuMs() } : {}),
  };
}

function cpuPerInstance(
  before: CpuSample,
  after: CpuSample,
  run: RunFigures,
): BalcaoFigures['cpuMsPerInstance'] {
  const per = (key: keyof CpuSample) =>
    before[key] === undefined || after[key] === undefined
      ? undefined
      : Math.round(((after[key] - before[key]) / run.instances) * 100) / 100;
  const node = per('node');
  const client = per('client');
  const postgres = per('postgres');
  if (node === undefined || client === undefined) return undefined;
  return { node, client, ...(postgres !== undefined ? { postgres } : {}) };
}

function createWithResult(camunda: Camunda8, shape: Shape) {
  const zeebe = camunda.getZeebeGrpcApiClient();
  return () =>
    zeebe.createProcessInstanceWithResult({
      bpmnProcessId: shape.id,
      variables: { waived: false },
      requestTimeout: 120_000,
    });
}

// Committed transactions of the database so far; statistics reach the view within a second.
async function commits(databaseUrl: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const name = new URL(databaseUrl).pathname.slice(1);
    const { rows } = await client.query<{ commits: string }>(
      'select xact_commit::text as commits from pg_stat_database where datname = $1',
      [name],
    );
    return Number(rows[0]?.commits ?? 0);
  } finally {
    await client.end();
  }
}
