import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, el } from '@balcao/engine/testing';
import type { SignedIn } from './apiHarness';
import { deployTestService } from './deployTestService';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';
import { eventually } from './eventually';

// The pledge clock as supervisors and citizens see it over real HTTP, with the node's clock
// moved forward day by day: warnings from 80% of the pledge, breaches from 100%, breaches
// listed first and filtered, and the citizen's expected completion date.

const DAY = 86_400_000;
const stages = ['breached', 'warning', 'paused', 'on-track'];

const reviewedBy = (processId: string, task: string) =>
  bpmn(
    processId,
    [el.start('s'), el.user('t', task), el.end('e')],
    [
      ['s', 't'],
      ['t', 'e'],
    ],
  );
const clerkReview = `<zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="dsi-crc-clerks" />`;
const citizenOwes = `<zeebe:userTask /><zeebe:assignmentDefinition assignee="=applicantAccount" /><zeebe:taskHeaders><zeebe:header key="balcao:milestone:en" value="Awaiting documents" /></zeebe:taskHeaders>`;
/** Services of DSI, the supervisor's agency, by their pledge in working days. */
const services = [
  { processId: 'sla-short', workingDays: 10, task: clerkReview },
  { processId: 'sla-long', workingDays: 20, task: clerkReview },
  { processId: 'sla-ample', workingDays: 60, task: clerkReview },
  { processId: 'sla-owing', workingDays: 10, task: citizenOwes },
];

interface Summary {
  number: string;
  processId: string;
  expectedBy: string | null;
  sla: {
    state: string;
    dueDate: string | null;
    elapsedWorkingDays: number;
    pledgeWorkingDays: number;
  };
}
interface Page {
  items: Summary[];
  page: { total: number; hasMore: boolean };
}

describe('SLA warnings and breaches over the API', { timeout: 180_000 }, () => {
  let shift = 0;
  let t: TestBalcao;
  let citizen: SignedIn;
  let supervisor: SignedIn;
  const numbers: Record<string, string> = {};

  const list = async (query = '') => {
    const res = await supervisor.call(`/api/agency/applications?pageSize=100${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };
  const detail = async (processId: string) =>
    (await (await citizen.call(`/api/applications/${numbers[processId]}`)).json()) as Summary;
  /** Moves the clock a day on until `when` holds for the application of `processId`. */
  const untilFirst = async (processId: string, when: (a: Summary) => boolean) => {
    for (let days = 0; days < 60; days += 1, shift += DAY) {
      const page = await list();
      await expectConsistent(page);
      const found = page.items.find((a) => a.processId === processId);
      if (found && when(found)) return found;
    }
    throw new Error(`${processId} never reached the state`);
  };
  /** Each item listed under its own state's filter, the states in the list's order. */
  const expectConsistent = async (page: Page) => {
    const ranks = page.items.map((a) => stages.indexOf(a.sla.state));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const stage of stages) {
      const filtered = await list(`&sla=${stage}`);
      expect(filtered.items.map((a) => a.number)).toEqual(
        page.items.filter((a) => a.sla.state === stage).map((a) => a.number),
      );
    }
  };

  beforeAll(async () => {
    t = await startTestBalcao({ now: () => new Date(Date.now() + shift) });
    for (const s of services) {
      await deployTestService(t, {
        processId: s.processId,
        model: reviewedBy(s.processId, s.task),
        agency: 'DSI',
        name: { 'zh-Hant': s.processId, pt: s.processId, en: s.processId },
        workingDays: s.workingDays,
      });
    }
    citizen = await t.signIn('citizen');
    supervisor = await t.signIn('supervisor');
    for (const s of services) {
      const res = await citizen.call('/api/applications', {
        method: 'POST',
        body: { processId: s.processId, data: {} },
      });
      expect(res.status).toBe(201);
      numbers[s.processId] = ((await res.json()) as { number: string }).number;
    }
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  it('should pause the clock of the application whose applicant owes a task', async () => {
    // given: listed once before the owed task reaches the timeline, or after (a race)
    await list();

    // when the citizen owes the task
    await eventually('the owing application paused', async () => {
      const d = await detail('sla-owing');
      return d.sla.state === 'paused' ? d : undefined;
    });

    // then the supervisor's list shows it paused too, whatever it stored before
    const page = await list();
    expect(page.items.map((a) => [a.processId, a.sla.state])).toEqual([
      ['sla-owing', 'paused'],
      ['sla-short', 'on-track'],
      ['sla-long', 'on-track'],
      ['sla-ample', 'on-track'],
    ]);
    await expectConsistent(page);
  });

  it('should warn from 80% of the pledge and breach from 100%, the day after the due date', async () => {
    // given: the citizen's expected completion date while on track
    const before = await detail('sla-short');
    expect(before.sla.state).toBe('on-track');
    expect(before.sla.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(before.expectedBy).toBe(before.sla.dueDate);

    // when the clock reaches 8 of the 10 days
    const warned = await untilFirst('sla-short', (a) => a.sla.state !== 'on-track');

    // then
    expect(warned.sla).toMatchObject({ state: 'warning', elapsedWorkingDays: 8 });

    // when the clock reaches 10 of the 10 days
    const breached = await untilFirst('sla-short', (a) => a.sla.state === 'breached');

    // then: the day after the due date the citizen was given
    expect(breached.sla.elapsedWorkingDays).toBe(10);
    const today = new Date(Date.now() + shift + 8 * 3600_000).toISOString().slice(0, 10);
    const dayAfterDue = new Date(Date.parse(`${before.sla.dueDate}T00:00:00Z`) + DAY);
    expect(today).toBe(dayAfterDue.toISOString().slice(0, 10));
    expect((await detail('sla-short')).sla.dueDate).toBe(before.sla.dueDate);
  });

  it('should list breaches first and filter by SLA state, in pages', async () => {
    // given: the 20-day pledge at 16 days (80%): warning; the 10-day one breached
    const long = await untilFirst('sla-long', (a) => a.sla.state === 'warning');
    expect(long.sla.elapsedWorkingDays).toBe(16);

    // when
    const page = await list();

    // then
    expect(page.items.map((a) => [a.processId, a.sla.state])).toEqual([
      ['sla-short', 'breached'],
      ['sla-long', 'warning'],
      ['sla-owing', 'paused'],
      ['sla-ample', 'on-track'],
    ]);
    const breaches = await list('&sla=breached');
    expect(breaches.items.map((a) => a.number)).toEqual([numbers['sla-short']]);
    expect(breaches.page.total).toBe(1);
    const warnings = await list('&sla=warning');
    expect(warnings.items.map((a) => a.number)).toEqual([numbers['sla-long']]);
    const second = (await (
      await supervisor.call('/api/agency/applications?pageSize=2&page=2')
    ).json()) as Page;
    expect(second.items.map((a) => a.processId)).toEqual(['sla-owing', 'sla-ample']);
    expect(second.page).toMatchObject({ total: 4, hasMore: false });

    // and the citizen still sees the date the warning is about
    const mine = await detail('sla-long');
    expect(mine.sla).toMatchObject({ state: 'warning', dueDate: long.sla.dueDate });
    expect(mine.expectedBy).toBe(long.sla.dueDate);
    expect((await citizen.call('/api/agency/applications')).status).toBe(403);
  });
});
