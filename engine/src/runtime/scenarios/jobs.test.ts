import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

const oneTask = (ext = '', retries = '3') =>
  bpmn(
    'one-task',
    [
      el.start('s'),
      el.service('work', 'work', ext).replace('type="work"', `type="work" retries="${retries}"`),
      el.end('e'),
    ],
    [
      ['s', 'work'],
      ['work', 'e'],
    ],
  );

describe(`jobs (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();
  const activate = (type = 'work', extra: { timeout?: number; fetchVariable?: string[] } = {}) =>
    ctx.t.engine.activateJobs({
      type,
      worker: 'w',
      timeout: extra.timeout ?? 10_000,
      maxJobsToActivate: 10,
      fetchVariable: extra.fetchVariable ?? [],
    });

  it('should hand a job to one worker only until it times out', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(oneTask());
    await t.engine.createProcessInstance({ bpmnProcessId: 'one-task' });
    const first = await activate('work', { timeout: 5_000 });

    // when
    const whileHeld = await activate();
    await t.advance(5_001);
    const afterTimeout = await activate();

    // then
    expect(first).toHaveLength(1);
    expect(whileHeld).toHaveLength(0);
    expect(afterTimeout.map((j) => j.key)).toEqual(first.map((j) => j.key));
  });

  it('should retry a failed job after its back-off, then raise an incident when retries run out', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(oneTask('', '2'));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'one-task',
    });
    const [job] = await activate();

    // when: first failure with a back-off of 10 s
    await t.engine.failJob({
      jobKey: job!.key,
      retries: 1,
      errorMessage: 'registry down',
      retryBackOff: 10_000,
    });
    const duringBackOff = await activate();
    await t.advance(10_000);
    const [again] = await activate();
    await t.engine.failJob({ jobKey: again!.key, retries: 0, errorMessage: 'registry still down' });

    // then
    expect(duringBackOff).toHaveLength(0);
    expect(again!.retries).toBe(1);
    const [incident] = await t.incidents(processInstanceKey);
    expect(incident).toMatchObject({
      errorType: 'JOB_NO_RETRIES',
      message: 'registry still down',
      elementId: 'work',
    });
  });

  it('should refuse to resolve a job incident until retries are added, then run the job again', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(oneTask('', '1'));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'one-task',
    });
    const [job] = await activate();
    await t.engine.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'boom' });
    const [incident] = await t.incidents(processInstanceKey);

    // when
    const early = t.engine.resolveIncident(incident!.key);
    await expect(early).rejects.toThrow(/Update the job's retries first/);
    await t.engine.updateJobRetries(job!.key, 2);
    await t.engine.resolveIncident(incident!.key);

    // then
    expect(await t.incidents(processInstanceKey)).toEqual([]);
    expect(await t.completeJobs('work')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should reject completing an unknown job in Zeebe wording', async () => {
    await expect(ctx.t.engine.completeJob(42)).rejects.toMatchObject({
      rejectionType: 'NOT_FOUND',
      message: "Expected to find job with key '42', but no such job was found.",
    });
  });

  it('should give a worker only the variables it fetches, nearest scope first', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(oneTask(el.io([['=applicant.name', 'name']])));
    await t.engine.createProcessInstance({
      bpmnProcessId: 'one-task',
      variables: { applicant: { name: 'Chan Tai Man' }, secret: 'x', name: 'outer' },
    });

    // when
    const [job] = await activate('work', { fetchVariable: ['name'] });

    // then
    expect(job!.variables).toEqual({ name: 'Chan Tai Man' });
  });

  it('should wake a long-polling worker when a job is created', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(oneTask());
    const waiting = t.engine.activateJobs({
      type: 'work',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
      requestTimeout: 20_000,
    });

    // when
    await t.engine.createProcessInstance({ bpmnProcessId: 'one-task' });

    // then
    expect(await waiting).toHaveLength(1);
  });

  it('should apply output mappings and propagate job variables otherwise', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(oneTask(el.io([], [['=result.status', 'status']])));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'one-task',
      variables: { keep: 1 },
    });
    const [job] = await activate();

    // when
    await t.engine.completeJob(job!.key, { result: { status: 'FOUND' }, noise: true });

    // then
    const events = await t.events(processInstanceKey);
    const created = events
      .filter((e) => e.valueType === 'VARIABLE')
      .map((e) => `${String(e.value.name)}=${JSON.stringify(e.value.value)}`);
    expect(created).toEqual([
      'keep=1',
      'result={"status":"FOUND"}',
      'noise=true',
      'status="FOUND"',
    ]);
  });
});
