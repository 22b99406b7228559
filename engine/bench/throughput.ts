/**
 * Engine throughput: completed instances/s of start → service task → end with in-process
 * workers, on PGlite and on PostgreSQL (DATABASE_URL or the local server), and latency from
 * create to completion. Writes docs/benchmarks.md and docs/benchmarks.json.
 *
 *   npm run bench            (BENCH_INSTANCES=3000 BENCH_CONCURRENCY=32 to change the load)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, openPglite, type Database } from '@balcao/platform';
import { createScratchPostgres } from '@balcao/platform/testing';
import { pino } from 'pino';
import { engineMigrations } from '../src/migrations';
import { Engine } from '../src/runtime/Engine';
import { bpmn, el } from '../src/testing/bpmn';
import { machineDetails } from './machineDetails';

const instances = Number(process.env.BENCH_INSTANCES ?? 3000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Result {
  backend: string;
  instancesPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  eventsPerInstance: number;
}

async function measure(db: Database, backend: string): Promise<Result> {
  await migrate(db, [engineMigrations]);
  const engine = await Engine.start({ db, log: pino({ level: 'warn' }) });
  await engine.deploy([
    {
      name: 'bench.bpmn',
      content: Buffer.from(
        bpmn(
          'bench',
          [el.start('s'), el.service('work', 'work'), el.end('e')],
          [
            ['s', 'work'],
            ['work', 'e'],
          ],
        ),
      ),
    },
  ]);
  const controller = new AbortController();
  let stopping = false;
  const worker = async () => {
    while (!stopping) {
      const jobs = await engine.activateJobs(
        {
          type: 'work',
          worker: 'bench',
          timeout: 30_000,
          maxJobsToActivate: 32,
          fetchVariable: [],
          requestTimeout: 1000,
        },
        controller.signal,
      );
      await Promise.all(jobs.map((job) => engine.completeJob(job.key, { ok: true })));
    }
  };
  const workers = Array.from({ length: 4 }, () => worker());
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < instances) {
      next++;
      const t0 = performance.now();
      await engine.createProcessInstanceWithResult({
        bpmnProcessId: 'bench',
        requestTimeout: 60_000,
      });
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => client()));
  const seconds = (performance.now() - started) / 1000;
  stopping = true;
  controller.abort();
  await Promise.all(workers);
  await engine.stop();
  const events = await db.query<{ c: number }>(
    'select count(*)::int as c from engine_event where process_instance_key is not null',
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!,
    );
  return {
    backend,
    instancesPerSecond: Math.round(instances / seconds),
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    eventsPerInstance: Math.round(events.rows[0]!.c / instances),
  };
}

async function onPglite(): Promise<Result> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'balcao-bench-'));
  const db = await openPglite({ dataDir: path.join(dir, 'pglite') });
  try {
    return await measure(db, 'PGlite (embedded, fsync off)');
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<Result> {
  const scratch = await createScratchPostgres(postgresUrl);
  const { openPostgres } = await import('@balcao/platform');
  const db = openPostgres({ url: scratch.url, poolSize: 16 });
  try {
    return await measure(db, 'PostgreSQL server');
  } finally {
    await db.close();
    await scratch.drop();
  }
}

function median(results: Result[]): Result {
  const by = (k: keyof Result) =>
    [...results].sort((a, b) => (a[k] as number) - (b[k] as number))[
      Math.floor(results.length / 2)
    ]!;
  const mid = by('instancesPerSecond');
  return { ...mid, p50: by('p50').p50, p95: by('p95').p95, p99: by('p99').p99 };
}

const results: Result[] = [];
for (const backend of [onPglite, onPostgres]) {
  const samples: Result[] = [];
  for (let i = 0; i < runs; i++) {
    const sample = await backend();
    process.stderr.write(
      `${sample.backend}: ${sample.instancesPerSecond} instances/s (p99 ${sample.p99} ms)\n`,
    );
    samples.push(sample);
  }
  results.push(median(samples));
}

const machine = await machineDetails(postgresUrl);
const docs = path.resolve(import.meta.dirname, '../../docs');
writeFileSync(
  path.join(docs, 'benchmarks.json'),
  `${JSON.stringify({ date: new Date().toISOString(), machine, instances, concurrency, runs, results }, null, 2)}\n`,
);
const rows = results
  .map(
    (r) =>
      `| ${r.backend} | ${r.instancesPerSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.eventsPerInstance} |`,
  )
  .join('\n');
writeFileSync(
  path.join(docs, 'benchmarks.md'),
  `# Benchmarks

Produced by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; figures are the median of ${runs} runs.
Do not edit by hand: run the benchmark again.

## Machine

| | |
| --- | --- |
| CPU | ${machine.cpu} (${machine.cores} cores) |
| memory | ${machine.memoryGiB} GiB |
| Node.js | ${machine.node} |
| PostgreSQL server | ${machine.postgres} |
| PGlite | ${machine.pglite} |

## Engine throughput (in-process API)

Start → service task → end, ${instances} instances, ${concurrency} concurrent clients each creating an instance and
waiting for its result, 4 in-process workers (activate up to 32 jobs, complete each). Everything runs on this
machine: engine, database, workers and load. Latency is from the create call to the instance's completion.

| backend | completed instances/s | p50 ms | p95 ms | p99 ms | events per instance |
| --- | ---: | ---: | ---: | ---: | ---: |
${rows}

The target of the later benchmark issue is ≥ 500 completed instances/s on PostgreSQL, measured through the gRPC
gateway with @camunda8/sdk; this first figure is through the engine's in-process API.
`,
);
process.stderr.write(`wrote docs/benchmarks.md\n`);
