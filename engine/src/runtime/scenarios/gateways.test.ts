import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

describe(`gateways (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  const decision = bpmn(
    'decide',
    [
      el.start('start'),
      el.xor('urgent', 'Flow_normal'),
      el.service('fast', 'fast'),
      el.service('slow', 'slow'),
      el.end('end1'),
      el.end('end2'),
    ],
    [
      ['start', 'urgent'],
      ['urgent', 'fast', '=urgent = true', 'Flow_urgent'],
      ['urgent', 'slow', undefined, 'Flow_normal'],
      ['fast', 'end1'],
      ['slow', 'end2'],
    ],
  );

  it('should take the first flow whose condition holds', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(decision);

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'decide',
      variables: { urgent: true },
    });

    // then
    expect(await t.completeJobs('fast')).toBe(1);
    expect(await t.completeJobs('slow')).toBe(0);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should take the default flow when no condition holds', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(decision);

    // when
    await t.engine.createProcessInstance({ bpmnProcessId: 'decide', variables: { urgent: false } });

    // then
    expect(await t.completeJobs('slow')).toBe(1);
  });

  it('should raise an incident when a condition is not boolean, and go on once resolved', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(decision);
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'decide',
      variables: { urgent: 'yes' },
    });

    // when
    const [incident] = await t.incidents(processInstanceKey);
    await t.engine.setVariables({
      elementInstanceKey: processInstanceKey,
      variables: { urgent: true },
      local: false,
    });
    await t.engine.resolveIncident(incident!.key);

    // then
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'urgent' });
    expect(incident!.message).toContain(
      "Expected result of the expression 'urgent = true' to be 'BOOLEAN', but was 'NULL'.",
    );
    expect(await t.completeJobs('fast')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should raise a condition incident when no flow can be taken and there is no default', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'no-default',
        [el.start('s'), el.xor('g'), el.end('e')],
        [
          ['s', 'g'],
          ['g', 'e', '=false'],
        ],
      ),
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'no-default',
    });

    // then
    const [incident] = await t.incidents(processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'g' });
  });

  it('should fork and join parallel branches', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'parallel',
        [
          el.start('s'),
          el.and('fork'),
          el.service('a', 'a'),
          el.service('b', 'b'),
          el.and('join'),
          el.service('after', 'after'),
          el.end('e'),
        ],
        [
          ['s', 'fork'],
          ['fork', 'a'],
          ['fork', 'b'],
          ['a', 'join'],
          ['b', 'join'],
          ['join', 'after'],
          ['after', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'parallel',
    });

    // when: one branch done, the join still waits
    await t.completeJobs('a');
    const afterOne = await t.completeJobs('after');
    await t.completeJobs('b');

    // then
    expect(afterOne).toBe(0);
    expect(await t.completeJobs('after')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail.filter((x) => x === 'join:ELEMENT_ACTIVATED')).toHaveLength(1);
  });

  it('should fork an inclusive gateway into every true branch and join only those', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'inclusive',
        [
          el.start('s'),
          el.or('fork'),
          el.service('a', 'a'),
          el.service('b', 'b'),
          el.service('c', 'c'),
          el.or('join'),
          el.service('after', 'after'),
          el.end('e'),
        ],
        [
          ['s', 'fork'],
          ['fork', 'a', '=needA'],
          ['fork', 'b', '=needB'],
          ['fork', 'c', '=needC'],
          ['a', 'join'],
          ['b', 'join'],
          ['c', 'join'],
          ['join', 'after'],
          ['after', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'inclusive',
      variables: { needA: true, needB: true, needC: false },
    });

    // when
    expect(await t.completeJobs('c')).toBe(0);
    await t.completeJobs('a');
    expect(await t.completeJobs('after')).toBe(0);
    await t.completeJobs('b');

    // then
    expect(await t.completeJobs('after')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should skip an element with a manual task and an undefined task on the way', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'pass',
        [el.start('s'), el.manual('m'), el.task('u'), el.end('e')],
        [
          ['s', 'm'],
          ['m', 'u'],
          ['u', 'e'],
        ],
      ),
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({ bpmnProcessId: 'pass' });

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });
});
