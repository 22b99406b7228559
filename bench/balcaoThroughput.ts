import { Camunda8 } from '@camunda8/sdk';
import pg from 'pg';
import { startBalcaoNode, type BalcaoNode } from '../chaos/balcaoNode';
import { closedLoop, openLoop, type RunFigures } from './latency';
import type { Shape } from './shapes';

export interface BalcaoFigures extends RunFigures {
  /** Open loop at 80% of the closed loop's rate. */
  at80: RunFigures;
  /** Transactions committed in the database per completed instance (PostgreSQL only). */
  commitsPerInstance?: number;
}

/**
 * Balcão as a user measures it: a node started as `npm start` does (its own process), and in
 * this process the load (`createProcessInstanceWithResult`) and a standard @camunda8/sdk job
 * worker, both through the gRPC gateway.
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
  });
  try {
    const zeebe = node.camunda.getZeebeGrpcApiClient();
    for (const shape of shapes)
      await zeebe.deployResource({ name: `${shape.id}.bpmn`, process: Buffer.from(shape.zeebe) });
    const worker = zeebe.createWorker({
      taskType: 'bench-step',
      taskHandler: (job) => job.complete(),
      maxJobsToActivate: 64,
      timeout: 30_000,
    });
    try {
      return await work(node);
    } finally {
      await worker.close(1000).catch(() => undefined);
    }
  } finally {
    await node.stop();
  }
}

export async function measureBalcao(
  node: BalcaoNode,
  shape: Shape,
  options: { instances: number; concurrency: number; databaseUrl?: string },
): Promise<BalcaoFigures> {
  // No client retries: a retried create would start a second instance and hide the failure.
  const client = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${node.gateway}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
    zeebeGrpcSettings: { ZEEBE_GRPC_CLIENT_RETRY: false },
  } as ConstructorParameters<typeof Camunda8>[0]);
  try {
    return await measureWith(client, shape, options);
  } finally {
    await client
      .getZeebeGrpcApiClient()
      .close(1000)
      .catch(() => undefined);
  }
}

async function measureWith(
  camunda: Camunda8,
  shape: Shape,
  options: { instances: number; concurrency: number; databaseUrl?: string },
): Promise<BalcaoFigures> {
  const runOne = createWithResult(camunda, shape);
  await closedLoop(Math.min(100, options.instances), options.concurrency, runOne); // warm-up
  const before = options.databaseUrl ? await commits(options.databaseUrl) : undefined;
  const max = await closedLoop(options.instances, options.concurrency, runOne);
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
  };
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
