import { describe, expect, it } from 'vitest';
import { deployProblems } from './deployProblems';

describe('deployProblems', () => {
  it('should place each engine error on its element when the id is in the model', () => {
    // given
    const detail = [
      'Expected to deploy new resources, but encountered the following errors:',
      "'visa.bpmn':",
      '- Task_1 "Check passport": service task has no zeebe:taskDefinition type',
      '- the process has no start event',
      "'rules.dmn': DMN decisions are not supported by this engine version yet.",
    ].join('\n');

    // when
    const problems = deployProblems(detail, [
      { name: 'visa.bpmn', content: '<bpmn:serviceTask id="Task_1" name="Check passport" />' },
    ]);

    // then
    expect(problems).toEqual([
      {
        resource: 'visa.bpmn',
        elementId: 'Task_1',
        message: 'service task has no zeebe:taskDefinition type',
      },
      { resource: 'visa.bpmn', message: 'the process has no start event' },
      {
        resource: 'rules.dmn',
        message: 'DMN decisions are not supported by this engine version yet.',
      },
    ]);
  });

  it('should not invent an element when the first word is not an id of the model', () => {
    // when
    const problems = deployProblems("x\n'a.bpmn':\n- Expected: a start event", [
      { name: 'a.bpmn', content: '<bpmn:process id="a" />' },
    ]);

    // then
    expect(problems).toEqual([{ resource: 'a.bpmn', message: 'Expected: a start event' }]);
  });
});
