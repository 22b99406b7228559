import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { Engine } from '../runtime/Engine';
import { bpmn, el } from '../testing/bpmn';
import { useTestEngine } from '../runtime/scenarios/harness';

describe(`jobs across nodes (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should wake a worker long-polling on another node when a job is created', async () => {
    // given: two engines on one database; a worker waits on the second
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
      const started = Date.now();
      const polling = other.activateJobs({
        type: 'work',
        worker: 'w',
        timeout: 5000,
        maxJobsToActivate: 1,
        fetchVariable: [],
        requestTimeout: 20_000,
      });

      // when: the first engine creates the job
      await new Promise((resolve) => setTimeout(resolve, 200));
      await t.engine.createProcessInstance({ bpmnProcessId: 'apply' });

      // then: the wait ends with the job, long before its timeout
      const jobs = await polling;
      expect(jobs.map((j) => j.type)).toEqual(['work']);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await other.stop();
    }
  });
});
