import fc from 'fast-check';
import { bpmn, el } from '../../testing/bpmn';

const MODEL = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** Documents built to hurt an XML reader: entities, external DTDs, size, depth, width. */
export const hostileDocuments: Record<string, string> = {
  'xxe.bpmn': `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions xmlns="${MODEL}">&x;</definitions>`,
  'billion-laughs.bpmn': `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><definitions xmlns="${MODEL}"><process id="p">&d;</process></definitions>`,
  'external-dtd.bpmn': `<?xml version="1.0"?><!DOCTYPE definitions SYSTEM "http://127.0.0.1:1/evil.dtd"><definitions xmlns="${MODEL}"/>`,
  'huge.bpmn': `<definitions xmlns="${MODEL}"><!--${'x'.repeat(6 * 1024 * 1024)}--></definitions>`,
  'deep.bpmn': `<definitions xmlns="${MODEL}">${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}</definitions>`,
  'wide-unknown.bpmn': `<definitions xmlns="${MODEL}"><process id="p">${'<a x="1"/>'.repeat(300_000)}</process></definitions>`,
  'wide-text.bpmn': `<definitions xmlns="${MODEL}"><process id="p">${'x<task/>'.repeat(300_000)}</process></definitions>`,
  'unclosed-tags.bpmn': '<a'.repeat(1_500_000),
  'unclosed-comments.bpmn': '<!--'.repeat(1_000_000),
  'binary.bpmn': '\u0000\u0001\u0002\uFFFD<<<>>>',
};

/** A valid model to mutate: every mutation stays close to something a modeler would write. */
export const validModel = bpmn(
  'fuzzed',
  [
    el.start('s'),
    el.service('work', 'work'),
    el.xor('x', 'Flow_d'),
    el.user('review', '<zeebe:userTask />'),
    el.end('e'),
  ],
  [
    ['s', 'work'],
    ['work', 'x'],
    ['x', 'review', '=amount > 10'],
    ['x', 'e', undefined, 'Flow_d'],
    ['review', 'e'],
  ],
);

const fragments = [
  '<',
  '>',
  '/>',
  '"',
  '&',
  '&amp;',
  '&#0;',
  '<!DOCTYPE x>',
  '<!ENTITY e "x">',
  ']]>',
  '<![CDATA[',
  '<!--',
  'id="work"',
  '<bpmn:serviceTask id="dup"/>',
  '<bpmn:sequenceFlow id="f" sourceRef="nowhere" targetRef="e"/>',
  '<zeebe:taskDefinition type="= x +" />',
  '<bpmn:conditionExpression>= (((</bpmn:conditionExpression>',
  '\uFFFF',
  '\u0000',
];

/** A valid model with random cuts, insertions and replacements. */
export const mutatedModel: fc.Arbitrary<string> = fc
  .array(
    fc.record({
      at: fc.nat({ max: validModel.length }),
      cut: fc.nat({ max: 40 }),
      insert: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 12 })),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((edits) =>
    edits.reduce(
      (doc, { at, cut, insert }) => doc.slice(0, at) + insert + doc.slice(at + cut),
      validModel,
    ),
  );

/** Anything at all: random text, random XML-ish text, and mutated models. */
export const anyDocument: fc.Arbitrary<string> = fc.oneof(
  mutatedModel,
  fc.string({ maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom('<', '>', '/', 'a', ' ', '=', '"', '!', '-', '?'),
    maxLength: 200,
  }),
);
