import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

const loop = (attrs: string, inner = '') =>
  `<bpmn:multiInstanceLoopCharacteristics${attrs}><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=agencies" inputElement="agency" outputCollection="acks" outputElement="=ack" /></bpmn:extensionElements>${inner}</bpmn:multiInstanceLoopCharacteristics>`;
const notifyEach = (attrs = '', inner = '') =>
  `<bpmn:serviceTask id="notify"><bpmn:extensionElements><zeebe:taskDefinition type="notify" /></bpmn:extensionElements>${loop(attrs, inner)}</bpmn:serviceTask>`;

describe(`multi-instance (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();
  const deploy = (task: string) =>
    ctx.t.deployProcess(
      bpmn(
        'tell-once',
        [el.start('s'), task, el.service('after', 'after'), el.end('e')],
        [
          ['s', 'notify'],
          ['notify', 'after'],
          ['after', 'e'],
        ],
      ),
    );

  it('should run parallel inner instances with input elements and gather the output collection', async () => {
    // given
    const { t } = ctx;
    await deploy(notifyEach());
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'tell-once',
      variables: { agencies: ['FSS', 'DSI', 'DSF'] },
    });

    // when
    const jobs = await t.engine.activateJobs({
      type: 'notify',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 10,
      fetchVariable: [],
    });
    for (const job of jobs.reverse())
      await t.engine.completeJob(job.key, { ack: `${String(job.variables.agency)}-ok` });

    // then
    expect(jobs.map((j) => [j.variables.agency, j.variables.loopCounter]).sort()).toEqual([
      ['DSF', 3],
      ['DSI', 2],
      ['FSS', 1],
    ]);
    const [after] = await t.engine.activateJobs({
      type: 'after',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: ['acks'],
    });
    expect(after!.variables).toEqual({ acks: ['FSS-ok', 'DSI-ok', 'DSF-ok'] });
    await t.engine.completeJob(after!.key);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should run sequential inner instances one after another', async () => {
    // given
    const { t } = ctx;
    await deploy(notifyEach(' isSequential="true"'));
    await t.engine.createProcessInstance({
      bpmnProcessId: 'tell-once',
      variables: { agencies: ['FSS', 'DSI'] },
    });

    // when
    const first = await t.engine.activateJobs({
      type: 'notify',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 10,
      fetchVariable: [],
    });
    await t.engine.completeJob(first[0]!.key, { ack: 1 });
    const second = await t.engine.activateJobs({
      type: 'notify',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 10,
      fetchVariable: [],
    });

    // then
    expect(first.map((j) => j.variables.agency)).toEqual(['FSS']);
    expect(second.map((j) => j.variables.agency)).toEqual(['DSI']);
  });

  it('should complete early when the completion condition holds', async () => {
    // given
    const { t } = ctx;
    await deploy(
      notifyEach(
        '',
        '<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">=numberOfCompletedInstances &gt;= 2</bpmn:completionCondition>',
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'tell-once',
      variables: { agencies: ['A', 'B', 'C', 'D'] },
    });
    const jobs = await t.engine.activateJobs({
      type: 'notify',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 10,
      fetchVariable: [],
    });

    // when
    await t.engine.completeJob(jobs[0]!.key, { ack: 'a' });
    await t.engine.completeJob(jobs[1]!.key, { ack: 'b' });

    // then
    await expect(t.engine.completeJob(jobs[2]!.key)).rejects.toMatchObject({
      rejectionType: 'NOT_FOUND',
    });
    expect(await t.completeJobs('after')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should skip an empty input collection and raise an incident for one that is not a list', async () => {
    // given
    const { t } = ctx;
    await deploy(notifyEach());

    // when
    await t.engine.createProcessInstance({
      bpmnProcessId: 'tell-once',
      variables: { agencies: [] },
    });
    const bad = await t.engine.createProcessInstance({
      bpmnProcessId: 'tell-once',
      variables: { agencies: 'FSS' },
    });

    // then
    expect(await t.completeJobs('after')).toBe(1);
    const [incident] = await t.incidents(bad.processInstanceKey);
    expect(incident!.message).toContain("to be 'ARRAY', but was 'STRING'");
  });
});
