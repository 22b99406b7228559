import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, el } from '@balcao/engine/testing';
import type { SignedIn } from './apiHarness';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';
import { eventually } from './eventually';
import { inboxKit, type FieldErrors, type Task } from './inboxKit';

// Job-based user tasks (no zeebe:userTask) in the inbox over real HTTP: their variables filter,
// their linked form validates the completion, and a form the engine does not return refuses it.

/** A job-based user task (no zeebe:userTask) whose form is a deployed, linked form. */
const jobDecisionModel = bpmn(
  'inbox-job-decision',
  [
    el.start('s'),
    el.user(
      'decide',
      '<zeebe:formDefinition formId="inbox-decision" /><zeebe:assignmentDefinition candidateGroups="dsi-crc-clerks" />',
    ),
    el.end('e'),
  ],
  [
    ['s', 'decide'],
    ['decide', 'e'],
  ],
);

const decisionForm = JSON.stringify({
  formId: 'inbox-decision',
  title: { 'zh-Hant': '決定', pt: 'Decisão', en: 'Decision' },
  display: 'form',
  components: [
    {
      type: 'radio',
      key: 'decision',
      label: 'Decision',
      input: true,
      values: [
        { label: 'Approve', value: 'approve' },
        { label: 'Reject', value: 'reject' },
      ],
      validate: { required: true },
    },
    { type: 'textarea', key: 'reason', label: 'Reason', input: true, validate: { maxLength: 20 } },
  ],
});

describe('inbox: job-based user tasks', { timeout: 180_000 }, () => {
  let t: TestBalcao;
  let dsi: SignedIn;
  let list: ReturnType<typeof inboxKit>['list'];
  let start: ReturnType<typeof inboxKit>['start'];
  let inboxOf: ReturnType<typeof inboxKit>['inboxOf'];

  beforeAll(async () => {
    t = await startTestBalcao();
    ({ list, start, inboxOf } = inboxKit(t));
    dsi = await t.signIn('dsi-clerk');
    await t.camunda.getZeebeGrpcApiClient().deployResources([
      { name: 'inbox-decision.form', form: Buffer.from(decisionForm) },
      { name: 'inbox-job-decision.bpmn', process: Buffer.from(jobDecisionModel) },
    ]);
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  it('should keep the variables of a job-based task for filtering', async () => {
    // given
    await start('inbox-job-decision', { caseRef: 'REF-JOB', round: 1 });

    // when
    const [task] = await inboxOf('the job-based task', dsi, 'var.caseRef=REF-JOB&var.round=1');

    // then
    expect(task?.kind).toBe('job');
    expect((await list(dsi, 'var.caseRef=REF-JOB&var.round=2')).items).toEqual([]);
  });

  it("should validate a job-based task's completion against its linked form", async () => {
    // given a job-based task with a linked form, claimed
    const { processInstanceKey } = await start('inbox-job-decision', { round: 2 });
    const [task] = (await inboxOf('the job-based task to decide', dsi, 'var.round=2')) as [Task];
    expect((await dsi.call(`/api/tasks/${task.id}/claim`, { method: 'POST' })).status).toBe(200);
    const detail = (await (await dsi.call(`/api/tasks/${task.id}`)).json()) as {
      form: { formId: string } | null;
    };
    expect(detail.form?.formId).toBe('inbox-decision');
    const complete = (data: Record<string, unknown>) =>
      dsi.call(`/api/tasks/${task.id}/complete`, { method: 'POST', body: { data } });

    // when the data does not fit the form
    const missing = await complete({});
    const wrong = await complete({ decision: 'maybe', reason: 'x'.repeat(21) });

    // then the fields are named and the task stays open
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as FieldErrors).error.fields.map((f) => f.path)).toEqual([
      'decision',
    ]);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as FieldErrors).error.fields.map((f) => f.path).sort()).toEqual([
      'decision',
      'reason',
    ]);
    expect((await list(dsi, 'var.round=2')).items).toHaveLength(1);

    // when it fits, the job completes with the form's data only
    const done = await complete({ decision: 'approve', extra: 'dropped' });
    expect(done.status).toBe(200);
    const variables = await eventually('the instance to complete', async () => {
      const rest = t.camunda.getCamundaRestClient();
      const found = (await rest.searchProcessInstances({
        filter: { processInstanceKey: String(processInstanceKey) },
      })) as unknown as { items: { state: string }[] };
      if (found.items[0]?.state !== 'COMPLETED') return undefined;
      return await rest.searchVariables({
        filter: { processInstanceKey: String(processInstanceKey) },
      });
    });
    const names = variables.items.map((v) => v.name);
    expect(names).toContain('decision');
    expect(names).not.toContain('extra');
  });

  it('should refuse to complete a task whose form the engine does not return', async () => {
    // given a claimed job-based task naming a deployed form the engine does not know
    await t.balcao.db.query(
      `insert into inbox_task (task_key, kind, process_id, process_instance_key, element_id, name,
          candidate_groups, candidate_users, assignee, form_key, headers, state, created_at)
       values ('4503599627370999', 'job', 'gone', '1', 'decide', 'decide', array['dsi-crc-clerks'],
               '{}', 'dsi-clerk', '4503599627370998', '{}', 'open', now())`,
    );

    // when
    const res = await dsi.call('/api/tasks/4503599627370999/complete', {
      method: 'POST',
      body: { data: { decision: 'anything' } },
    });

    // then it is not completed unchecked
    expect(res.status).toBe(503);
    expect(((await res.json()) as FieldErrors).error.code).toBe('UNAVAILABLE');
    const open = await list(dsi, 'processId=gone');
    expect(open.items.map((task) => task.id)).toEqual(['4503599627370999']);
  });
});
