import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, type Database } from '@balcao/platform';
import { openTestDatabase } from '@balcao/platform/testing';
import { serverMigrations } from '../../test/apiHarness';
import type { Principal } from '../identity/Principal';
import { countBeyondPage, searchInbox, type InboxFilter } from './inboxQueries';

const clerk: Principal = {
  accountId: 'acc-clerk',
  login: 'dsi-clerk',
  displayName: 'DSI clerk',
  role: 'clerk',
  agency: 'DSI',
  groups: ['dsi-crc-clerks'],
  personDocument: null,
  via: 'session',
};
const firstPage: InboxFilter = {
  view: 'all',
  state: 'open',
  sort: 'createdAt',
  order: 'asc',
  limit: 20,
  offset: 0,
};

describe('inbox search', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDatabase();
    await migrate(db, [serverMigrations]);
  });
  afterEach(async () => {
    await db.close();
  });

  /** `n` open tasks of the clerk's group and `n` of another group, created in turns. */
  const seed = (n: number) =>
    db.query(
      `insert into inbox_task (task_key, kind, process_id, process_instance_key, element_id, name,
          candidate_groups, candidate_users, headers, state, created_at)
       select g::text, 'job', 'p', g::text, 'check', 'Check',
              case when g % 2 = 0 then array['dsi-crc-clerks'] else array['dsf-clerks'] end,
              '{}', '{}'::jsonb, 'open', now() - make_interval(secs => g)
         from generate_series(1, $1 * 2) g`,
      [n],
    );

  it('should count a small inbox exactly', async () => {
    // given
    await seed(45);

    // when
    const found = await searchInbox(db, clerk, { ...firstPage, offset: 40 });

    // then only the clerk's group's tasks, oldest first, and the exact total
    expect(found.total).toBe(45);
    expect(found.totalCapped).toBe(false);
    expect(found.items).toHaveLength(5);
    expect(found.items.every((t) => t.candidate_groups.includes('dsi-crc-clerks'))).toBe(true);
    expect(found.items[0]!.task_key).toBe('10');
  });

  it('should stop counting a thousand tasks past the page and say the total is at least that', async () => {
    // given more tasks than the page plus the counting window
    await seed(countBeyondPage + 100);

    // when
    const first = await searchInbox(db, clerk, firstPage);
    const later = await searchInbox(db, clerk, { ...firstPage, offset: 60 });

    // then
    expect(first).toMatchObject({ total: countBeyondPage + 20, totalCapped: true });
    expect(first.items).toHaveLength(20);
    expect(later).toMatchObject({ total: countBeyondPage + 80, totalCapped: true });
  });

  it('should find the tasks whose variables hold every value asked for', async () => {
    // given three tasks of the clerk's group with different variables
    await db.query(
      `insert into inbox_task (task_key, kind, process_id, process_instance_key, element_id, name,
          candidate_groups, candidate_users, headers, state, created_at, variables)
       select g::text, 'job', 'p', g::text, 'check', 'Check', array['dsi-crc-clerks'], '{}',
              '{}'::jsonb, 'open', now(), v::jsonb
         from unnest(array[1, 2, 3],
                     array['{"caseRef":"A","fee":50}', '{"caseRef":"B","fee":"50"}', '{}']) as t(g, v)`,
    );

    // when
    const keys = async (variables: Record<string, string | number | boolean>) =>
      (await searchInbox(db, clerk, { ...firstPage, variables })).items.map((t) => t.task_key);

    // then
    expect(await keys({ fee: 50 })).toEqual(['1']);
    expect(await keys({ fee: '50' })).toEqual(['2']);
    expect(await keys({ caseRef: 'A', fee: 50 })).toEqual(['1']);
    expect(await keys({ caseRef: 'A', fee: '50' })).toEqual([]);
    expect(await keys({})).toEqual(['1', '2', '3']);
  });
});
