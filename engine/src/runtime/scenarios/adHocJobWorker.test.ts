import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import type { ActivatedJob } from '../jobs/activateJobs';
import type { TestEngine } from '../../testing/TestEngine';
import { el } from '../../testing/bpmn';
import { checks, withAdHoc } from './adHocFixtures';
import { useTestEngine } from './harness';

const agent = '<zeebe:taskDefinition type="agent" />';

async function jobsOf(t: TestEngine, type: string): Promise<ActivatedJob[]> {
  return t.engine.activateJobs({
    type,
    worker: 'test',
    timeout: 60_000,
    maxJobsToActivate: 10,
    fetchVariable: [],
  });
}

async function start(t: TestEngine): Promise<number> {
  await t.deployProcess(withAdHoc(checks, { ext: agent }));
  const { processInstanceKey } = await t.engine.createProcessInstance({
    bpmnProcessId: 'review',
    variables: { applicant: 'Chan' },
  });
  return processInstanceKey;
}

describe(`ad-hoc sub-processes run by a job worker (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should create a job that lists the elements the worker may activate', async () => {
    // given
    const { t } = ctx;

    // when
    await start(t);

    // then: nothing inside runs until the worker decides
    const [job, ...more] = await jobsOf(t, 'agent');
    expect(more).toEqual([]);
    expect(job).toMatchObject({ elementId: 'checks', variables: { applicant: 'Chan' } });
    expect(job!.variables.adHocSubProcessElements).toEqual(
      ['criminal-record', 'tax', 'interview'].map((id) => ({
        elementId: id,
        elementName: null,
        documentation: null,
        properties: {},
        parameters: [],
      })),
    );
    expect(await t.completeJobs('tax')).toBe(0);
  });

  it('should activate the elements of the job result with their variables and ask again when one ends', async () => {
    // given
    const { t } = ctx;
    const processInstanceKey = await start(t);
    const [first] = await jobsOf(t, 'agent');

    // when
    await t.engine.completeJob(
      first!.key,
      {},
      {
        type: 'adHocSubProcess',
        activateElements: [
          { elementId: 'tax', variables: { year: 2025 } },
          { elementId: 'interview' },
        ],
      },
    );

    // then
    const [tax] = await jobsOf(t, 'tax');
    expect(tax!.variables).toMatchObject({ year: 2025, applicant: 'Chan' });
    expect(await jobsOf(t, 'agent')).toEqual([]);
    await t.engine.completeJob(tax!.key, { taxOk: true });
    const [second] = await jobsOf(t, 'agent');
    expect(second!.variables).toMatchObject({ taxOk: true });
    expect(await t.instanceState(processInstanceKey)).toBe('ACTIVE');

    // when: the worker is done while the interview still runs, and lets it finish
    await t.engine.completeJob(
      second!.key,
      {},
      {
        type: 'adHocSubProcess',
        isCompletionConditionFulfilled: true,
        isCancelRemainingInstances: false,
      },
    );

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('ACTIVE');
    expect(await t.completeJobs('interview')).toBe(1);
    expect(await jobsOf(t, 'agent')).toEqual([]);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should stay active when every activated element is done until the worker fulfils the condition', async () => {
    // given
    const { t } = ctx;
    const processInstanceKey = await start(t);
    const [first] = await jobsOf(t, 'agent');
    await t.engine.completeJob(
      first!.key,
      {},
      {
        activateElements: [{ elementId: 'tax' }],
      },
    );

    // when
    expect(await t.completeJobs('tax')).toBe(1);

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('ACTIVE');
    const [second] = await jobsOf(t, 'agent');
    await t.engine.completeJob(second!.key, {}, { isCompletionConditionFulfilled: true });
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail.indexOf('checks:ELEMENT_COMPLETED')).toBeLessThan(
      trail.indexOf('e:ELEMENT_COMPLETED'),
    );
  });

  it('should keep one job: a flow that ends re-creates it and the old one is not found', async () => {
    // given: two elements run; one ends while the worker still holds the first job's successor
    const { t } = ctx;
    await start(t);
    const [first] = await jobsOf(t, 'agent');
    await t.engine.completeJob(
      first!.key,
      {},
      {
        activateElements: [{ elementId: 'tax' }, { elementId: 'interview' }],
      },
    );
    expect(await t.completeJobs('tax')).toBe(1);
    const [held] = await jobsOf(t, 'agent');

    // when
    expect(await t.completeJobs('interview')).toBe(1);

    // then
    await expect(t.engine.completeJob(held!.key, {}, {})).rejects.toMatchObject({
      rejectionType: 'NOT_FOUND',
    });
    expect(await jobsOf(t, 'agent')).toHaveLength(1);
  });

  it('should cancel what still runs when the result asks so', async () => {
    // given
    const { t } = ctx;
    const processInstanceKey = await start(t);
    const [first] = await jobsOf(t, 'agent');
    await t.engine.completeJob(
      first!.key,
      {},
      {
        activateElements: [{ elementId: 'tax' }, { elementId: 'interview' }],
      },
    );
    expect(await t.completeJobs('tax')).toBe(1);
    const [second] = await jobsOf(t, 'agent');

    // when
    await t.engine.completeJob(
      second!.key,
      { verdict: 'refused' },
      {
        isCompletionConditionFulfilled: true,
        isCancelRemainingInstances: true,
      },
    );

    // then
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail).toContain('interview:ELEMENT_TERMINATED');
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await t.finalVariables(processInstanceKey)).toMatchObject({ verdict: 'refused' });
  });

  it('should reject a result that both activates elements and fulfils the condition', async () => {
    // given
    const { t } = ctx;
    await start(t);
    const [job] = await jobsOf(t, 'agent');

    // when
    const both = t.engine.completeJob(
      job!.key,
      {},
      {
        activateElements: [{ elementId: 'tax' }],
        isCompletionConditionFulfilled: true,
      },
    );

    // then
    await expect(both).rejects.toMatchObject({ rejectionType: 'INVALID_ARGUMENT' });
    await expect(both).rejects.toThrow(
      'both activates elements and fulfils the completion condition',
    );
    expect(await t.completeJobs('tax')).toBe(0);
  });

  it('should reject activating an element that is not inside, naming the ones that are', async () => {
    // given
    const { t } = ctx;
    await start(t);
    const [job] = await jobsOf(t, 'agent');

    // when
    const wrong = t.engine.completeJob(
      job!.key,
      {},
      {
        activateElements: [{ elementId: 'payment' }],
      },
    );

    // then
    await expect(wrong).rejects.toThrow(
      "'payment' is not: use 'criminal-record', 'tax', 'interview'.",
    );
  });

  it('should raise a job incident on the sub-process when its worker runs out of retries', async () => {
    // given
    const { t } = ctx;
    const processInstanceKey = await start(t);
    const [job] = await jobsOf(t, 'agent');

    // when
    await t.engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'model offline' });

    // then
    const [incident] = await t.incidents(processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'JOB_NO_RETRIES', elementId: 'checks' });
    expect(await t.instanceState(processInstanceKey)).toBe('ACTIVE');
  });
});

/** An event sub-process inside the ad-hoc sub-process, started by message `name`. */
function onMessage(name: string, interrupting: boolean, inner: string): string {
  return `<bpmn:subProcess id="on-${name}" triggeredByEvent="true">
    <bpmn:startEvent id="start-${name}" isInterrupting="${interrupting}"><bpmn:messageEventDefinition messageRef="Msg_${name}" /></bpmn:startEvent>
    ${inner}
    <bpmn:endEvent id="end-${name}" />
    ${inner ? `<bpmn:sequenceFlow id="f1-${name}" sourceRef="start-${name}" targetRef="log" /><bpmn:sequenceFlow id="f2-${name}" sourceRef="log" targetRef="end-${name}" />` : `<bpmn:sequenceFlow id="f-${name}" sourceRef="start-${name}" targetRef="end-${name}" />`}
  </bpmn:subProcess>`;
}

describe(`event sub-processes in ad-hoc sub-processes run by a job worker (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  async function startWith(t: TestEngine, eventSubProcess: string, name: string) {
    await t.deployProcess(
      withAdHoc([...checks, eventSubProcess], {
        ext: agent,
        extra: el.message(`Msg_${name}`, name, '=caseId'),
      }),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
      variables: { caseId: 'c-1' },
    });
    const [first] = await jobsOf(t, 'agent');
    await t.engine.completeJob(first!.key, {}, { activateElements: [{ elementId: 'tax' }] });
    return processInstanceKey;
  }

  it('should hand control back to the worker when a non-interrupting one ends', async () => {
    // given
    const { t } = ctx;
    const processInstanceKey = await startWith(
      t,
      onMessage('note', false, el.service('log', 'log')),
      'note',
    );

    // when
    await t.engine.publishMessage({
      name: 'note',
      correlationKey: 'c-1',
      timeToLive: 0,
      messageId: '',
      variables: {},
    });
    expect(await jobsOf(t, 'agent')).toEqual([]);
    expect(await t.completeJobs('log')).toBe(1);

    // then: the worker decides again while tax still runs
    expect(await jobsOf(t, 'agent')).toHaveLength(1);
    expect(await t.elementTrail(processInstanceKey)).not.toContain('tax:ELEMENT_TERMINATED');
  });

  it('should cancel what runs and complete without the worker when an interrupting one ends', async () => {
    // given
    const { t } = ctx;
    const processInstanceKey = await startWith(t, onMessage('stop', true, ''), 'stop');

    // when
    await t.engine.publishMessage({
      name: 'stop',
      correlationKey: 'c-1',
      timeToLive: 0,
      messageId: '',
      variables: {},
    });

    // then
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail).toContain('tax:ELEMENT_TERMINATED');
    expect(trail).toContain('checks:ELEMENT_COMPLETED');
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await jobsOf(t, 'agent')).toEqual([]);
  });
});

describe(`ad-hoc output collections (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should collect the output element of each ended flow and hand the list to the parent', async () => {
    // given: tax leads to notice, so that flow ends at notice
    const { t } = ctx;
    await t.deployProcess(
      withAdHoc(
        [
          ...checks,
          '<bpmn:serviceTask id="notice"><bpmn:extensionElements><zeebe:taskDefinition type="notice" /></bpmn:extensionElements></bpmn:serviceTask>',
          '<bpmn:sequenceFlow id="f-tax-notice" sourceRef="tax" targetRef="notice" />',
        ],
        { active: '=toRun', output: { collection: 'results', element: '=result' } },
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
      variables: { toRun: ['tax', 'interview'] },
    });

    // when
    expect(await t.completeJobs('interview', { result: 'interviewed' })).toBe(1);
    expect(await t.completeJobs('tax', { result: 'tax paid' })).toBe(1);
    expect(await t.completeJobs('notice', { result: 'notified' })).toBe(1);

    // then: two flows ended (interview; tax → notice)
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect((await t.finalVariables(processInstanceKey)).results).toEqual([
      'interviewed',
      'notified',
    ]);
  });

  it('should see the variables a worker gave an activated element when collecting', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      withAdHoc(checks, {
        ext: agent,
        output: { collection: 'answers', element: '={question: question, answer: answer}' },
      }),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'review',
    });
    const [first] = await jobsOf(t, 'agent');
    await t.engine.completeJob(
      first!.key,
      {},
      {
        activateElements: [{ elementId: 'interview', variables: { question: 'why?' } }],
      },
    );

    // when
    expect(await t.completeJobs('interview', { answer: 'because' })).toBe(1);

    // then
    const [second] = await jobsOf(t, 'agent');
    expect(second!.variables.answers).toEqual([{ question: 'why?', answer: 'because' }]);
    await t.engine.completeJob(second!.key, {}, { isCompletionConditionFulfilled: true });
    expect((await t.finalVariables(processInstanceKey)).answers).toEqual([
      { question: 'why?', answer: 'because' },
    ]);
  });
});
