import { describe, expect, it } from 'vitest';
import { JobWaiters } from './JobWaiters';

describe('JobWaiters', () => {
  it('should not lose a wake-up that lands between the empty activation and the wait', async () => {
    // given: a worker read the generation, found no jobs, and has not started waiting yet
    const waiters = new JobWaiters();
    const seen = waiters.generation('work');

    // when: jobs appear before it waits
    waiters.wake(['work']);
    const started = Date.now();
    await waiters.wait('work', 60_000, seen);

    // then: the wait returns at once instead of sleeping out the minute
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('should wake a waiting worker', async () => {
    // given
    const waiters = new JobWaiters();
    const waiting = waiters.wait('work', 60_000, waiters.generation('work'));

    // when
    waiters.wake(['work']);

    // then
    await expect(waiting).resolves.toBeUndefined();
  });
});
