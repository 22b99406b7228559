import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

const listeners = (...l: [string, string][]) =>
  `<zeebe:executionListeners>${l
    .map(
      ([eventType, type]) => `<zeebe:executionListener eventType="${eventType}" type="${type}" />`,
    )
    .join('')}</zeebe:executionListeners>`;

describe(`execution listeners (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should hold a task in ACTIVATING until its start listeners complete, in model order', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'listened',
        [
          el.start('s'),
          // the job type comes from a variable the start listener sets
          el.service('work', '=workType', listeners(['start', 'prepare'], ['start', 'audit'])),
          el.end('e'),
        ],
        [
          ['s', 'work'],
          ['work', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'listened',
    });

    // when
    expect(await t.completeJobs('audit')).toBe(0);
    expect(await t.completeJobs('prepare', { workType: 'register' })).toBe(1);
    const beforeAudit = await t.elementTrail(processInstanceKey);
    expect(await t.completeJobs('audit')).toBe(1);

    // then
    expect(beforeAudit).not.toContain('work:ELEMENT_ACTIVATED');
    expect(await t.completeJobs('register')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    const jobs = (await t.events(processInstanceKey)).filter(
      (e) => e.valueType === 'JOB' && e.intent === 'CREATED',
    );
    expect(
      jobs.map((e) => {
        const row = e.value.row as { type: string; record: { kind: string } };
        return `${row.type}:${row.record.kind}`;
      }),
    ).toEqual(['prepare:EXECUTION_LISTENER', 'audit:EXECUTION_LISTENER', 'register:BPMN_ELEMENT']);
    // start listener variables are local to the element
    expect(await t.finalVariables(processInstanceKey)).not.toHaveProperty('workType');
  });

  it('should run end listeners after the output mappings and propagate their variables', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'closing',
        [
          el.start('s'),
          el.service(
            'work',
            'work',
            `${el.io([], [['=result', 'outcome']])}${listeners(['end', 'archive'])}`,
          ),
          el.end('e'),
        ],
        [
          ['s', 'work'],
          ['work', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'closing',
    });
    await t.completeJobs('work', { result: 'approved' });
    const archive = await t.engine.activateJobs({
      type: 'archive',
      worker: 'test',
      timeout: 60_000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });

    // when
    await t.engine.completeJob(archive[0]!.key, { archivedAs: 'DSI-2026-1' });

    // then
    expect(archive[0]!.variables).toMatchObject({ outcome: 'approved' });
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail.indexOf('work:ELEMENT_COMPLETING')).toBeLessThan(
      trail.indexOf('work:ELEMENT_COMPLETED'),
    );
    expect(await t.finalVariables(processInstanceKey)).toMatchObject({
      outcome: 'approved',
      archivedAs: 'DSI-2026-1',
    });
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should run process, sub-process and gateway listeners; a gateway listener may choose the path', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'whole',
        [
          `<bpmn:extensionElements>${listeners(['start', 'process-start'], ['end', 'process-end'])}</bpmn:extensionElements>`,
          el.start('s'),
          `<bpmn:exclusiveGateway id="route" default="toB"><bpmn:extensionElements>${listeners(['start', 'decide'])}</bpmn:extensionElements></bpmn:exclusiveGateway>`,
          `<bpmn:subProcess id="sub"><bpmn:extensionElements>${listeners(['start', 'sub-start'], ['end', 'sub-end'])}</bpmn:extensionElements><bpmn:startEvent id="ss" /><bpmn:endEvent id="se" /><bpmn:sequenceFlow id="sf" sourceRef="ss" targetRef="se" /></bpmn:subProcess>`,
          el.end('b'),
          el.end('e'),
        ],
        [
          ['s', 'route'],
          ['route', 'sub', '=fast', 'toSub'],
          ['route', 'b', undefined, 'toB'],
          ['sub', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({ bpmnProcessId: 'whole' });

    // when
    const order: string[] = [];
    for (const [type, variables] of [
      ['process-start', {}],
      ['decide', { fast: true }],
      ['sub-start', {}],
      ['sub-end', {}],
      ['process-end', {}],
    ] as const) {
      if ((await t.completeJobs(type, variables)) === 1) order.push(type);
    }

    // then
    expect(order).toEqual(['process-start', 'decide', 'sub-start', 'sub-end', 'process-end']);
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail).toContain('se:ELEMENT_COMPLETED');
    expect(trail).not.toContain('b:ELEMENT_ACTIVATING');
    expect(trail.at(-1)).toBe('whole:ELEMENT_COMPLETED');
  });

  it('should raise an incident when a listener job runs out of retries and go on from that listener once resolved', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'fragile',
        [
          el.start('s'),
          el.service('work', 'work', listeners(['start', 'first'], ['start', 'second'])),
          el.end('e'),
        ],
        [
          ['s', 'work'],
          ['work', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'fragile',
    });
    await t.completeJobs('first');
    const [second] = await t.engine.activateJobs({
      type: 'second',
      worker: 'test',
      timeout: 60_000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });

    // when
    await t.engine.failJob({ jobKey: second!.key, retries: 0, errorMessage: 'audit log is down' });
    const [incident] = await t.incidents(processInstanceKey);
    await t.engine.updateJobRetries(second!.key, 1);
    await t.engine.resolveIncident(incident!.key);

    // then
    expect(incident).toMatchObject({
      errorType: 'EXECUTION_LISTENER_NO_RETRIES',
      message: 'audit log is down',
      elementId: 'work',
    });
    expect(await t.completeJobs('first')).toBe(0);
    expect(await t.completeJobs('second')).toBe(1);
    expect(await t.completeJobs('work')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should refuse a BPMN error from a listener job and cancel listener jobs with their element', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'cancelled',
        [el.start('s'), el.service('work', 'work', listeners(['start', 'slow'])), el.end('e')],
        [
          ['s', 'work'],
          ['work', 'e'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'cancelled',
    });
    const [slow] = await t.engine.activateJobs({
      type: 'slow',
      worker: 'test',
      timeout: 60_000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });

    // when
    const thrown = await t.engine
      .throwError({ jobKey: slow!.key, errorCode: 'NOPE' })
      .catch((e: unknown) => e);
    await t.engine.cancelProcessInstance(processInstanceKey);

    // then
    expect(thrown).toMatchObject({
      rejectionType: 'INVALID_STATE',
      message: expect.stringContaining('listeners cannot throw BPMN errors'),
    });
    expect(await t.instanceState(processInstanceKey)).toBe('TERMINATED');
    expect((await t.db.query('select key from engine_job')).rows).toEqual([]);
  });

  it('should refuse at deploy listeners Zeebe does not run, naming the element', async () => {
    // given
    const { t } = ctx;
    const model = bpmn(
      'refused',
      [
        el.start(
          'begin',
          `<bpmn:extensionElements>${listeners(['start', 'audit'])}</bpmn:extensionElements>`,
        ),
        `<bpmn:parallelGateway id="fork"><bpmn:extensionElements>${listeners(['end', 'audit'])}</bpmn:extensionElements></bpmn:parallelGateway>`,
        el.end('e'),
      ],
      [
        ['begin', 'fork'],
        ['fork', 'e'],
      ],
    );

    // then
    await expect(t.deployProcess(model)).rejects.toThrow(
      /begin: zeebe:executionListener eventType 'start' is not supported on start events[\s\S]*fork: zeebe:executionListener eventType 'end' is not supported on gateways/,
    );
  });
});
