import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, el } from '@balcao/engine/testing';
import { createAccount } from '../src/identity/accounts';
import type { SignedIn } from './apiHarness';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';
import { inboxKit, type FieldErrors, type Task } from './inboxKit';

// The inbox over real HTTP: filters (agency, due date, priority, process variables), sort and
// pages; giving a task back and commenting on it, with who may (job-based tasks: jobUserTasks.test.ts).

/** A Camunda user task of the DSI clerks' group, its due date and priority from variables. */
const reviewModel = (processId: string, agency: string) =>
  bpmn(
    processId,
    [
      el.start('s'),
      el.user(
        'review',
        `<zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="dsi-crc-clerks" /><zeebe:taskSchedule dueDate="=due" /><zeebe:priorityDefinition priority="=priority" /><zeebe:taskHeaders><zeebe:header key="balcao:agency" value="${agency}" /></zeebe:taskHeaders>`,
      ),
      el.end('e'),
    ],
    [
      ['s', 'review'],
      ['review', 'e'],
    ],
  );

describe('inbox: filters, pages, giving back, comments and forms', { timeout: 180_000 }, () => {
  let t: TestBalcao;
  let dsi: SignedIn;
  let dsi2: SignedIn;
  let dsf: SignedIn;
  let citizen: SignedIn;
  let list: ReturnType<typeof inboxKit>['list'];
  let start: ReturnType<typeof inboxKit>['start'];
  let inboxOf: ReturnType<typeof inboxKit>['inboxOf'];

  beforeAll(async () => {
    t = await startTestBalcao();
    ({ list, start, inboxOf } = inboxKit(t));
    await createAccount(t.balcao.db, {
      login: 'dsi-clerk-2',
      displayName: 'Second DSI clerk',
      role: 'clerk',
      agency: 'DSI',
      groups: ['dsi-crc-clerks'],
      password: 'second-clerk-pw',
    });
    [dsi, dsi2, dsf, citizen] = await Promise.all([
      t.signIn('dsi-clerk'),
      t.signIn('dsi-clerk-2', 'second-clerk-pw'),
      t.signIn('dsf-clerk'),
      t.signIn('citizen'),
    ]);
    await t.camunda.getZeebeGrpcApiClient().deployResources([
      { name: 'inbox-dsi.bpmn', process: Buffer.from(reviewModel('inbox-dsi', 'DSI')) },
      { name: 'inbox-dsf.bpmn', process: Buffer.from(reviewModel('inbox-dsf', 'DSF')) },
    ]);
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  describe('filters, sort and pages', () => {
    // Three tasks of the DSI clerks' group, told apart by their priorities (10, 90, 60).
    beforeAll(async () => {
      await start('inbox-dsi', {
        batch: 'sort',
        caseRef: 'REF-A',
        priority: 10,
        due: '2030-01-10T00:00:00Z',
        fee: 50,
        urgent: true,
        applicant: { name: 'Ana' },
      });
      await start('inbox-dsf', {
        batch: 'sort',
        caseRef: 'REF-B',
        priority: 90,
        due: '2030-01-03T00:00:00Z',
        fee: '50',
      });
      await start('inbox-dsi', {
        batch: 'sort',
        caseRef: 'REF-C',
        priority: 60,
        due: '2030-01-20T00:00:00Z',
        urgent: false,
      });
      await inboxOf('the three tasks in the DSI inbox', dsi, 'var.batch=sort', 3);
    });
    const priorities = async (query: string) =>
      (await list(dsi, `var.batch=sort&${query}`)).items.map((task) => task.priority);

    it('should filter by agency, due date and minimum priority', async () => {
      // when / then
      const dsfTasks = await list(dsi, 'var.batch=sort&agency=DSF');
      expect(dsfTasks.items.map((task) => [task.priority, task.agency])).toEqual([[90, 'DSF']]);
      expect((await priorities('dueBefore=2030-01-15T00:00:00Z&sort=priority')).sort()).toEqual([
        10, 90,
      ]);
      expect(await priorities('priorityMin=60&sort=priority')).toEqual([60, 90]);
      expect(await priorities('agency=DSI&priorityMin=60')).toEqual([60]);
    });

    it('should sort by priority and due date either way', async () => {
      expect(await priorities('sort=priority&order=desc')).toEqual([90, 60, 10]);
      expect(await priorities('sort=priority&order=asc')).toEqual([10, 60, 90]);
      expect(await priorities('sort=dueAt&order=asc')).toEqual([90, 10, 60]);
      expect(await priorities('sort=dueAt&order=desc')).toEqual([60, 10, 90]);
      expect((await dsi.call('/api/tasks?sort=due')).status).toBe(400);
    });

    it('should page through the tasks with the total and whether more follow', async () => {
      // when
      const first = await list(dsi, 'var.batch=sort&sort=priority&pageSize=2&page=1');
      const second = await list(dsi, 'var.batch=sort&sort=priority&pageSize=2&page=2');

      // then
      expect(first.items.map((task) => task.priority)).toEqual([10, 60]);
      expect(first.page).toEqual({ page: 1, pageSize: 2, total: 3, hasMore: true });
      expect(second.items.map((task) => task.priority)).toEqual([90]);
      expect(second.page).toEqual({ page: 2, pageSize: 2, total: 3, hasMore: false });
    });

    it('should filter by process variables, comparing values as JSON', async () => {
      expect(await priorities('var.caseRef=REF-A')).toEqual([10]);
      expect(await priorities('var.caseRef=%22REF-B%22')).toEqual([90]);
      // a bare number is the number; quoted, the text
      expect(await priorities('var.fee=50')).toEqual([10]);
      expect(await priorities('var.fee=%2250%22')).toEqual([90]);
      expect(await priorities('var.urgent=false')).toEqual([60]);
      // several are combined with "and"; no task has both
      expect(await priorities('var.urgent=true&var.caseRef=REF-A')).toEqual([10]);
      expect(await priorities('var.urgent=true&var.caseRef=REF-C')).toEqual([]);
      expect(await priorities('var.caseRef=REF-Z')).toEqual([]);
      // objects are not kept for filtering
      expect(await priorities('var.applicant=Ana')).toEqual([]);
      // and a clerk of another group finds none of them
      expect((await list(dsf, 'var.batch=sort')).items).toEqual([]);
    });

    it('should refuse a malformed variable filter, naming it', async () => {
      for (const [query, path] of [
        ['var.applicant.name=Ana', 'var.applicant.name'],
        ['var.=x', 'var.'],
        ['var.fee=%7B%22a%22%3A1%7D', 'var.fee'],
        ['var.fee=null', 'var.fee'],
        ['var.fee=1&var.fee=2', 'var.fee'],
      ] as const) {
        // when
        const res = await dsi.call(`/api/tasks?${query}`);

        // then
        expect(res.status, query).toBe(400);
        const { error } = (await res.json()) as FieldErrors;
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.fields).toEqual([expect.objectContaining({ path, in: 'query' })]);
      }
    });

    it('should describe the variable filter in the OpenAPI document', async () => {
      // when
      const doc = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as {
        paths: Record<string, { get: { parameters: Record<string, unknown>[] } }>;
      };

      // then
      const parameters = doc.paths['/api/tasks']?.get.parameters ?? [];
      expect(parameters.map((p) => p.name)).toEqual(
        expect.arrayContaining(['agency', 'dueBefore', 'priorityMin', 'sort', 'var.{name}']),
      );
      expect(parameters.find((p) => p.name === 'var.{name}')).toMatchObject({
        in: 'query',
        required: false,
        style: 'form',
        explode: true,
        schema: { type: 'object', additionalProperties: { type: 'string' } },
      });
    });
  });

  describe('giving a task back and commenting on it', () => {
    let task: Task;
    beforeAll(async () => {
      await start('inbox-dsi', { batch: 'work', priority: 50, due: '2030-02-01T00:00:00Z' });
      [task] = (await inboxOf('the task to work on', dsi, 'var.batch=work')) as [Task];
    });
    const unclaim = (who: SignedIn) =>
      who.call(`/api/tasks/${task.id}/unclaim`, { method: 'POST' });

    it('should let the assignee give a task back, and nobody else but a supervisor', async () => {
      // given the DSI clerk has taken the task
      expect((await dsi.call(`/api/tasks/${task.id}/claim`, { method: 'POST' })).status).toBe(200);

      // when another clerk of the group, a clerk of another group and a citizen give it back
      const byColleague = await unclaim(dsi2);
      const byOtherGroup = await unclaim(dsf);
      const byCitizen = await unclaim(citizen);

      // then the colleague is told who has it, the others learn nothing about it
      expect(byColleague.status).toBe(409);
      expect(((await byColleague.json()) as FieldErrors).error.code).toBe('CONFLICT');
      expect(byOtherGroup.status).toBe(404);
      expect(await byOtherGroup.text()).not.toContain('dsi-clerk');
      expect(byCitizen.status).toBe(403);

      // when the assignee gives it back
      const byAssignee = await unclaim(dsi);

      // then it is unassigned, in the engine too, and back among the group's unassigned tasks
      expect(byAssignee.status).toBe(200);
      expect(((await byAssignee.json()) as Task).assignee).toBeNull();
      const unassigned = await list(dsi2, 'view=unassigned&var.batch=work');
      expect(unassigned.items.map((i) => i.id)).toEqual([task.id]);
      const inEngine = await t.camunda
        .getCamundaRestClient()
        .searchUserTasks({ filter: { userTaskKey: task.id } });
      expect((inEngine.items[0] as { assignee?: string }).assignee ?? null).toBeNull();
      // and giving back a task nobody has is a conflict too
      expect((await unclaim(dsi)).status).toBe(409);
    });

    it("should let a supervisor of the task's agency give back a clerk's task", async () => {
      // given
      expect((await dsi2.call(`/api/tasks/${task.id}/claim`, { method: 'POST' })).status).toBe(200);
      const supervisor = await t.signIn('supervisor');

      // when
      const res = await unclaim(supervisor);

      // then
      expect(res.status).toBe(200);
      expect(((await res.json()) as Task).assignee).toBeNull();
    });

    it('should show a comment with the task and in its history, and refuse it to others', async () => {
      // when a clerk of the group comments
      const res = await dsi.call(`/api/tasks/${task.id}/comments`, {
        method: 'POST',
        body: { text: '  Called the applicant about the address.  ' },
      });

      // then
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({
        author: 'dsi-clerk',
        text: 'Called the applicant about the address.',
      });
      const detail = (await (await dsi2.call(`/api/tasks/${task.id}`)).json()) as {
        comments: { author: string; text: string; at: string }[];
        history: { what: string; who: string | null }[];
      };
      expect(detail.comments).toEqual([
        {
          author: 'dsi-clerk',
          text: 'Called the applicant about the address.',
          at: expect.any(String),
        },
      ]);
      expect(detail.history).toContainEqual({
        at: expect.any(String),
        what: 'comments',
        who: 'dsi-clerk',
      });

      // when a citizen, a clerk of another group, or someone with nothing to say tries
      const byCitizen = await citizen.call(`/api/tasks/${task.id}/comments`, {
        method: 'POST',
        body: { text: 'Let me in' },
      });
      const byOtherGroup = await dsf.call(`/api/tasks/${task.id}/comments`, {
        method: 'POST',
        body: { text: 'Let me in' },
      });
      const empty = await dsi.call(`/api/tasks/${task.id}/comments`, {
        method: 'POST',
        body: { text: '   ' },
      });

      // then they are refused and the task keeps its one comment
      expect(byCitizen.status).toBe(403);
      expect(byOtherGroup.status).toBe(404);
      expect(empty.status).toBe(400);
      const after = (await (await dsi.call(`/api/tasks/${task.id}`)).json()) as {
        comments: unknown[];
      };
      expect(after.comments).toHaveLength(1);
    });
  });
});
