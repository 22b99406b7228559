import { describe, expect, it } from 'vitest';
import { bpmn, el } from '../testing/bpmn';
import { formatModelError } from './ModelError';
import { parseBpmn } from './parseBpmn';

const undoBoundary = (id: string, attachedTo: string) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>`;
const handler = (id: string, type: string) =>
  `<bpmn:serviceTask id="${id}" isForCompensation="true"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements></bpmn:serviceTask>`;
const association = (from: string, to: string) =>
  `<bpmn:association id="A_${from}_${to}" associationDirection="One" sourceRef="${from}" targetRef="${to}" />`;
const throwCompensation = (id: string, activityRef?: string) =>
  `<bpmn:intermediateThrowEvent id="${id}"><bpmn:compensateEventDefinition${activityRef ? ` activityRef="${activityRef}"` : ''} /></bpmn:intermediateThrowEvent>`;

async function errorsOf(xml: string): Promise<string[]> {
  const result = await parseBpmn(xml, 'test.bpmn');
  if (result.ok) throw new Error('expected the model to be rejected');
  return result.errors.map(formatModelError);
}

describe('compensation in the model', () => {
  it('should link a compensation boundary event to its handler', async () => {
    // given
    const xml = bpmn(
      'p',
      [
        el.start('s'),
        el.service('book', 'book'),
        undoBoundary('undo-book', 'book'),
        handler('cancel-book', 'cancel'),
        association('undo-book', 'cancel-book'),
        throwCompensation('undo', 'book'),
        el.end('e'),
      ],
      [
        ['s', 'book'],
        ['book', 'undo'],
        ['undo', 'e'],
      ],
    );

    // when
    const result = await parseBpmn(xml, 'p.bpmn');

    // then
    if (!result.ok) throw new Error(result.errors.map(formatModelError).join('\n'));
    const elements = result.processes[0]!.elements;
    expect(elements['undo-book']).toMatchObject({ compensationHandlerId: 'cancel-book' });
    expect(elements['cancel-book']).toMatchObject({ forCompensation: true });
    expect(elements['book']!.boundaryEventIds).toEqual(['undo-book']);
  });

  it.each([
    [
      'a boundary event without a handler',
      [undoBoundary('undo-book', 'book')],
      'undo-book: compensation boundary event has no compensation handler',
    ],
    [
      'an association to an activity that is not a handler',
      [
        undoBoundary('undo-book', 'book'),
        el.service('plain', 'plain'),
        association('undo-book', 'plain'),
      ],
      "undo-book: compensation boundary event is associated with 'plain', which is not a compensation handler",
    ],
    [
      'an activityRef to an activity without a compensation boundary',
      [throwCompensation('undo', 'book')],
      "undo: compensation activityRef 'book' has no compensation boundary event",
    ],
    [
      'an activityRef to an activity of another scope',
      [
        throwCompensation('undo', 'inner'),
        `<bpmn:subProcess id="sub"><bpmn:startEvent id="ss" /><bpmn:manualTask id="inner" /><bpmn:sequenceFlow id="fs" sourceRef="ss" targetRef="inner" /></bpmn:subProcess>`,
      ],
      "undo: compensation activityRef 'inner' is not an activity of this scope",
    ],
    [
      'a throw event that would not wait for the handlers',
      [
        undoBoundary('undo-book', 'book'),
        handler('cancel-book', 'cancel-book'),
        association('undo-book', 'cancel-book'),
        '<bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition waitForCompletion="false" /></bpmn:intermediateThrowEvent>',
      ],
      'undo: compensation event with waitForCompletion="false" is not supported',
    ],
  ])('should reject %s', async (_, extra, message) => {
    // given
    const xml = bpmn(
      'p',
      [el.start('s'), el.service('book', 'book'), el.end('e'), ...extra],
      [
        ['s', 'book'],
        ['book', 'e'],
      ],
    );

    // when
    const errors = await errorsOf(xml);

    // then
    expect(errors.join('\n')).toContain(message);
  });

  it('should reject a handler with sequence flows', async () => {
    // given
    const xml = bpmn(
      'p',
      [
        el.start('s'),
        el.service('book', 'book'),
        undoBoundary('undo-book', 'book'),
        handler('cancel-book', 'cancel'),
        association('undo-book', 'cancel-book'),
        el.end('e'),
      ],
      [
        ['s', 'book'],
        ['book', 'e'],
        ['cancel-book', 'e'],
      ],
    );

    // when
    const errors = await errorsOf(xml);

    // then
    expect(errors.join('\n')).toContain('cancel-book: compensation handler has sequence flows');
  });
});
