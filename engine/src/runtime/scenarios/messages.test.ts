import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

const waitForDocs = bpmn(
  'await-docs',
  [el.start('s'), el.messageCatch('docs', 'Msg_Docs'), el.service('review', 'review'), el.end('e')],
  [
    ['s', 'docs'],
    ['docs', 'review'],
    ['review', 'e'],
  ],
  el.message('Msg_Docs', 'documents-submitted', '=caseRef'),
);

describe(`messages (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();
  const publish = (
    correlationKey: string,
    extra: { timeToLive?: number; messageId?: string; variables?: Record<string, unknown> } = {},
  ) =>
    ctx.t.engine.publishMessage({
      name: 'documents-submitted',
      correlationKey,
      timeToLive: extra.timeToLive ?? 0,
      messageId: extra.messageId ?? '',
      variables: extra.variables ?? {},
    });

  it('should correlate a message by name and correlation key and pass its variables', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(waitForDocs);
    const a = await t.engine.createProcessInstance({
      bpmnProcessId: 'await-docs',
      variables: { caseRef: '2026-DSI-000001' },
    });
    const b = await t.engine.createProcessInstance({
      bpmnProcessId: 'await-docs',
      variables: { caseRef: '2026-DSI-000002' },
    });

    // when
    await publish('2026-DSI-000002', { variables: { documents: ['passport.pdf'] } });

    // then
    const [job] = await t.engine.activateJobs({
      type: 'review',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 5,
      fetchVariable: [],
    });
    expect(job!.processInstanceKey).toBe(b.processInstanceKey);
    expect(job!.variables).toMatchObject({ documents: ['passport.pdf'] });
    expect(await t.elementTrail(a.processInstanceKey)).not.toContain('docs:ELEMENT_COMPLETED');
  });

  it('should buffer a message for its time to live and correlate it when the subscription opens', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(waitForDocs);
    await publish('2026-DSI-000003', { timeToLive: 60_000, variables: { early: true } });

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'await-docs',
      variables: { caseRef: '2026-DSI-000003' },
    });

    // then
    expect(await t.elementTrail(processInstanceKey)).toContain('docs:ELEMENT_COMPLETED');
  });

  it('should drop a buffered message once its time to live has passed', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(waitForDocs);
    await publish('2026-DSI-000004', { timeToLive: 1_000 });
    await t.advance(1_001);

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'await-docs',
      variables: { caseRef: '2026-DSI-000004' },
    });

    // then
    expect(await t.elementTrail(processInstanceKey)).not.toContain('docs:ELEMENT_COMPLETED');
  });

  it('should reject a second message with the same id while the first is buffered', async () => {
    // given
    await publish('k', { timeToLive: 60_000, messageId: 'payment-77' });

    // then
    await expect(
      publish('k', { timeToLive: 60_000, messageId: 'payment-77' }),
    ).rejects.toMatchObject({ rejectionType: 'ALREADY_EXISTS' });
  });

  it('should correlate a message once per process even when several subscriptions match', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(waitForDocs);
    const a = await t.engine.createProcessInstance({
      bpmnProcessId: 'await-docs',
      variables: { caseRef: 'same' },
    });
    const b = await t.engine.createProcessInstance({
      bpmnProcessId: 'await-docs',
      variables: { caseRef: 'same' },
    });

    // when
    await publish('same', { timeToLive: 60_000 });

    // then
    const completed = [
      (await t.elementTrail(a.processInstanceKey)).includes('docs:ELEMENT_COMPLETED'),
      (await t.elementTrail(b.processInstanceKey)).includes('docs:ELEMENT_COMPLETED'),
    ];
    expect(completed.filter(Boolean)).toHaveLength(1);
  });

  it('should start a process from a message start event, one active instance per correlation key', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'birth',
        [
          el.start('notified', '<bpmn:messageEventDefinition messageRef="Msg_Birth" />'),
          el.service('register', 'register'),
          el.end('e'),
        ],
        [
          ['notified', 'register'],
          ['register', 'e'],
        ],
        el.message('Msg_Birth', 'hospital-birth-notification'),
      ),
    );
    const send = (key: string) =>
      t.engine.publishMessage({
        name: 'hospital-birth-notification',
        correlationKey: key,
        timeToLive: 0,
        messageId: '',
        variables: { mother: key },
      });

    // when
    await send('mother-1');
    await send('mother-1');
    await send('mother-2');

    // then
    const jobs = await t.engine.activateJobs({
      type: 'register',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 10,
      fetchVariable: [],
    });
    expect(jobs.map((j) => j.variables.mother).sort()).toEqual(['mother-1', 'mother-2']);
    for (const job of jobs) await t.engine.completeJob(job.key);
    await send('mother-1');
    expect(await t.completeJobs('register')).toBe(1);
  });

  it('should complete a receive task by message', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'receive',
        [el.start('s'), el.receive('wait', 'Msg_Docs'), el.end('e')],
        [
          ['s', 'wait'],
          ['wait', 'e'],
        ],
        el.message('Msg_Docs', 'documents-submitted', '=caseRef'),
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'receive',
      variables: { caseRef: 'r1' },
    });

    // when
    await publish('r1');

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });
});
