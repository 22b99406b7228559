import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

describe(`instance lifecycle (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should evaluate a FEEL script task into its result variable', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'fee',
        [el.start('s'), el.script('compute', '=sheets * 15 + 60', 'fee'), el.end('e')],
        [
          ['s', 'compute'],
          ['compute', 'e'],
        ],
      ),
    );

    // when
    const result = await t.engine.createProcessInstanceWithResult({
      bpmnProcessId: 'fee',
      variables: { sheets: 3 },
      requestTimeout: 5000,
    });

    // then
    expect(result.variables).toEqual({ sheets: 3, fee: 105 });
  });

  it('should wait for the result of an instance that completes later', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'later',
        [el.start('s'), el.service('work', 'work'), el.end('e')],
        [
          ['s', 'work'],
          ['work', 'e'],
        ],
      ),
    );

    // when
    const pending = t.engine.createProcessInstanceWithResult({
      bpmnProcessId: 'later',
      requestTimeout: 10_000,
      fetchVariables: ['answer'],
    });
    const jobs = await t.engine.activateJobs({
      type: 'work',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
      requestTimeout: 5000,
    });
    await t.engine.completeJob(jobs[0]!.key, { answer: 42, other: 'x' });

    // then
    expect((await pending).variables).toEqual({ answer: 42 });
  });

  it('should end everything in its scope at a terminate end event', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'race',
        [
          el.start('s'),
          el.and('fork'),
          el.service('slow', 'slow'),
          el.end('stop', '<bpmn:terminateEventDefinition />'),
          el.end('e'),
        ],
        [
          ['s', 'fork'],
          ['fork', 'slow'],
          ['fork', 'stop'],
          ['slow', 'e'],
        ],
      ),
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({ bpmnProcessId: 'race' });

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await t.elementTrail(processInstanceKey)).toContain('slow:ELEMENT_TERMINATED');
    expect(await t.completeJobs('slow')).toBe(0);
  });

  it('should cancel an instance with its jobs and timers', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'cancel-me',
        [
          el.start('s'),
          el.service('work', 'work'),
          el.boundaryTimer('late', 'work', 'timeDuration', 'PT1H'),
          el.end('e'),
          el.end('e2'),
        ],
        [
          ['s', 'work'],
          ['work', 'e'],
          ['late', 'e2'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'cancel-me',
    });

    // when
    await t.engine.cancelProcessInstance(processInstanceKey);

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('TERMINATED');
    expect((await t.db.query('select 1 from engine_job')).rowCount).toBe(0);
    expect((await t.db.query('select 1 from engine_timer')).rowCount).toBe(0);
    await expect(t.engine.cancelProcessInstance(processInstanceKey)).rejects.toMatchObject({
      rejectionType: 'NOT_FOUND',
    });
  });

  it('should set variables locally or propagate them', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'vars',
        [el.start('s'), el.service('work', 'work', el.io([['=1', 'local']])), el.end('e')],
        [
          ['s', 'work'],
          ['work', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'vars',
      variables: { a: 1 },
    });
    const [job] = await t.engine.activateJobs({
      type: 'work',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });

    // when
    await t.engine.setVariables({
      elementInstanceKey: job!.elementInstanceKey,
      variables: { local: 2, fresh: 'x' },
      local: true,
    });
    await t.engine.setVariables({
      elementInstanceKey: job!.elementInstanceKey,
      variables: { a: 5, b: 6 },
      local: false,
    });

    // then
    expect(await t.variables(processInstanceKey)).toEqual({ a: 5, b: 6 });
    expect(await t.variables(job!.elementInstanceKey)).toEqual({ local: 2, fresh: 'x' });
  });

  it('should raise an incident when the job type cannot be evaluated and retry once resolved', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'dynamic',
        [el.start('s'), el.service('work', '=agency + ":lookup"'), el.end('e')],
        [
          ['s', 'work'],
          ['work', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'dynamic',
    });
    const [incident] = await t.incidents(processInstanceKey);

    // when
    await t.engine.setVariables({
      elementInstanceKey: processInstanceKey,
      variables: { agency: 'dsaj' },
      local: false,
    });
    await t.engine.resolveIncident(incident!.key);

    // then
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'work' });
    expect(incident!.message).toContain("to be 'STRING', but was 'NULL'");
    expect(await t.completeJobs('dsaj:lookup')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });
});
