import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, el } from '@balcao/engine/testing';
import { verifyAuditChain } from '../src/audit/verifyAuditChain';
import { createAccount } from '../src/identity/accounts';
import type { SignedIn } from './apiHarness';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';
import { eventually } from './eventually';

// Catalogue, applications, drafts and the inbox over real HTTP, with the authorization rules:
// other people's applications, drafts and tasks answer 404 and say nothing about them.

const p1 = 'criminal-record-certificate';
const goodData = {
  idNumber: '12345678',
  purpose: 'employment',
  urgency: 'normal',
  deliveryFormat: 'electronic',
  sendToDepartment: false,
  consent: true,
};

const reviewModel = bpmn(
  'access-review',
  [
    el.start('s'),
    `<bpmn:userTask id="review" name="Review"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="dsi-crc-clerks" /><zeebe:taskHeaders><zeebe:header key="balcao:agency" value="DSI" /></zeebe:taskHeaders></bpmn:extensionElements></bpmn:userTask>`,
    el.end('e'),
  ],
  [
    ['s', 'review'],
    ['review', 'e'],
  ],
);

const jobReviewModel = bpmn(
  'access-job-review',
  [
    el.start('s'),
    `<bpmn:userTask id="jobReview" name="Review (job-based)"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="dsi-crc-clerks" /></bpmn:extensionElements></bpmn:userTask>`,
    el.end('e'),
  ],
  [
    ['s', 'jobReview'],
    ['jobReview', 'e'],
  ],
);

describe('applications, drafts and inbox: routes and authorization', { timeout: 180_000 }, () => {
  let t: TestBalcao;
  let citizen: SignedIn;
  let other: SignedIn;
  let dsi: SignedIn;
  let dsf: SignedIn;
  let number: string;

  beforeAll(async () => {
    t = await startTestBalcao({ library: true });
    await createAccount(t.balcao.db, {
      login: 'other-citizen',
      displayName: 'Other',
      role: 'citizen',
      password: 'other-citizen-pw',
    });
    citizen = await t.signIn('citizen');
    other = await t.signIn('other-citizen', 'other-citizen-pw');
    dsi = await t.signIn('dsi-clerk');
    dsf = await t.signIn('dsf-clerk');
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  it('should list the deployed services publicly, search them and show the start form', async () => {
    const all = (await (await fetch(`${t.url}/api/catalogue?pageSize=100`)).json()) as {
      items: { processId: string }[];
    };
    expect(all.items.map((s) => s.processId)).toEqual(
      expect.arrayContaining([p1, 'tax-clearance-certificate', 'civil-registry-certificate']),
    );
    const found = (await (
      await fetch(`${t.url}/api/catalogue?q=${encodeURIComponent('刑事')}`)
    ).json()) as {
      items: { processId: string }[];
    };
    expect(found.items.map((s) => s.processId)).toEqual([p1]);
    const sheet = (await (await fetch(`${t.url}/api/catalogue/${p1}`)).json()) as {
      startForm: { formId: string };
      processingTime: { workingDays: number };
    };
    expect(sheet.startForm.formId).toBe(`${p1}-application`);
    expect((await fetch(`${t.url}/api/catalogue/no-such-service`)).status).toBe(404);
  });

  it('should refuse invalid form data with the failing fields', async () => {
    const res = await citizen.call('/api/applications', {
      method: 'POST',
      body: { processId: p1, data: { idNumber: '99', purpose: 'fun' } },
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as {
      error: { code: string; fields: { path: string }[] };
    };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(['idNumber', 'purpose', 'consent']),
    );
  });

  it('should list the internal requests staff open apart from the portal services', async () => {
    const internal = (await (
      await fetch(`${t.url}/api/catalogue?start=clerk&pageSize=100`)
    ).json()) as {
      items: { processId: string; start: string }[];
    };
    expect(internal.items.map((s) => s.processId)).toEqual(
      expect.arrayContaining(['training-application', 'daily-allowance', 'official-letter']),
    );
    expect(internal.items.every((s) => s.start === 'clerk')).toBe(true);
    const portal = (await (
      await fetch(`${t.url}/api/catalogue?start=portal&pageSize=100`)
    ).json()) as {
      items: { processId: string }[];
    };
    expect(portal.items.map((s) => s.processId)).toContain(p1);
    expect(portal.items.map((s) => s.processId)).not.toContain('training-application');
    expect((await fetch(`${t.url}/api/catalogue?start=anyone`)).status).toBe(400);
  });

  it('should let staff open internal requests and citizens only portal services', async () => {
    const internal = { processId: 'training-application', data: {} };
    const byClerk = await dsi.call('/api/applications', { method: 'POST', body: internal });
    expect(byClerk.status).toBe(400);
    expect(((await byClerk.json()) as { error: { code: string } }).error.code).toBe(
      'VALIDATION_FAILED',
    );
    const byCitizen = await citizen.call('/api/applications', { method: 'POST', body: internal });
    expect(byCitizen.status).toBe(404);
    const portalByClerk = await dsi.call('/api/applications', {
      method: 'POST',
      body: { processId: p1, data: goodData },
    });
    expect(portalByClerk.status).toBe(404);
  });

  it('should keep drafts private to their owner and resume them', async () => {
    const created = await citizen.call('/api/applications/drafts', {
      method: 'POST',
      body: { processId: p1, data: { idNumber: '12345678' } },
    });
    expect(created.status).toBe(201);
    const draft = (await created.json()) as { id: string };
    const updated = await citizen.call(`/api/applications/drafts/${draft.id}`, {
      method: 'PUT',
      body: { data: { ...goodData } },
    });
    expect(updated.status).toBe(200);
    expect((await other.call(`/api/applications/drafts/${draft.id}`)).status).toBe(404);
    const list = (await (await citizen.call('/api/applications/drafts')).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((d) => d.id)).toContain(draft.id);

    // when the draft is submitted it becomes an application and the draft goes away
    const res = await citizen.call('/api/applications', {
      method: 'POST',
      body: { processId: p1, data: goodData, draftId: draft.id },
    });
    expect(res.status).toBe(201);
    number = ((await res.json()) as { number: string }).number;
    expect(number).toMatch(/^\d{4}-DSI-\d{6}$/);
    expect((await citizen.call(`/api/applications/drafts/${draft.id}`)).status).toBe(404);
  });

  it("should not show a citizen's application to another citizen or another agency", async () => {
    const mine = await citizen.call(`/api/applications/${number}`);
    expect(mine.status).toBe(200);
    const theirs = await other.call(`/api/applications/${number}`);
    expect(theirs.status).toBe(404);
    expect(await theirs.text()).not.toContain(number);
    expect((await dsf.call(`/api/applications/${number}`)).status).toBe(404);
    expect((await dsi.call(`/api/applications/${number}`)).status).toBe(200);
    const list = (await (await other.call('/api/applications')).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
    const withdraw = await other.call(`/api/applications/${number}/withdraw`, {
      method: 'POST',
      body: {},
    });
    expect(withdraw.status).toBe(404);
  });

  it("should show supervisors their agency's open applications by SLA state", async () => {
    const supervisor = await t.signIn('supervisor');
    const res = await supervisor.call('/api/agency/applications');
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: { number: string; sla: { state: string } }[] };
    expect(list.items.map((a) => a.number)).toContain(number);
    expect(list.items[0]?.sla.state).toBe('on-track');
    expect((await citizen.call('/api/agency/applications')).status).toBe(403);
  });

  it('should keep saved inbox views per account', async () => {
    const saved = await dsi.call('/api/me/views', {
      method: 'POST',
      body: { name: 'Urgent', filter: { view: 'unassigned', priorityMin: 80 } },
    });
    expect(saved.status).toBe(201);
    const view = (await saved.json()) as { id: string };
    const mine = (await (await dsi.call('/api/me/views')).json()) as { items: { name: string }[] };
    expect(mine.items.map((v) => v.name)).toEqual(['Urgent']);
    const theirs = (await (await dsf.call('/api/me/views')).json()) as { items: unknown[] };
    expect(theirs.items).toEqual([]);
    expect((await dsf.call(`/api/me/views/${view.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await dsi.call(`/api/me/views/${view.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('should list every new route in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/catalogue',
        '/api/applications',
        '/api/applications/{number}',
        '/api/tasks',
        '/api/tasks/{id}/complete',
        '/api/notifications',
        '/api/me/views',
      ]),
    );
  });

  it('should withdraw an application once', async () => {
    const first = await citizen.call(`/api/applications/${number}/withdraw`, {
      method: 'POST',
      body: { reason: 'no longer needed' },
    });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { status: string }).status).toBe('withdrawn');
    // the withdrawal is audited under the citizen, linked to the row before it in the chain
    const { rows } = await t.balcao.db.query<{ login: string; outcome: string; linked: boolean }>(
      `select a.login, l.details->>'outcome' as outcome,
              l.prev_hash = (select p.hash from audit_log p where p.seq < l.seq
                              order by p.seq desc limit 1) as linked
         from audit_log l join account a on a.id = l.actor
        where l.action = 'POST /api/applications/:number/withdraw' and l.target = $1`,
      [`application:${number}`],
    );
    expect(rows).toEqual([{ login: 'citizen', outcome: 'ok', linked: true }]);
    expect(await verifyAuditChain(t.balcao.db)).toMatchObject({ ok: true });
    const again = await citizen.call(`/api/applications/${number}/withdraw`, {
      method: 'POST',
      body: {},
    });
    expect(again.status).toBe(409);
  });

  it("should not let a clerk see or complete another group's task", async () => {
    await t.camunda
      .getZeebeGrpcApiClient()
      .deployResource({ name: 'access-review.bpmn', process: Buffer.from(reviewModel) });
    await t.camunda
      .getZeebeGrpcApiClient()
      .createProcessInstance({ bpmnProcessId: 'access-review', variables: {} });
    const task = await eventually('the review task in the DSI inbox', async () => {
      const list = (await (await dsi.call('/api/tasks?processId=access-review')).json()) as {
        items: { id: string }[];
      };
      return list.items[0];
    });
    const dsfList = (await (await dsf.call('/api/tasks?processId=access-review')).json()) as {
      items: unknown[];
    };
    expect(dsfList.items).toEqual([]);
    expect((await dsf.call(`/api/tasks/${task.id}`)).status).toBe(404);
    expect((await dsf.call(`/api/tasks/${task.id}/claim`, { method: 'POST' })).status).toBe(404);
    const foreign = await dsf.call(`/api/tasks/${task.id}/complete`, {
      method: 'POST',
      body: { data: {} },
    });
    expect(foreign.status).toBe(404);
    expect((await citizen.call(`/api/tasks/${task.id}`)).status).toBe(404);

    // the DSI clerk claims and completes it; the counts follow
    expect((await dsi.call(`/api/tasks/${task.id}/claim`, { method: 'POST' })).status).toBe(200);
    const counts = (await (await dsi.call('/api/tasks/counts')).json()) as { mine: number };
    expect(counts.mine).toBeGreaterThan(0);
    const done = await dsi.call(`/api/tasks/${task.id}/complete`, {
      method: 'POST',
      body: { data: {} },
    });
    expect(done.status).toBe(200);
  });

  it("should let a supervisor of the task's agency assign it to a clerk of its groups", async () => {
    // given an open DSI review task, the DSI supervisor and a supervisor of another agency
    await createAccount(t.balcao.db, {
      login: 'dsf-supervisor',
      displayName: 'DSF supervisor',
      role: 'supervisor',
      agency: 'DSF',
      password: 'dsf-supervisor-pw',
    });
    const supervisor = await t.signIn('supervisor');
    const foreign = await t.signIn('dsf-supervisor', 'dsf-supervisor-pw');
    await t.camunda
      .getZeebeGrpcApiClient()
      .deployResource({ name: 'access-review.bpmn', process: Buffer.from(reviewModel) });
    await t.camunda
      .getZeebeGrpcApiClient()
      .createProcessInstance({ bpmnProcessId: 'access-review', variables: {} });

    // when the supervisor looks at the agency's tasks (though in none of their groups)
    const task = await eventually('the review task in the supervisor inbox', async () => {
      const list = (await (
        await supervisor.call('/api/tasks?processId=access-review&view=unassigned')
      ).json()) as { items: { id: string }[] };
      return list.items[0];
    });

    // then they may list who can take it: the clerks of its groups only
    const res = await supervisor.call(`/api/tasks/${task.id}/assignees`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { login: string; groups: string[] }[] };
    expect(items.map((a) => a.login)).toContain('dsi-clerk');
    expect(items.map((a) => a.login)).not.toContain('dsf-clerk');
    expect((await dsi.call(`/api/tasks/${task.id}/assignees`)).status).toBe(403);
    expect((await foreign.call(`/api/tasks/${task.id}/assignees`)).status).toBe(404);
    expect((await foreign.call(`/api/tasks/${task.id}`)).status).toBe(404);

    // when they assign it to someone outside its groups, the field says why
    const wrong = await supervisor.call(`/api/tasks/${task.id}/assign`, {
      method: 'POST',
      body: { assignee: 'dsf-clerk' },
    });
    expect(wrong.status).toBe(400);
    const { error } = (await wrong.json()) as { error: { fields: { path: string }[] } };
    expect(error.fields.map((f) => f.path)).toEqual(['assignee']);
    const byForeign = await foreign.call(`/api/tasks/${task.id}/assign`, {
      method: 'POST',
      body: { assignee: 'dsi-clerk' },
    });
    expect(byForeign.status).toBe(404);

    // then assigning it to the DSI clerk puts it in that clerk's own tasks
    const assigned = await supervisor.call(`/api/tasks/${task.id}/assign`, {
      method: 'POST',
      body: { assignee: 'DSI-Clerk' },
    });
    expect(assigned.status).toBe(200);
    expect(((await assigned.json()) as { assignee: string }).assignee).toBe('dsi-clerk');
    const mine = (await (
      await dsi.call('/api/tasks?view=mine&processId=access-review')
    ).json()) as {
      items: { id: string }[];
    };
    expect(mine.items.map((i) => i.id)).toContain(task.id);
  });

  it('should bring job-based user tasks into the inbox and complete them as jobs', async () => {
    const zeebe = t.camunda.getZeebeGrpcApiClient();
    await zeebe.deployResource({
      name: 'access-job-review.bpmn',
      process: Buffer.from(jobReviewModel),
    });
    const { processInstanceKey } = await zeebe.createProcessInstance({
      bpmnProcessId: 'access-job-review',
      variables: {},
    });
    const task = await eventually('the job-based task in the DSI inbox', async () => {
      const list = (await (await dsi.call('/api/tasks?processId=access-job-review')).json()) as {
        items: { id: string; kind: string }[];
      };
      return list.items[0];
    });
    expect(task.kind).toBe('job');
    expect((await dsf.call(`/api/tasks/${task.id}`)).status).toBe(404);
    expect((await dsi.call(`/api/tasks/${task.id}/claim`, { method: 'POST' })).status).toBe(200);
    const done = await dsi.call(`/api/tasks/${task.id}/complete`, {
      method: 'POST',
      body: { data: { approved: true } },
    });
    expect(done.status).toBe(200);
    const ended = await eventually('the instance to complete', async () => {
      const found = (await t.camunda.getCamundaRestClient().searchProcessInstances({
        filter: { processInstanceKey: String(processInstanceKey) },
      })) as unknown as { items: { state: string }[] };
      return found.items[0]?.state === 'COMPLETED' ? true : undefined;
    });
    expect(ended).toBe(true);
  });
});
