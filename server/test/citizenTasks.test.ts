import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/identity/accounts';
import type { SignedIn } from './apiHarness';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';
import { deployTestService, replyThenReview } from './deployTestService';
import { eventually } from './eventually';

// What the citizen owes, over real HTTP: a user task assigned to the applicant (as the shared
// request-information block does) shows in their task list and under `owed` on the
// application, stops the pledge clock, and only they can complete it, through its form.

const processId = 'citizen-owed-reply';
const formId = 'citizen-owed-reply-form';
const milestone = (en: string) =>
  ['zh-Hant', 'pt', 'en']
    .map((lang) => `<zeebe:header key="balcao:milestone:${lang}" value="${en}" />`)
    .join('');
const model = replyThenReview(processId, formId, {
  reply: `${milestone('Awaiting your reply')}<zeebe:header key="balcao:owed" value="document" />`,
  review: milestone('In review'),
});
const form = {
  formId,
  title: { 'zh-Hant': '回覆', pt: 'Resposta', en: 'Reply' },
  display: 'form',
  components: [
    {
      type: 'textarea',
      key: 'reply',
      label: 'Your reply',
      input: true,
      validate: { required: true, maxLength: 200 },
    },
    { type: 'button', key: 'submit', label: 'Submit', input: true, action: 'submit' },
  ],
};

interface Task {
  id: string;
  assignee: string | null;
  applicationNumber: string | null;
}
interface Detail {
  status: string;
  owed: { taskId: string; kind: string; actionUrl: string | null; label: { en: string } }[];
  sla: { state: string; dueDate: string | null };
}

describe('tasks the citizen owes', { timeout: 180_000 }, () => {
  let t: TestBalcao;
  let citizen: SignedIn;
  let other: SignedIn;

  beforeAll(async () => {
    t = await startTestBalcao();
    // A portal service of DSI with a ten-working-day pledge, as the library publishes it.
    await deployTestService(t, {
      processId,
      model,
      forms: [form],
      agency: 'DSI',
      name: { 'zh-Hant': '回覆', pt: 'Resposta', en: 'Reply' },
      workingDays: 10,
    });
    await createAccount(t.balcao.db, {
      login: 'other-citizen',
      displayName: 'Other',
      role: 'citizen',
      password: 'other-citizen-pw',
    });
    citizen = await t.signIn('citizen');
    other = await t.signIn('other-citizen', 'other-citizen-pw');
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  it('should list, show as owed and let only the applicant complete it', async () => {
    // given: the citizen applied; the process asks them for a reply
    const applied = await citizen.call('/api/applications', {
      method: 'POST',
      body: { processId, data: {}, language: 'en' },
    });
    expect(applied.status).toBe(201);
    const { number } = (await applied.json()) as { number: string };
    const detail = async () =>
      (await (await citizen.call(`/api/applications/${number}`)).json()) as Detail;

    // when the task reaches the inbox
    const task = await eventually('the owed task in the citizen’s tasks', async () => {
      const list = (await (await citizen.call('/api/tasks')).json()) as { items: Task[] };
      return list.items.find((i) => i.applicationNumber === number);
    });

    // then it is theirs, owed on the application with what to do, and the clock is paused
    expect(task.assignee).toBe('citizen');
    const owing = await eventually('the application awaiting the citizen', async () => {
      const d = await detail();
      return d.owed.length > 0 && d.sla.state === 'paused' ? d : undefined;
    });
    expect(owing.status).toBe('awaiting-citizen');
    expect(owing.owed).toEqual([
      expect.objectContaining({
        taskId: task.id,
        kind: 'document',
        // Done in the portal through the task (no outside page to go to).
        actionUrl: null,
        label: expect.objectContaining({ en: 'Awaiting your reply' }),
      }),
    ]);
    expect(owing.sla.dueDate).toBeNull();

    // and a supervisor cannot take it away from them (nobody would have it then)
    const supervisor = await t.signIn('supervisor');
    const taken = await supervisor.call(`/api/tasks/${task.id}/unclaim`, { method: 'POST' });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { message: string } }).error.message).toMatch(
      /for citizen alone/,
    );

    // and another citizen can neither see nor complete it
    const theirs = (await (await other.call('/api/tasks')).json()) as { items: Task[] };
    expect(theirs.items).toEqual([]);
    expect((await other.call(`/api/tasks/${task.id}`)).status).toBe(404);
    const foreign = await other.call(`/api/tasks/${task.id}/complete`, {
      method: 'POST',
      body: { data: { reply: 'not mine' } },
    });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain(number);

    // when the applicant submits the form without the required reply
    const bad = await citizen.call(`/api/tasks/${task.id}/complete`, {
      method: 'POST',
      body: { data: {} },
    });

    // then the field says why, and the task is still owed
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { code: string; fields: { path: string }[] } };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((f) => f.path)).toEqual(['reply']);
    expect((await detail()).owed.map((o) => o.taskId)).toEqual([task.id]);

    // when they complete it properly
    const done = await citizen.call(`/api/tasks/${task.id}/complete`, {
      method: 'POST',
      body: { data: { reply: 'Here is the missing page.' } },
    });
    expect(done.status).toBe(200);

    // then nothing is owed, the clock runs again with a due date, and the task is gone
    const resumed = await eventually('the clock running again', async () => {
      const d = await detail();
      return d.owed.length === 0 && d.sla.state === 'on-track' ? d : undefined;
    });
    expect(resumed.status).toBe('in-progress');
    expect(resumed.sla.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const after = (await (await citizen.call('/api/tasks')).json()) as { items: Task[] };
    expect(after.items.map((i) => i.id)).not.toContain(task.id);
    const again = await citizen.call(`/api/tasks/${task.id}/complete`, {
      method: 'POST',
      body: { data: { reply: 'twice' } },
    });
    expect(again.status).toBe(409);
  });
});
