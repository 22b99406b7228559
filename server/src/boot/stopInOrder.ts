import type { Logger } from '@balcao/platform';

/** One part of a node to stop, named for the log. */
export interface StopStep {
  name: string;
  stop(): Promise<unknown> | void;
}

/**
 * Stops the parts one after another, each bounded by `stepTimeoutMs`: a part that hangs (a pool
 * waiting for a connection that never comes back, a client that never answers) is logged by
 * name and left behind, so the process still exits and the operator sees what hung. Errors are
 * logged and the rest still stops. Resolves with the names of the parts that failed or hung.
 */
export async function stopInOrder(
  steps: readonly StopStep[],
  log: Logger,
  stepTimeoutMs = 10_000,
): Promise<string[]> {
  const troubled: string[] = [];
  for (const step of steps) {
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      Promise.resolve()
        .then(() => step.stop())
        .then(
          () => 'stopped' as const,
          (error: unknown) => {
            log.error({ err: error, part: step.name }, `error while stopping ${step.name}`);
            return 'failed' as const;
          },
        ),
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), stepTimeoutMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    if (outcome === 'timeout')
      log.error(
        { part: step.name, timeoutMs: stepTimeoutMs },
        `${step.name} did not stop within ${stepTimeoutMs / 1000} s; going on without it`,
      );
    if (outcome !== 'stopped') troubled.push(step.name);
  }
  return troubled;
}
