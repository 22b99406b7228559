import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { el } from '../../testing/bpmn';
import { checks, withAdHoc } from './adHocFixtures';
import { useTestEngine } from './harness';

describe(`ad-hoc sub-processes (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should activate the elements the collection names and complete when they are done', async () => {
    // given: tax is followed by a notice inside the ad-hoc sub-process
    const { t } = ctx;
    await t.deployProcess(
      withAdHoc(
        [
          ...checks,
          el.service('notice', 'notice'),
          '<bpmn:sequenceFlow id="f-tax-notice" sourceRef="tax" targetRef="notice" />',
        ],
        { active: '=toRun' },
      ),
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
      variables: { toRun: ['tax', 'interview'] },
    });

    // then
    expect(await t.completeJobs('criminal-record')).toBe(0);
    expect(await t.completeJobs('tax')).toBe(1);
    expect(await t.completeJobs('interview')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('ACTIVE');
    expect(await t.completeJobs('notice')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail).toContain('checks:ELEMENT_COMPLETED');
    expect(trail.filter((e) => e.startsWith('criminal-record:'))).toEqual([]);
  });

  it('should end at a completion condition and cancel what still runs', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(withAdHoc(checks, { active: '=toRun', condition: '=refused = true' }));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
      variables: { toRun: ['criminal-record', 'tax', 'interview'], refused: false },
    });
    expect(await t.completeJobs('interview')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('ACTIVE');

    // when
    expect(await t.completeJobs('criminal-record', { refused: true })).toBe(1);

    // then
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail).toContain('tax:ELEMENT_TERMINATED');
    expect(trail.indexOf('checks:ELEMENT_COMPLETED')).toBeGreaterThan(
      trail.indexOf('tax:ELEMENT_TERMINATED'),
    );
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await t.completeJobs('tax')).toBe(0);
  });

  it('should wait for what runs when cancelRemainingInstances is false', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      withAdHoc(checks, { active: '=toRun', condition: '=refused', cancelRemaining: false }),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
      variables: { toRun: ['criminal-record', 'tax'], refused: false },
    });

    // when
    expect(await t.completeJobs('criminal-record', { refused: true })).toBe(1);

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('ACTIVE');
    expect(await t.completeJobs('tax')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await t.elementTrail(processInstanceKey)).not.toContain('tax:ELEMENT_TERMINATED');
  });

  it('should stay active when no element is to be activated', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(withAdHoc(checks, { active: '=toRun' }));

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
      variables: { toRun: [] },
    });

    // then
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail).toContain('checks:ELEMENT_ACTIVATED');
    expect(trail).not.toContain('checks:ELEMENT_COMPLETED');
    expect(await t.instanceState(processInstanceKey)).toBe('ACTIVE');
  });

  it('should raise an incident naming the ids that are not inner elements', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(withAdHoc(checks, { active: '=toRun' }));

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
      variables: { toRun: ['tax', 'payment'] },
    });

    // then
    const [incident] = await t.incidents(processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'checks' });
    expect(incident!.message).toContain("'payment' is not");
    expect(incident!.message).toContain("'criminal-record', 'tax', 'interview'");
    expect(await t.completeJobs('tax')).toBe(0);
  });

  it('should raise an incident when the collection is not a list of strings', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(withAdHoc(checks, { active: '=toRun' }));

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
      variables: { toRun: 'tax' },
    });

    // then
    const [incident] = await t.incidents(processInstanceKey);
    expect(incident!.message).toContain(
      "Expected result of the expression 'toRun' to be 'ARRAY of STRING', but was 'STRING'.",
    );
  });

  it('should evaluate the completion condition again once its incident is resolved', async () => {
    // given: the condition reads a variable nobody has set yet
    const { t } = ctx;
    await t.deployProcess(withAdHoc(checks, { active: '=toRun', condition: '=enough' }));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
      variables: { toRun: ['criminal-record', 'tax'] },
    });
    expect(await t.completeJobs('criminal-record')).toBe(1);
    const [incident] = await t.incidents(processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'checks' });

    // when
    await t.engine.setVariables({
      elementInstanceKey: processInstanceKey,
      variables: { enough: true },
      local: false,
    });
    await t.engine.resolveIncident(incident!.key);

    // then: the condition now holds, so the running tax check is cancelled
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail).toContain('tax:ELEMENT_TERMINATED');
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should hold the sub-process while its condition incident is open, then complete it', async () => {
    // given: the last inner element completes while the condition cannot be evaluated
    const { t } = ctx;
    await t.deployProcess(withAdHoc(checks, { active: '=toRun', condition: '=enough' }));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
      variables: { toRun: ['tax'] },
    });
    expect(await t.completeJobs('tax')).toBe(1);
    const [incident] = await t.incidents(processInstanceKey);
    expect(await t.instanceState(processInstanceKey)).toBe('ACTIVE');

    // when
    await t.engine.setVariables({
      elementInstanceKey: processInstanceKey,
      variables: { enough: false },
      local: false,
    });
    await t.engine.resolveIncident(incident!.key);

    // then: nothing is left inside, so it completes as one without a condition would
    expect(await t.incidents(processInstanceKey)).toEqual([]);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });
});
