import type { ApiLoadFigures } from './apiLoad';
import type { BalcaoFigures, WorkerKind } from './balcaoThroughput';
import type { CommitRate } from './commitRate';
import type { RunFigures } from './latency';
import type { LiveFigures } from './liveUpdates';
import { profileAndFixes } from './profileAndFixes';
import { renderApiSections, type ApiSettings, type LiveSettings } from './reportApi';

export interface BenchReport {
  date: string;
  /** Circumstances of the run worth knowing (BENCH_NOTE), e.g. other work on the machine. */
  note?: string;
  settings: { instances: number; concurrency: number; runs: number };
  machine: Record<string, string | number>;
  commitRate?: CommitRate;
  shapes: { id: string; title: string; steps: number }[];
  peer: Record<string, RunFigures>;
  balcao: {
    backend: string;
    shape: string;
    /** Absent in reports written before both workers were measured: those used `poll`. */
    worker?: WorkerKind;
    figures: BalcaoFigures;
    runs: BalcaoFigures[];
  }[];
  /** Suite `api`: the HTTP API under load. */
  api?: { settings: ApiSettings; figures: ApiLoadFigures };
  /** Suite `live`: one node, then two sharing Redis. */
  live?: { settings: LiveSettings; runs: LiveFigures[] };
}

/** docs/benchmarks.md from the figures (the JSON beside it holds every run). */
export function renderReport(r: BenchReport): string {
  const m = r.machine;
  const rows = r.balcao.map(({ backend, shape, worker, figures: f }) => {
    const peer = r.peer[shape];
    const ratio = peer ? (f.instancesPerSecond / peer.instancesPerSecond).toFixed(2) : '–';
    return `| ${shapeName(r, shape)} | ${backend} | ${workerName(worker)} | ${f.instancesPerSecond} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.at80.instancesPerSecond} | ${f.at80.p99} | ${f.commitsPerInstance ?? '–'} | ${peer?.instancesPerSecond ?? '–'} | ${ratio} |`;
  });
  const bound = r.commitRate
    ? r.balcao
        .filter((b) => b.figures.commitsPerInstance)
        .map(({ shape, worker, figures: f }) => {
          const ceiling = r.commitRate!.eightConnections / f.commitsPerInstance!;
          return `| ${shapeName(r, shape)} | ${workerName(worker)} | ${f.commitsPerInstance} | ${Math.round(ceiling)} | ${f.instancesPerSecond} | ${Math.round((100 * f.instancesPerSecond) / ceiling)} % |`;
        })
    : [];
  return `# Benchmarks

Produced by \`npm run bench\` on ${r.date.slice(0, 10)}; each figure is the median of ${r.settings.runs} run(s) of
${r.settings.instances} instances. Do not edit by hand: run the benchmark again (\`BENCH_INSTANCES\`, \`BENCH_RUNS\`,
\`BENCH_CONCURRENCY\`, \`BENCH_BACKENDS=pglite,postgres\`, \`BENCH_WORKERS=stream,poll\` change the load). Every run is in \`benchmarks.json\`.
${r.note ? `\n**Note on this run:** ${r.note}\n` : ''}
## Machine

| | |
| --- | --- |
| CPU | ${m.cpu} (${m.cores} cores) |
| memory | ${m.memoryGiB} GiB |
| Node.js | ${m.node} |
| PostgreSQL server | ${m.postgres} |
| PGlite | ${m.pglite} |
| OS | ${m.os} |
| load average when the run ended (1 / 5 / 15 min) | ${m.loadAverage} |

A load average above the number of cores means other work shared the machine: the figures are then
lower than the machine can do, and only comparisons within the same run hold.

## Engine throughput through the Zeebe gateway

Everything runs on this machine: a Balcão node started as \`npm start\` starts it (engine, gRPC gateway,
database or PGlite) in its own process; in the benchmark's process ${r.settings.concurrency} clients call
\`createProcessInstanceWithResult\` of @camunda8/sdk (each waits for its instance to end, then starts the next)
and one standard SDK job worker completes the service tasks, either **stream** (\`streamJobs\`: the gateway pushes
each job as it is created, Camunda's low-latency way) or **poll** (\`createWorker\` with its defaults: long-polling
\`ActivateJobs\` for up to 64 jobs, asking again at its next 300 ms tick).
Latency is from the create call to the instance's end. "at 80 %" starts instances at a fixed 80 % of the
measured rate (an open loop: latency then includes queueing, as a user would see it).

The peer is [bpmn-engine](https://github.com/paed01/bpmn-engine) (npm, in memory, nothing durable) running the
same shape with an in-process service and the same ${r.settings.concurrency} clients; the ratio is Balcão / bpmn-engine.

| shape | backend | worker | instances/s | p50 ms | p95 ms | p99 ms | at 80 %: instances/s | at 80 %: p99 ms | commits per instance | bpmn-engine instances/s | ratio |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Shapes: ${r.shapes.map((s) => `**${s.id}** — ${s.title}`).join('; ')}.
${renderEngineTargets(r)}
## The physical bound

${
  r.commitRate
    ? `The PostgreSQL server commits ${r.commitRate.oneConnection} single-row transactions/s from one connection and
${r.commitRate.eightConnections}/s from eight (fsync ${r.commitRate.fsync}, synchronous_commit ${r.commitRate.synchronousCommit}).
Dividing by the commits Balcão makes per instance (every transaction of the node while the run lasted, including
job activations and background work) gives the rate the disk would allow:

| shape | worker | commits per instance | bound instances/s | Balcão instances/s | share of the bound |
| --- | --- | ---: | ---: | ---: | ---: |
${bound.join('\n')}`
    : 'Not measured: the PostgreSQL server was not part of this run.'
}

${renderCpu(r)}${profileAndFixes}${renderApiSections(r)}`;
}

/** The issue's targets against the best worker on the PostgreSQL server. */
function renderEngineTargets(r: BenchReport): string {
  const best = (shape: string | undefined) =>
    r.balcao
      .filter((b) => b.shape === shape && b.backend === 'PostgreSQL server')
      .sort((a, b) => b.figures.instancesPerSecond - a.figures.instancesPerSecond)[0];
  const a = best(r.shapes[0]?.id);
  const b = best(r.shapes[1]?.id);
  if (!a || !b) return '';
  const verdict = (met: boolean) => (met ? 'met' : '**missed**');
  const ratio = (x: typeof a) =>
    x.figures.instancesPerSecond / (r.peer[x.shape]?.instancesPerSecond ?? Infinity);
  return `
Targets on the PostgreSQL server (best worker): (a) ≥ 500 instances/s: ${a.figures.instancesPerSecond}, ${verdict(a.figures.instancesPerSecond >= 500)};
p99 ≤ 200 ms at 80 % of that rate: ${a.figures.at80.p99} ms, ${verdict(a.figures.at80.p99 <= 200)}; (b) ≥ 100 instances/s:
${b.figures.instancesPerSecond}, ${verdict(b.figures.instancesPerSecond >= 100)}; Balcão / bpmn-engine ≥ 1.0: ${ratio(a).toFixed(2)} and ${ratio(b).toFixed(2)},
${verdict(ratio(a) >= 1 && ratio(b) >= 1)}. "Where the CPU goes" below shows what bounds the rates on this machine.
`;
}

/** CPU time per instance by process: with every core busy, what bounds the rate. */
function renderCpu(r: BenchReport): string {
  const cores = Number(r.machine.cores) || 1;
  const rows = r.balcao.flatMap(({ backend, shape, worker, figures: f }) => {
    const cpu = f.cpuMsPerInstance;
    if (!cpu) return [];
    const total = cpu.node + cpu.client + (cpu.postgres ?? 0);
    return [
      `| ${shapeName(r, shape)} | ${backend} | ${workerName(worker)} | ${cpu.node} | ${cpu.client} | ${cpu.postgres ?? 'in the node'} | ${Math.round(total * 10) / 10} | ${Math.round((cores * 1000) / total)} | ${Math.round((cores * 1000) / cpu.client)} |`,
    ];
  });
  if (rows.length === 0) return '';
  return `## Where the CPU goes

CPU time (user + system) per instance during the closed loop, from \`/proc\`: the Balcão node, the benchmark's
own process (the SDK clients that create instances and the job worker: the load a user's application would
add), and every PostgreSQL server process. With all ${cores} cores busy, ${cores} × 1000 ms divided by the total
is the most instances per second this machine can run, whatever the engine does; the last column is the
same bound for the load generator alone.

| shape | backend | worker | node ms | SDK clients ms | PostgreSQL ms | total ms | CPU bound instances/s | SDK clients alone: bound |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

`;
}

function workerName(worker: WorkerKind | undefined): string {
  return worker ?? 'poll';
}

function shapeName(r: BenchReport, id: string): string {
  return id === r.shapes[0]?.id ? '(a) one task' : id === r.shapes[1]?.id ? '(b) P1-shaped' : id;
}
