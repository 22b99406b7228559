import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { useTestEngine } from './harness';

describe(`features this engine does not run yet (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should raise an incident naming canceling task listeners instead of skipping them', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(
      bpmn(
        'listened',
        [
          el.start('s'),
          el.user(
            'work',
            '<zeebe:userTask /><zeebe:taskListeners><zeebe:taskListener eventType="canceling" type="audit" /></zeebe:taskListeners>',
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
      'canceling task listeners (zeebe:taskListener eventType="canceling") are not supported by this engine version yet',
    );
    expect((await t.db.query('select key from engine_user_task')).rows).toEqual([]);
  });
});
