import { describe, expect, it } from 'vitest';
import type { CompiledElement, CompiledProcess, ElementBase } from './CompiledProcess';
import { boundaryEventsOf, messageStartEventFor, targetOfFlow } from './processGraph';

describe('processGraph', () => {
  it('should follow a flow to its target and list boundary events', () => {
    // given
    const process = sampleProcess();

    // when
    const next = targetOfFlow(process, 'Flow_1');
    const boundaries = boundaryEventsOf(process, 'Task_1');

    // then
    expect(next?.id).toBe('Task_1');
    expect(boundaries.map((b) => b.id)).toEqual(['Timer_1']);
    expect(targetOfFlow(process, 'Flow_unknown')).toBeUndefined();
  });

  it('should find the message start event for a message name', () => {
    // given
    const process = sampleProcess();

    // when / then
    expect(messageStartEventFor(process, 'application-received')).toBe('Start_1');
    expect(messageStartEventFor(process, 'other')).toBeUndefined();
  });
});

function base(id: string, extra: Partial<ElementBase> = {}): ElementBase {
  return {
    id,
    scopeId: 'P',
    incoming: [],
    outgoing: [],
    inputMappings: [],
    outputMappings: [],
    boundaryEventIds: [],
    executionListeners: [],
    properties: {},
    ...extra,
  };
}

function sampleProcess(): CompiledProcess {
  const elements: CompiledElement[] = [
    {
      ...base('Start_1', { outgoing: ['Flow_1'] }),
      kind: 'startEvent',
      interrupting: true,
      eventDefinition: {
        type: 'message',
        messageName: { kind: 'static', value: 'application-received' },
      },
    },
    { ...base('Task_1', { incoming: ['Flow_1'], boundaryEventIds: ['Timer_1'] }), kind: 'task' },
    {
      ...base('Timer_1'),
      kind: 'boundaryEvent',
      attachedToId: 'Task_1',
      interrupting: true,
      eventDefinition: {
        type: 'timer',
        timer: { kind: 'duration', expression: { kind: 'static', value: 'PT1H' } },
      },
    },
  ];
  return {
    bpmnProcessId: 'P',
    rootScopeId: 'P',
    elements: Object.fromEntries(elements.map((e) => [e.id, e])),
    flows: { Flow_1: { id: 'Flow_1', sourceId: 'Start_1', targetId: 'Task_1' } },
    childIds: elements.map((e) => e.id),
    startEvents: { message: ['Start_1'], timer: [], signal: [], eventSubProcess: [] },
    properties: {},
    executionListeners: [],
  };
}
