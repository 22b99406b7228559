import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { Engine } from '../runtime/Engine';
import { bpmn, el } from '../testing/bpmn';
import { useTestEngine } from '../runtime/scenarios/harness';

describe(`create with result across nodes (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should answer the caller on one node when the instance completes on another', async () => {
    // given: two engines on one database; the caller waits on the first
    const { t } = ctx;
    const other = await Engine.start({
      db: t.db,
      log: pino({ level: 'silent' }),
      scheduler: false,
    });
    try {
      await t.deployProcess(
        bpmn(
          'apply',
          [el.start('s'), el.service('work', 'work'), el.end('e')],
          [
            ['s', 'work'],
            ['work', 'e'],
          ],
        ),
      );
      const pending = t.engine.createProcessInstanceWithResult({
        bpmnProcessId: 'apply',
        requestTimeout: 15_000,
      });

      // when: the worker talks to the other node
      const [job] = await other.activateJobs({
        type: 'work',
        worker: 'w',
        timeout: 5000,
        maxJobsToActivate: 1,
        fetchVariable: [],
        requestTimeout: 10_000,
      });
      await other.completeJob(job!.key, { certificate: 'CRC-1' });

      // then
      expect((await pending).variables).toEqual({ certificate: 'CRC-1' });
    } finally {
      await other.stop();
    }
  });
});
