/** Figures of one measured run. */
export interface RunFigures {
  instances: number;
  seconds: number;
  instancesPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export function figures(latenciesMs: number[], seconds: number): RunFigures {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
  return {
    instances: sorted.length,
    seconds: Math.round(seconds * 10) / 10,
    instancesPerSecond: Math.round(sorted.length / seconds),
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
  };
}

/** The median run by throughput, with each percentile the median of the runs' own. */
export function medianOf(runs: RunFigures[]): RunFigures {
  const mid = <K extends keyof RunFigures>(key: K) =>
    [...runs].sort((a, b) => a[key] - b[key])[Math.floor(runs.length / 2)]!;
  return {
    ...mid('instancesPerSecond'),
    p50: mid('p50').p50,
    p95: mid('p95').p95,
    p99: mid('p99').p99,
  };
}

/**
 * Closed loop: `concurrency` clients, each starting the next instance when its last one
 * ended, until `instances` have run. Gives the highest rate the system sustains.
 */
export async function closedLoop(
  instances: number,
  concurrency: number,
  runOne: () => Promise<unknown>,
): Promise<RunFigures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < instances) {
      next++;
      const t0 = performance.now();
      await runOne();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => client()));
  return figures(latencies, (performance.now() - started) / 1000);
}

/**
 * Open loop: starts instances at a fixed rate whatever the answers, so latency shows what
 * a user waits at that load (a closed loop hides queueing by slowing its clients down).
 */
export async function openLoop(
  instances: number,
  perSecond: number,
  runOne: () => Promise<unknown>,
): Promise<RunFigures> {
  const latencies: number[] = [];
  const started = performance.now();
  const all: Promise<void>[] = [];
  for (let n = 0; n < instances; n++) {
    const due = started + (n * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const t0 = performance.now();
    all.push(runOne().then(() => void latencies.push(performance.now() - t0)));
  }
  await Promise.all(all);
  return figures(latencies, (performance.now() - started) / 1000);
}
