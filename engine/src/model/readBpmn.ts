import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { createRequire } from 'node:module';
import type { ModelErrors } from './ModelError';

const MAX_BYTES = 5 * 1024 * 1024;
const MAX_DEPTH = 200;
// moddle finds the line of each problem by scanning from the start of the document, so its
// time grows with (problems × size): bound tags and text runs, and their product with the size.
const MAX_NODES = 50_000;
const MAX_NODES_TIMES_BYTES = 1e9;

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
  const { depth, nodes } = measureShape(xml);
  if (depth > MAX_DEPTH) {
    errors.add(
      undefined,
      `${resourceName} nests elements ${depth} deep: at most ${MAX_DEPTH} levels are allowed`,
    );
    return undefined;
  }
  if (nodes > MAX_NODES || nodes * size > MAX_NODES_TIMES_BYTES) {
    errors.add(
      undefined,
      `${resourceName} has ${nodes} tags and text parts in ${size} bytes, more than Balcão reads in one document: split the process into smaller ones joined by call activities`,
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
    // moddle quotes the unparsable part, which can be the rest of the document.
    const short = reason.length > 300 ? `${reason.slice(0, 300)}…` : reason;
    errors.add(undefined, `${resourceName} is not a readable BPMN XML document: ${short}`);
    return undefined;
  }
}

/**
 * One linear pass (no backtracking regex: hostile input must not make it slow): the deepest
 * nesting of elements, and how many tags and non-blank text runs there are. Comments, CDATA
 * and processing instructions do not count; an unfinished construct ends the scan (moddle
 * then reports it).
 */
function measureShape(xml: string): { depth: number; nodes: number } {
  let depth = 0;
  let max = 0;
  let nodes = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (hasText(xml, i, lt < 0 ? xml.length : lt)) nodes += 1;
    if (lt < 0) break;
    const skipTo = skippedEnd(xml, lt);
    if (skipTo !== undefined) {
      if (skipTo < 0) break;
      i = skipTo;
      continue;
    }
    const gt = tagEnd(xml, lt + 1);
    if (gt < 0) break;
    nodes += 1;
    if (xml[lt + 1] === '/') depth -= 1;
    else if (xml[gt - 1] !== '/') {
      depth += 1;
      max = Math.max(max, depth);
    }
    i = gt + 1;
  }
  return { depth: max, nodes };
}

// Where a comment, CDATA section, processing instruction or declaration at `lt` ends (-1: never).
function skippedEnd(xml: string, lt: number): number | undefined {
  for (const [open, close] of [
    ['<!--', '-->'],
    ['<![CDATA[', ']]>'],
    ['<?', '?>'],
    ['<!', '>'],
  ] as const) {
    if (!xml.startsWith(open, lt)) continue;
    const end = xml.indexOf(close, lt + open.length);
    return end < 0 ? -1 : end + close.length;
  }
  return undefined;
}

// The '>' that ends the tag starting before `from`, skipping quoted attribute values.
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let j = from; j < xml.length; j++) {
    const c = xml[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j;
  }
  return -1;
}

function hasText(xml: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (xml.charCodeAt(j) > 32) return true;
  return false;
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
