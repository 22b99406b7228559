import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { createRequire } from 'node:module';
import type { ModelErrors } from './ModelError';

const MAX_BYTES = 5 * 1024 * 1024;
const MAX_DEPTH = 200;

const zeebe = createRequire(import.meta.url)('zeebe-bpmn-moddle/resources/zeebe.json') as Record<
  string,
  unknown
>;

/**
 * Turns the uploaded document into moddle's object tree, refusing what could hurt the
 * server (entity expansion, huge or deeply nested documents) and anything moddle only
 * warns about (unknown elements or attributes would otherwise be dropped silently).
 */
export async function readBpmn(
  input: string | Buffer,
  resourceName: string,
  errors: ModelErrors,
): Promise<ModdleElement | undefined> {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  if (size > MAX_BYTES) {
    errors.add(
      undefined,
      `${resourceName} is ${size} bytes: BPMN documents may be at most 5 MB; split the process`,
    );
    return undefined;
  }
  const xml = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    errors.add(
      undefined,
      `${resourceName} contains a DOCTYPE or ENTITY declaration, which is not allowed in BPMN; remove it`,
    );
    return undefined;
  }
  const depth = maxDepth(xml);
  if (depth > MAX_DEPTH) {
    errors.add(
      undefined,
      `${resourceName} nests elements ${depth} deep: at most ${MAX_DEPTH} levels are allowed`,
    );
    return undefined;
  }
  try {
    const result = await new BpmnModdle({ zeebe }).fromXML(xml);
    for (const warning of result.warnings)
      errors.add(warning.element, describeWarning(warning.message));
    return result.rootElement;
  } catch (error) {
    const reason =
      error instanceof Error
        ? error.message
            .split('\n')
            .map((l) => l.trim())
            .join(' ')
        : String(error);
    errors.add(undefined, `${resourceName} is not a readable BPMN XML document: ${reason}`);
    return undefined;
  }
}

// Counts open tags; comments, CDATA and processing instructions are skipped first.
function maxDepth(xml: string): number {
  const stripped = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, '');
  let depth = 0;
  let max = 0;
  for (const match of stripped.matchAll(/<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (match[1] === '/') depth -= 1;
    else if (match[2] !== '/') {
      depth += 1;
      max = Math.max(max, depth);
    }
  }
  return max;
}

// moddle's warnings are terse and technical; say what is wrong and what to do instead.
function describeWarning(raw: string): string {
  const message = raw
    .split('\n')
    .map((line) => line.trim())
    .join(' ');
  const reference = /^unresolved reference <([^>]*)>/.exec(message);
  if (reference !== null) {
    return `refers to '${reference[1] ?? ''}', which does not exist in this document: point it at an existing element`;
  }
  const attribute = /^unknown attribute <([^>]*)>/.exec(message);
  if (attribute !== null) {
    return `has attribute '${attribute[1] ?? ''}', which is not part of BPMN or the Zeebe extensions: remove it`;
  }
  const content = /^unparsable content (<[^>]*>) detected line: (\d+) column: (\d+)/.exec(message);
  const duplicate = /nested error: duplicate ID <([^>]*)>/.exec(message);
  const illegal = /nested error: illegal ID <([^>]*)>/.exec(message);
  if (content !== null && illegal !== null) {
    return `${content[1] ?? ''} at line ${Number(content[2]) + 1} has the id '${illegal[1] ?? ''}', which is not a valid XML id: use letters, digits, '_', '-' and '.', starting with a letter or '_'`;
  }
  if (content !== null && duplicate !== null) {
    return `${content[1] ?? ''} at line ${Number(content[2]) + 1} repeats the id '${duplicate[1] ?? ''}': every element needs its own id`;
  }
  // moddle counts lines and columns from 0.
  if (content !== null) {
    return `${content[1] ?? ''} at line ${Number(content[2]) + 1}, column ${Number(content[3]) + 1} is not part of BPMN or the Zeebe extensions (is it from another modeler or a newer version?): remove it`;
  }
  return `${message}: correct the document`;
}
