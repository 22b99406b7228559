import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '@balcao/platform';
import { stopInOrder } from './stopInOrder';

function recordingLog() {
  const log = createLogger({ level: 'silent' });
  const error = vi.spyOn(log, 'error');
  return { log, messages: () => error.mock.calls.map((call) => call[1] as unknown) };
}

describe('stopInOrder', () => {
  it('should stop every part in order and report none troubled', async () => {
    // given
    const { log } = recordingLog();
    const order: string[] = [];

    // when
    const troubled = await stopInOrder(
      ['a', 'b', 'c'].map((name) => ({ name, stop: async () => void order.push(name) })),
      log,
    );

    // then
    expect(order).toEqual(['a', 'b', 'c']);
    expect(troubled).toEqual([]);
  });

  it('should name a part that hangs or fails and still stop the parts after it', async () => {
    // given
    const { log, messages } = recordingLog();
    const stopped: string[] = [];

    // when
    const troubled = await stopInOrder(
      [
        { name: 'database pool', stop: () => new Promise(() => undefined) },
        { name: 'live updates', stop: () => Promise.reject(new Error('socket gone')) },
        { name: 'engine', stop: () => void stopped.push('engine') },
      ],
      log,
      50,
    );

    // then
    expect(troubled).toEqual(['database pool', 'live updates']);
    expect(stopped).toEqual(['engine']);
    expect(messages()).toEqual([
      'database pool did not stop within 0.05 s; going on without it',
      'error while stopping live updates',
    ]);
  });
});
