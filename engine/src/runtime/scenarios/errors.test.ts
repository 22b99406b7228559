import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

const withBoundary = (boundary: string) =>
  bpmn(
    'verify',
    [
      el.start('s'),
      el.service('lookup', 'lookup'),
      boundary,
      el.service('manual-check', 'manual'),
      el.end('done'),
      el.end('checked'),
    ],
    [
      ['s', 'lookup'],
      ['lookup', 'done'],
      ['not-found', 'manual-check'],
      ['manual-check', 'checked'],
    ],
    el.error('Error_NotFound', 'PERSON_NOT_FOUND'),
  );

describe(`BPMN errors (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should let a boundary error event catch an error thrown by a worker', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(withBoundary(el.boundaryError('not-found', 'lookup', 'Error_NotFound')));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'verify',
    });
    const [job] = await t.engine.activateJobs({
      type: 'lookup',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });

    // when
    await t.engine.throwError({
      jobKey: job!.key,
      errorCode: 'PERSON_NOT_FOUND',
      errorMessage: 'no such ID',
      variables: { lookedUp: '1234567' },
    });

    // then
    const trail = await t.elementTrail(processInstanceKey);
    expect(trail).toContain('lookup:ELEMENT_TERMINATED');
    expect(trail).toContain('not-found:ELEMENT_COMPLETED');
    expect(await t.completeJobs('manual')).toBe(1);
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('should catch any code with a catch-all error boundary', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(withBoundary(el.boundaryError('not-found', 'lookup')));
    await t.engine.createProcessInstance({ bpmnProcessId: 'verify' });
    const [job] = await t.engine.activateJobs({
      type: 'lookup',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });

    // when
    await t.engine.throwError({ jobKey: job!.key, errorCode: 'ANYTHING' });

    // then
    expect(await t.completeJobs('manual')).toBe(1);
  });

  it('should raise an incident for an error nothing catches', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(withBoundary(el.boundaryError('not-found', 'lookup', 'Error_NotFound')));
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'verify',
    });
    const [job] = await t.engine.activateJobs({
      type: 'lookup',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });

    // when
    await t.engine.throwError({
      jobKey: job!.key,
      errorCode: 'TAX_DEBT',
      errorMessage: 'debts found',
    });

    // then
    const [incident] = await t.incidents(processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'lookup' });
    expect(incident!.message).toContain(
      "Expected to throw an error event with the code 'TAX_DEBT' with message 'debts found', but it was not caught.",
    );
  });

  it('should throw from an error end event', async () => {
    // given
    const { t } = ctx;
    const xml = bpmn(
      'end-error',
      [el.start('s'), el.end('fail', '<bpmn:errorEventDefinition errorRef="Error_X" />')],
      [['s', 'fail']],
      el.error('Error_X', 'REJECTED'),
    );
    await t.deployProcess(xml);

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'end-error',
    });

    // then: nothing catches it at the process level
    const [incident] = await t.incidents(processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'fail' });
  });
});
