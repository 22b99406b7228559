import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

describe(`features this engine does not run yet (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should raise an incident naming execution listeners instead of skipping them', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'listened',
        [
          el.start('s'),
          el.service(
            'work',
            'work',
            '<zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" /></zeebe:executionListeners>',
          ),
          el.end('e'),
        ],
        [
          ['s', 'work'],
          ['work', 'e'],
        ],
      ),
    );

    // when
    const { processInstanceKey } = await t.engine.createProcessInstance({
      bpmnProcessId: 'listened',
    });

    // then
    const [incident] = await t.incidents(processInstanceKey);
    expect(incident!.message).toContain(
      'execution listeners (zeebe:executionListeners) are not supported by this engine version yet',
    );
    expect(await t.completeJobs('work')).toBe(0);
  });
});
