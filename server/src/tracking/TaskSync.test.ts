import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Camunda8 } from '@camunda8/sdk';
import { createLogger, migrate, type Database } from '@balcao/platform';
import { openTestDatabase } from '@balcao/platform/testing';
import { serverMigrations } from '../../test/apiHarness';
import type { LiveHub } from '../live/attachLiveHub';
import { TaskSync } from './TaskSync';
import type { Tracker } from './Tracker';

describe('TaskSync', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDatabase();
    await migrate(db, [serverMigrations]);
  });
  afterEach(async () => {
    await db.close();
  });

  /** An engine with no news: records which open tasks each pass asks about. */
  function quietEngine() {
    const asked: string[][] = [];
    const rest = {
      searchUserTasks: async (request: { filter: { userTaskKey?: { $in: string[] } } }) => {
        if (request.filter.userTaskKey) asked.push(request.filter.userTaskKey.$in);
        return { items: [] };
      },
      searchProcessInstances: async () => ({ items: [] }),
    };
    const camunda = { getCamundaRestClient: () => rest } as unknown as Camunda8;
    return { camunda, asked };
  }

  it('should recheck a bounded slice of the open Zeebe user tasks per pass, oldest first, then start over', async () => {
    // given: five open Zeebe user tasks, one job-based task and one completed task
    await db.query(
      `insert into inbox_task (task_key, kind, process_id, process_instance_key, element_id, name,
          candidate_groups, candidate_users, headers, state, created_at)
       select 't' || g, case when g = 6 then 'job' else 'camunda' end, 'p', g::text, 'check', 'Check',
              array['dsi-crc-clerks'], '{}', '{}'::jsonb, case when g = 7 then 'completed' else 'open' end,
              timestamptz '2026-11-01' + make_interval(secs => g)
         from generate_series(1, 7) g`,
    );
    const { camunda, asked } = quietEngine();
    const sync = new TaskSync({
      db,
      camunda,
      live: {} as LiveHub,
      tracker: {} as Tracker,
      log: createLogger({ level: 'silent' }),
      recheckPerPass: 2,
    });

    // when
    for (let pass = 0; pass < 4; pass++) await sync.syncOnce();

    // then
    expect(asked).toEqual([['t1', 't2'], ['t3', 't4'], ['t5'], ['t1', 't2']]);
  });

  it("should keep a new task's top-level strings, numbers and booleans for the inbox to filter on", async () => {
    // given an engine with one new user task and the variables it sees
    const task = {
      userTaskKey: '2251799813685300',
      state: 'CREATED',
      elementId: 'review',
      processDefinitionId: 'p',
      processInstanceKey: '2251799813685299',
      candidateGroups: ['dsi-crc-clerks'],
      creationDate: '2026-11-01T10:00:00.000Z',
    };
    const seen = [
      { name: 'caseRef', value: '"REF-1"', isTruncated: false },
      { name: 'fee', value: '50', isTruncated: false },
      { name: 'urgent', value: 'true', isTruncated: false },
      { name: 'applicant', value: '{"name":"Ana"}', isTruncated: false },
      { name: 'notes', value: '"long tex', isTruncated: true },
      { name: 'nothing', value: 'null', isTruncated: false },
    ];
    const rest = {
      searchUserTasks: async (request: { filter: { creationDate?: unknown } }) => ({
        items: request.filter.creationDate ? [task] : [],
      }),
      searchUserTaskVariables: async () => ({ items: seen }),
      searchProcessInstances: async () => ({ items: [] }),
    };
    const sync = new TaskSync({
      db,
      camunda: { getCamundaRestClient: () => rest } as unknown as Camunda8,
      live: { publish: () => undefined } as unknown as LiveHub,
      tracker: { applicationOfCase: async () => undefined } as unknown as Tracker,
      log: createLogger({ level: 'silent' }),
    });

    // when
    await sync.syncOnce();

    // then
    const { rows } = await db.query<{ variables: unknown }>(
      'select variables from inbox_task where task_key = $1',
      [task.userTaskKey],
    );
    expect(rows[0]?.variables).toEqual({ caseRef: 'REF-1', fee: 50, urgent: true });
  });
});
