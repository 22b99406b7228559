import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

/** A process: start → ad-hoc sub-process `checks` holding `inner` → end. */
function withAdHoc(
  inner: string[],
  options: {
    active?: string;
    condition?: string;
    cancelRemaining?: boolean;
    ext?: string;
  } = {},
): string {
  const attributes =
    options.cancelRemaining === undefined
      ? ''
      : ` cancelRemainingInstances="${options.cancelRemaining}"`;
  const adHoc = options.active
    ? `<zeebe:adHoc activeElementsCollection="${options.active}" />`
    : '';
  const condition = options.condition
    ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${options.condition}</bpmn:completionCondition>`
    : '';
  return bpmn(
    'review',
    [
      el.start('s'),
      `<bpmn:adHocSubProcess id="checks"${attributes}>
        <bpmn:extensionElements>${adHoc}${options.ext ?? ''}</bpmn:extensionElements>
        ${inner.join('\n')}
        ${condition}
      </bpmn:adHocSubProcess>`,
      el.end('e'),
    ],
    [
      ['s', 'checks'],
      ['checks', 'e'],
    ],
  );
}

const checks = [
  el.service('criminal-record', 'criminal-record'),
  el.service('tax', 'tax'),
  el.service('interview', 'interview'),
];

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

  it('should raise an incident naming the limitation for one run by a job worker', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(withAdHoc(checks, { ext: '<zeebe:taskDefinition type="agent" />' }));

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
    });

    // then
    const [incident] = await t.incidents(processInstanceKey);
    expect(incident!.message).toContain(
      'ad-hoc sub-processes run by a job worker (zeebe:taskDefinition) are not supported by this engine version yet',
    );
    expect(await t.completeJobs('agent')).toBe(0);
  });
});
