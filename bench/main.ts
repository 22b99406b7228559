/**
 * `npm run bench`: engine throughput through the gRPC gateway on PGlite and PostgreSQL, the
 * bpmn-engine peer on the same shapes, and the server's commit rate (suite `engine`); the HTTP
 * API under load (`api`); live updates to many sockets (`live`). `BENCH_SUITES` picks suites.
 * Writes docs/benchmarks.md and docs/benchmarks.json. Not part of `npm test`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { createScratchPostgres } from '@balcao/platform/testing';
import { measureApiLoad } from './apiLoad';
import {
  measureBalcao,
  withBalcaoNode,
  type BalcaoFigures,
  type WorkerKind,
} from './balcaoThroughput';
import { measureCommitRate } from './commitRate';
import { medianOf, type RunFigures } from './latency';
import { machineDetails } from './machineDetails';
import { measureLiveUpdates } from './liveUpdates';
import { measureBpmnEngine } from './peerBpmnEngine';
import { renderReport, type BenchReport } from './report';
import { oneTask, p1Shaped } from './shapes';

const settings = {
  instances: Number(process.env.BENCH_INSTANCES ?? 2000),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 32),
  runs: Number(process.env.BENCH_RUNS ?? 3),
};
const backends = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',');
const workerNames = (process.env.BENCH_WORKERS ?? 'stream,poll').split(',');
for (const worker of workerNames)
  if (worker !== 'stream' && worker !== 'poll')
    throw new Error(`BENCH_WORKERS lists '${worker}': use stream, poll or both (stream,poll).`);
const workers = workerNames as WorkerKind[];
const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const shapes = [oneTask, p1Shaped];
const say = (line: string) => process.stderr.write(`${line}\n`);
const suites = (process.env.BENCH_SUITES ?? 'engine,api,live').split(',');
const apiSettings = {
  tasks: Number(process.env.BENCH_API_TASKS ?? 100_000),
  taskKind: process.env.BENCH_API_TASK_KIND === 'job' ? ('job' as const) : ('camunda' as const),
  applications: Number(process.env.BENCH_API_APPLICATIONS ?? 1_000_000),
  milestones: Number(process.env.BENCH_API_MILESTONES ?? 3),
  seconds: Number(process.env.BENCH_API_SECONDS ?? 10),
  inboxRate: Number(process.env.BENCH_API_INBOX_RATE ?? 200),
  trackingRate: Number(process.env.BENCH_API_TRACKING_RATE ?? 500),
  submitters: Number(process.env.BENCH_API_SUBMITTERS ?? 16),
};
const liveSettings = {
  sockets: Number(process.env.BENCH_LIVE_SOCKETS ?? 1000),
  events: Number(process.env.BENCH_LIVE_EVENTS ?? 20),
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};

const report: BenchReport = {
  date: new Date().toISOString(),
  ...(process.env.BENCH_NOTE ? { note: process.env.BENCH_NOTE } : {}),
  settings,
  machine: {},
  shapes: shapes.map(({ id, title, steps }) => ({ id, title, steps })),
  peer: {},
  balcao: [],
};

for (const shape of suites.includes('engine') ? shapes : []) {
  const runs: RunFigures[] = [];
  for (let i = 0; i < settings.runs; i++)
    runs.push(await measureBpmnEngine(shape, settings.instances, settings.concurrency));
  report.peer[shape.id] = medianOf(runs);
  say(`bpmn-engine ${shape.id}: ${report.peer[shape.id]!.instancesPerSecond} instances/s`);
}

for (const backend of suites.includes('engine') ? backends : []) {
  const scratch = backend === 'postgres' ? await createScratchPostgres(postgresUrl) : undefined;
  try {
    if (scratch) {
      report.commitRate = await measureCommitRate(scratch.url);
      say(`PostgreSQL commits/s: ${JSON.stringify(report.commitRate)}`);
    }
    await withBalcaoNode(scratch?.url, shapes, async (node) => {
      for (const worker of workers)
        for (const shape of shapes) {
          const runs: BalcaoFigures[] = [];
          for (let i = 0; i < settings.runs; i++) {
            const run = await measureBalcao(node, shape, {
              ...settings,
              worker,
              ...(scratch ? { databaseUrl: scratch.url } : {}),
            });
            say(
              `Balcão ${backend} ${worker} ${shape.id}: ${run.instancesPerSecond} instances/s, p99 ${run.p99} ms, CPU ms/instance ${JSON.stringify(run.cpuMsPerInstance)}`,
            );
            runs.push(run);
          }
          const mid = medianOf(runs);
          const byRate = [...runs].sort((a, b) => a.instancesPerSecond - b.instancesPerSecond);
          const median = byRate[Math.floor(byRate.length / 2)]!;
          report.balcao.push({
            backend: backend === 'postgres' ? 'PostgreSQL server' : 'PGlite (embedded)',
            shape: shape.id,
            worker,
            figures: {
              ...mid,
              at80: median.at80,
              ...(median.commitsPerInstance !== undefined
                ? { commitsPerInstance: median.commitsPerInstance }
                : {}),
              ...(median.cpuMsPerInstance ? { cpuMsPerInstance: median.cpuMsPerInstance } : {}),
            },
            runs,
          });
        }
    });
  } finally {
    await scratch?.drop();
  }
}

if (suites.includes('api')) {
  const scratch = await createScratchPostgres(postgresUrl);
  try {
    report.api = {
      settings: apiSettings,
      figures: await measureApiLoad({ ...apiSettings, databaseUrl: scratch.url, say }),
    };
  } finally {
    await scratch.drop();
  }
}

if (suites.includes('live')) {
  report.live = {
    settings: { sockets: liveSettings.sockets, events: liveSettings.events },
    runs: [],
  };
  for (const redisUrl of [undefined, liveSettings.redisUrl]) {
    const scratch = await createScratchPostgres(postgresUrl);
    try {
      const run = await measureLiveUpdates({
        sockets: liveSettings.sockets,
        events: liveSettings.events,
        ...(redisUrl ? { redisUrl } : {}),
        databaseUrl: scratch.url,
        say,
      });
      say(`live, ${run.nodes} node(s): p50 ${run.p50} ms, p99 ${run.p99} ms, missed ${run.missed}`);
      report.live.runs.push(run);
    } finally {
      await scratch.drop();
    }
  }
}

report.machine = await machineDetails(postgresUrl);
const docs = path.resolve(import.meta.dirname, '../docs');
// Written as the repository's Prettier check expects them.
const write = async (name: string, text: string, parser: string) => {
  const file = path.join(docs, name);
  writeFileSync(file, await format(text, { ...(await resolveConfig(file)), parser }));
};
await write('benchmarks.json', JSON.stringify(report), 'json');
await write('benchmarks.md', renderReport(report), 'markdown');
say('wrote docs/benchmarks.md and docs/benchmarks.json');
