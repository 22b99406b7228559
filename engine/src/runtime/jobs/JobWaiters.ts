/**
 * Long-polling workers waiting for jobs of a type. A command that makes jobs activatable wakes
 * the waiters of this process at once; other nodes hear of it through LISTEN/NOTIFY. Each
 * wake-up bumps a per-type generation, so a wake-up that lands between a worker's empty
 * activation and its wait is not lost: the wait returns at once.
 */
export class JobWaiters {
  private readonly waiting = new Map<string, Set<() => void>>();
  private readonly generations = new Map<string, number>();

  /** The current generation of a type; pass it to `wait` after looking for jobs. */
  generation(type: string): number {
    return this.generations.get(type) ?? 0;
  }

  /** Resolves when jobs of `type` may be available, or after `timeoutMs`, or on abort. */
  wait(type: string, timeoutMs: number, since: number, signal?: AbortSignal): Promise<void> {
    if (this.generation(type) !== since || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiting.get(type) ?? new Set();
      this.waiting.set(type, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0 && this.waiting.get(type) === set) this.waiting.delete(type);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, timeoutMs));
      set.add(done);
      signal?.addEventListener('abort', done);
    });
  }

  wake(types: Iterable<string>): void {
    for (const type of types) {
      this.generations.set(type, this.generation(type) + 1);
      for (const done of [...(this.waiting.get(type) ?? [])]) done();
    }
  }

  wakeAll(): void {
    this.wake([...this.waiting.keys()]);
  }
}
