import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

describe(`more elements (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should run send, business-rule (job) and message throw and end events as jobs', async () => {
    // given
    const { t } = ctx;
    const job = (type: string) =>
      `<bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements>`;
    await t.deployProcess(
      bpmn(
        'jobs-everywhere',
        [
          el.start('s'),
          `<bpmn:sendTask id="send">${job('send')}</bpmn:sendTask>`,
          `<bpmn:businessRuleTask id="rule">${job('rule')}</bpmn:businessRuleTask>`,
          `<bpmn:intermediateThrowEvent id="throw">${job('throw')}<bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>`,
          `<bpmn:endEvent id="end">${job('end')}<bpmn:messageEventDefinition /></bpmn:endEvent>`,
        ],
        [
          ['s', 'send'],
          ['send', 'rule'],
          ['rule', 'throw'],
          ['throw', 'end'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'jobs-everywhere',
    });

    // when
    const done = [];
    for (const type of ['send', 'rule', 'throw', 'end']) done.push(await t.completeJobs(type));

    // then
    expect(done).toEqual([1, 1, 1, 1]);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should fire a timer at a fixed date', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'on-date',
        [
          el.start('s'),
          el.timerCatch('opening', 'timeDate', '2026-01-06T09:00:00+08:00'),
          el.end('e'),
        ],
        [
          ['s', 'opening'],
          ['opening', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'on-date',
    });

    // when: the test clock starts on 2026-01-05 09:00 Macao time
    await t.advance(23 * 3600_000);
    const before = await t.instanceState(processInstanceKey);
    await t.advance(3600_000);

    // then
    expect(before).toBe('ACTIVE');
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should extend a job deadline with update timeout', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'slow',
        [el.start('s'), el.service('work', 'work'), el.end('e')],
        [
          ['s', 'work'],
          ['work', 'e'],
        ],
      ),
    );
    await t.engine.createProcessInstance({ bpmnProcessId: 'slow' });
    const [job] = await t.engine.activateJobs({
      type: 'work',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });

    // when
    await t.engine.updateJobTimeout(job!.key, 60_000);
    await t.advance(30_000);

    // then: still held by the worker, who can complete it
    expect(
      await t.engine.activateJobs({
        type: 'work',
        worker: 'other',
        timeout: 1000,
        maxJobsToActivate: 1,
        fetchVariable: [],
      }),
    ).toEqual([]);
    await t.engine.completeJob(job!.key);
  });

  it('should interrupt a task with a message boundary event, or run beside it when non-interrupting', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'withdrawable',
        [
          el.start('s'),
          el.service('review', 'review'),
          el.boundaryMessage('withdrawn', 'review', 'Msg_Withdraw'),
          el.boundaryMessage('note', 'review', 'Msg_Note', false),
          el.service('archive', 'archive'),
          el.service('read-note', 'read-note'),
          el.end('e1'),
          el.end('e2'),
          el.end('e3'),
        ],
        [
          ['s', 'review'],
          ['review', 'e1'],
          ['withdrawn', 'archive'],
          ['archive', 'e2'],
          ['note', 'read-note'],
          ['read-note', 'e3'],
        ],
        el.message('Msg_Withdraw', 'application-withdrawn', '=caseRef') +
          el.message('Msg_Note', 'citizen-note', '=caseRef'),
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'withdrawable',
      variables: { caseRef: 'c1' },
    });
    const send = (name: string) =>
      t.engine.publishMessage({
        name,
        correlationKey: 'c1',
        timeToLive: 0,
        messageId: '',
        variables: {},
      });

    // when
    await send('citizen-note');
    await send('citizen-note');
    await send('application-withdrawn');

    // then
    expect(await t.completeJobs('read-note')).toBe(2);
    expect(await t.completeJobs('review')).toBe(0);
    expect(await t.completeJobs('archive')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });
});
