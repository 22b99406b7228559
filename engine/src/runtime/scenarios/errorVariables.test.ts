import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import type { TestEngine } from '../../testing/TestEngine';
import { useTestEngine } from './harness';

const readError = el.io(
  [],
  [
    ['=errorCode', 'caughtCode'],
    ['=errorMessage', 'caughtMessage'],
  ],
);

const boundary = (id: string, attachedTo: string, errorRef: string | undefined, ext = '') =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}">${ext ? `<bpmn:extensionElements>${ext}</bpmn:extensionElements>` : ''}<bpmn:errorEventDefinition${errorRef ? ` errorRef="${errorRef}"` : ''} /></bpmn:boundaryEvent>`;

const withBoundary = (event: string) =>
  bpmn(
    'verify',
    [el.start('s'), el.service('lookup', 'lookup'), event, el.end('done'), el.end('handled')],
    [
      ['s', 'lookup'],
      ['lookup', 'done'],
      ['caught', 'handled'],
    ],
    el.error('Error_NotFound', 'PERSON_NOT_FOUND'),
  );

async function throwFromWorker(
  t: TestEngine,
  error: { errorCode: string; errorMessage?: string; variables?: Record<string, unknown> },
): Promise<void> {
  const [job] = await t.engine.activateJobs({
    type: 'lookup',
    worker: 'w',
    timeout: 1000,
    maxJobsToActivate: 1,
    fetchVariable: [],
  });
  await t.engine.throwError({ jobKey: job!.key, ...error });
}

describe(`error code and message variables on error catch events (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should let the output mappings of an error boundary event read errorCode and errorMessage', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(withBoundary(boundary('caught', 'lookup', 'Error_NotFound', readError)));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'verify',
    });

    // when
    await throwFromWorker(t, {
      errorCode: 'PERSON_NOT_FOUND',
      errorMessage: 'no such ID',
      variables: { lookedUp: '1234567' },
    });

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    const variables = await t.finalVariables(processInstanceKey);
    expect(variables).toMatchObject({
      caughtCode: 'PERSON_NOT_FOUND',
      caughtMessage: 'no such ID',
    });
    // errorCode / errorMessage were local to the catch event: only the mappings carried them out
    expect(variables).not.toHaveProperty('errorCode');
    expect(variables).not.toHaveProperty('errorMessage');
  });

  it('should give a catch-all boundary event the code that was thrown', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(withBoundary(boundary('caught', 'lookup', undefined, readError)));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'verify',
    });

    // when
    await throwFromWorker(t, { errorCode: 'REGISTRY_DOWN' });

    // then
    expect(await t.finalVariables(processInstanceKey)).toMatchObject({
      caughtCode: 'REGISTRY_DOWN',
      caughtMessage: '',
    });
    const local = (await t.events(processInstanceKey)).filter(
      (e) => e.valueType === 'VARIABLE' && e.value.name === 'errorCode',
    );
    expect(local).toHaveLength(1);
    expect(local[0]!.value.scopeKey).not.toBe(processInstanceKey);
  });

  it('should not leave errorCode and errorMessage behind when the catch event maps nothing', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(withBoundary(boundary('caught', 'lookup', undefined)));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'verify',
    });

    // when
    await throwFromWorker(t, { errorCode: 'X', errorMessage: 'm', variables: { detail: 1 } });

    // then: the thrown variables propagate as before, the code and message do not
    const variables = await t.finalVariables(processInstanceKey);
    expect(variables).toMatchObject({ detail: 1 });
    expect(variables).not.toHaveProperty('errorCode');
  });

  it('should let an error event sub-process start event map errorCode and errorMessage', async () => {
    // given
    const { t } = ctx;
    const xml = bpmn(
      'with-handler',
      [
        el.start('s'),
        el.service('lookup', 'lookup'),
        el.end('done'),
        `<bpmn:subProcess id="on-error" triggeredByEvent="true">
          <bpmn:startEvent id="caught"><bpmn:extensionElements>${readError}</bpmn:extensionElements><bpmn:errorEventDefinition /></bpmn:startEvent>
          <bpmn:endEvent id="handled" />
          <bpmn:sequenceFlow id="f-h" sourceRef="caught" targetRef="handled" />
        </bpmn:subProcess>`,
      ],
      [
        ['s', 'lookup'],
        ['lookup', 'done'],
      ],
    );
    await t.deployProcess(xml);
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'with-handler',
    });

    // when
    await throwFromWorker(t, { errorCode: 'TAX_DEBT', errorMessage: 'debts found' });

    // then
    expect(await t.elementTrail(processInstanceKey)).toContain('on-error:ELEMENT_COMPLETED');
    expect(await t.finalVariables(processInstanceKey)).toMatchObject({
      caughtCode: 'TAX_DEBT',
      caughtMessage: 'debts found',
    });
  });

  it('should give the code of an error end event to the boundary event of its sub-process', async () => {
    // given
    const { t } = ctx;
    const xml = bpmn(
      'end-error',
      [
        el.start('s'),
        `<bpmn:subProcess id="check">
          <bpmn:startEvent id="cs" />
          <bpmn:endEvent id="refuse"><bpmn:errorEventDefinition errorRef="Error_Refused" /></bpmn:endEvent>
          <bpmn:sequenceFlow id="f-c" sourceRef="cs" targetRef="refuse" />
        </bpmn:subProcess>`,
        boundary('caught', 'check', undefined, readError),
        el.end('done'),
        el.end('handled'),
      ],
      [
        ['s', 'check'],
        ['check', 'done'],
        ['caught', 'handled'],
      ],
      el.error('Error_Refused', 'REFUSED'),
    );
    await t.deployProcess(xml);

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'end-error',
    });

    // then
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await t.finalVariables(processInstanceKey)).toMatchObject({ caughtCode: 'REFUSED' });
  });
});
