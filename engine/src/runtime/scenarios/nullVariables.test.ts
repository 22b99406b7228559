import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { TestEngine } from '../../testing/TestEngine';

// Zeebe keeps variables whose value is null (e.g. an optional phone number mapped into a
// call activity); they must survive storage and reach workers as null.
describe(`null variables (${testDatabaseKind})`, () => {
  let t: TestEngine;

  beforeEach(async () => {
    t = await TestEngine.start();
  });

  afterEach(async () => {
    expect(await t.replayDifferences()).toEqual([]);
    await t.close();
  });

  it('should store, update and hand out variables whose value is null', async () => {
    // given
    await t.deployProcess(
      bpmn(
        'optional-phone',
        [
          el.start('start'),
          el.service('notify', 'notify'),
          el.service('after', 'after'),
          el.end('end'),
        ],
        [
          ['start', 'notify'],
          ['notify', 'after'],
          ['after', 'end'],
        ],
      ),
    );
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'optional-phone',
      variables: { phone: null, name: 'Chan' },
    });
    const activate = (type: string) =>
      t.engine.activateJobs({
        type,
        worker: 'w1',
        timeout: 30_000,
        maxJobsToActivate: 1,
        fetchVariable: [],
      });

    // when
    const [first] = await activate('notify');
    await t.engine.completeJob(first!.key, { name: null, receipt: null });
    const [second] = await activate('after');

    // then
    expect(first!.variables).toEqual({ phone: null, name: 'Chan' });
    expect(second!.variables).toEqual({ phone: null, name: null, receipt: null });
    await t.engine.completeJob(second!.key, {});
    expect(await t.instanceState(processInstanceKey)).toBe('COMPLETED');
  });
});
