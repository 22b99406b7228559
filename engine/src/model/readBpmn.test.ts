import { describe, expect, it } from 'vitest';
import { formatModelError } from './ModelError';
import { parseBpmn } from './parseBpmn';

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud">`;
const start = '<bpmn:startEvent id="S" />';

function bpmn(body: string): string {
  return `${HEAD}<bpmn:process id="P" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;
}

async function errorsOf(xml: string): Promise<string[]> {
  const result = await parseBpmn(xml, 'test.bpmn');
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.errors.map(formatModelError);
}

describe('parseBpmn security', () => {
  it('should reject DOCTYPE and ENTITY declarations (XXE, billion laughs)', async () => {
    // given
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${bpmn(start).slice(HEAD.indexOf('<bpmn:definitions'))}`;
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">&lol2;</bpmn:definitions>`;

    // when
    const errors = [...(await errorsOf(xxe)), ...(await errorsOf(laughs))];

    // then
    expect(errors).toHaveLength(2);
    for (const error of errors) expect(error).toContain('DOCTYPE or ENTITY declaration');
  });

  it('should reject documents over 5 MB and nesting deeper than 200', async () => {
    // given
    const huge = Buffer.from(bpmn(`${start}<!--${'x'.repeat(5 * 1024 * 1024)}-->`));
    const deep = bpmn(
      `${start}${'<bpmn:subProcess>'.repeat(201)}${'</bpmn:subProcess>'.repeat(201)}`,
    );

    // when
    const hugeErrors = await errorsOf(huge.toString());
    const deepErrors = await errorsOf(deep);

    // then
    expect(hugeErrors[0]).toContain('at most 5 MB');
    expect(deepErrors[0]).toContain('at most 200 levels');
  });
});
