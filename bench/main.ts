/**
 * `npm run bench`: engine throughput through the gRPC gateway on PGlite and PostgreSQL, the
 * bpmn-engine peer on the same shapes, and the server's commit rate. Writes docs/benchmarks.md
 * and docs/benchmarks.json. Not part of `npm test`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { createScratchPostgres } from '@balcao/platform/testing';
import { measureBalcao, withBalcaoNode, type BalcaoFigures } from './balcaoThroughput';
import { measureCommitRate } from './commitRate';
import { medianOf, type RunFigures } from './latency';
import { machineDetails } from './machineDetails';
import { measureBpmnEngine } from './peerBpmnEngine';
import { renderReport, type BenchReport } from './report';
import { oneTask, p1Shaped } from './shapes';

const settings = {
  instances: Number(process.env.BENCH_INSTANCES ?? 2000),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 32),
  runs: Number(process.env.BENCH_RUNS ?? 3),
};
const backends = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',');
const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const shapes = [oneTask, p1Shaped];
const say = (line: string) => process.stderr.write(`${line}\n`);

const report: BenchReport = {
  date: new Date().toISOString(),
  ...(process.env.BENCH_NOTE ? { note: process.env.BENCH_NOTE } : {}),
  settings,
  machine: {},
  shapes: shapes.map(({ id, title, steps }) => ({ id, title, steps })),
  peer: {},
  balcao: [],
};

for (const shape of shapes) {
  const runs: RunFigures[] = [];
  for (let i = 0; i < settings.runs; i++)
    runs.push(await measureBpmnEngine(shape, settings.instances, settings.concurrency));
  report.peer[shape.id] = medianOf(runs);
  say(`bpmn-engine ${shape.id}: ${report.peer[shape.id]!.instancesPerSecond} instances/s`);
}

for (const backend of backends) {
  const scratch = backend === 'postgres' ? await createScratchPostgres(postgresUrl) : undefined;
  try {
    if (scratch) {
      report.commitRate = await measureCommitRate(scratch.url);
      say(`PostgreSQL commits/s: ${JSON.stringify(report.commitRate)}`);
    }
    await withBalcaoNode(scratch?.url, shapes, async (node) => {
      for (const shape of shapes) {
        const runs: BalcaoFigures[] = [];
        for (let i = 0; i < settings.runs; i++) {
          const run = await measureBalcao(node, shape, {
            ...settings,
            ...(scratch ? { databaseUrl: scratch.url } : {}),
          });
          say(
            `Balcão ${backend} ${shape.id}: ${run.instancesPerSecond} instances/s, p99 ${run.p99} ms`,
          );
          runs.push(run);
        }
        const mid = medianOf(runs);
        const byRate = [...runs].sort((a, b) => a.instancesPerSecond - b.instancesPerSecond);
        const median = byRate[Math.floor(byRate.length / 2)]!;
        report.balcao.push({
          backend: backend === 'postgres' ? 'PostgreSQL server' : 'PGlite (embedded)',
          shape: shape.id,
          figures: {
            ...mid,
            at80: median.at80,
            ...(median.commitsPerInstance !== undefined
              ? { commitsPerInstance: median.commitsPerInstance }
              : {}),
          },
          runs,
        });
      }
    });
  } finally {
    await scratch?.drop();
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
