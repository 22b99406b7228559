import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { TestEngine } from '../../testing/TestEngine';

describe(`service task (${testDatabaseKind})`, () => {
  let t: TestEngine;

  beforeEach(async () => {
    t = await TestEngine.start();
  });

  afterEach(async () => {
    expect(await t.replayDifferences()).toEqual([]);
    await t.close();
  });

  const process = bpmn(
    'verify-person',
    [el.start('start'), el.service('verify', 'civil-registry'), el.end('end')],
    [
      ['start', 'verify'],
      ['verify', 'end'],
    ],
  );

  it('should create a job and complete the instance when the job completes', async () => {
    // given
    await t.deployProcess(process);
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'verify-person',
      variables: { idNumber: '12345678' },
    });

    // when
    const jobs = await t.engine.activateJobs({
      type: 'civil-registry',
      worker: 'w1',
      timeout: 30_000,
      maxJobsToActivate: 10,
      fetchVariable: [],
    });
    await t.engine.completeJob(jobs[0]!.key, { found: true });

    // then
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      type: 'civil-registry',
      elementId: 'verify',
      worker: 'w1',
      retries: 3,
      variables: { idNumber: '12345678' },
    });
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await t.elementTrail(processInstanceKey)).toEqual([
      'verify-person:ELEMENT_ACTIVATING',
      'verify-person:ELEMENT_ACTIVATED',
      'start:ELEMENT_ACTIVATING',
      'start:ELEMENT_ACTIVATED',
      'start:ELEMENT_COMPLETING',
      'start:ELEMENT_COMPLETED',
      expect.stringMatching(/^Flow_1.*:SEQUENCE_FLOW_TAKEN$/),
      'verify:ELEMENT_ACTIVATING',
      'verify:ELEMENT_ACTIVATED',
      'verify:ELEMENT_COMPLETING',
      'verify:ELEMENT_COMPLETED',
      expect.stringMatching(/^Flow_2.*:SEQUENCE_FLOW_TAKEN$/),
      'end:ELEMENT_ACTIVATING',
      'end:ELEMENT_ACTIVATED',
      'end:ELEMENT_COMPLETING',
      'end:ELEMENT_COMPLETED',
      'verify-person:ELEMENT_COMPLETING',
      'verify-person:ELEMENT_COMPLETED',
    ]);
  });
});
