import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

const flow = (id: string, from: string, to: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

describe(`nested combinations (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should catch at the parent an error thrown in a call activity inside a multi-instance sub-process', async () => {
    // given
    const { t } = ctx;
    const child = bpmn(
      'check-agency',
      [el.start('cs'), el.service('ask', 'ask'), el.end('ce')],
      [
        ['cs', 'ask'],
        ['ask', 'ce'],
      ],
    );
    const parent = bpmn(
      'fan-out',
      [
        el.start('s'),
        `<bpmn:subProcess id="each"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=agencies" inputElement="agency" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>${el.start('in')}<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="check-agency" propagateAllChildVariables="false" /></bpmn:extensionElements></bpmn:callActivity>${el.end('out')}${flow('f1', 'in', 'call')}${flow('f2', 'call', 'out')}</bpmn:subProcess>`,
        el.boundaryError('refused', 'each', 'Err'),
        el.service('handle-refusal', 'handle-refusal'),
        el.end('e1'),
        el.end('e2'),
      ],
      [
        ['s', 'each'],
        ['each', 'e1'],
        ['refused', 'handle-refusal'],
        ['handle-refusal', 'e2'],
      ],
      el.error('Err', 'REFUSED'),
    );
    await t.deploy({ name: 'child.bpmn', xml: child }, { name: 'parent.bpmn', xml: parent });
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'fan-out',
      variables: { agencies: ['FSS', 'DSI', 'DSF'] },
    });
    const jobs = await t.engine.activateJobs({
      type: 'ask',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 10,
      fetchVariable: [],
    });

    // when: one agency completes, another refuses
    await t.engine.completeJob(jobs[0]!.key);
    await t.engine.throwError({ jobKey: jobs[1]!.key, errorCode: 'REFUSED' });

    // then: the whole multi-instance sub-process (and the remaining child) ends; the parent handles it
    expect(jobs).toHaveLength(3);
    await expect(t.engine.completeJob(jobs[2]!.key)).rejects.toMatchObject({
      rejectionType: 'NOT_FOUND',
    });
    expect(await t.completeJobs('handle-refusal')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    const children = await t.db.query<{ state: string }>(
      'select state from engine_process_instance where parent_instance_key is not null order by key',
    );
    expect(children.rows.map((r) => r.state)).toEqual(['COMPLETED', 'TERMINATED', 'TERMINATED']);
  });

  it('should fire a non-interrupting timer cycle on a sub-process while it runs', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'reminded',
        [
          el.start('s'),
          `<bpmn:subProcess id="case">${el.start('in')}${el.service('review', 'review')}${el.end('out')}${flow('f1', 'in', 'review')}${flow('f2', 'review', 'out')}</bpmn:subProcess>`,
          el.boundaryTimer('daily', 'case', 'timeCycle', 'R/P1D', false),
          el.service('remind', 'remind'),
          el.end('e1'),
          el.end('e2'),
        ],
        [
          ['s', 'case'],
          ['case', 'e1'],
          ['daily', 'remind'],
          ['remind', 'e2'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'reminded',
    });

    // when
    await t.advance(24 * 3600_000);
    await t.advance(24 * 3600_000);
    await t.completeJobs('review');
    await t.advance(24 * 3600_000);

    // then: two reminders while it ran, none after
    expect(await t.completeJobs('remind')).toBe(2);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });
});
