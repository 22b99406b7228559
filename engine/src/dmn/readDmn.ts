import { DmnModdle, type DmnElement } from 'dmn-moddle';
import type { ModelErrors } from '../model/ModelError';

const MAX_BYTES = 5 * 1024 * 1024;
const MAX_DEPTH = 200;
const DMN13 = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

/**
 * Turns an uploaded .dmn document into moddle's object tree, refusing what could hurt the
 * server (entity declarations, huge or deeply nested documents) and anything moddle only
 * warns about (unknown elements would otherwise be dropped silently).
 */
export async function readDmn(
  input: Buffer | string,
  resourceName: string,
  errors: ModelErrors,
): Promise<DmnElement | undefined> {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  if (size > MAX_BYTES) {
    errors.add(undefined, `${resourceName} is ${size} bytes: DMN documents may be at most 5 MB`);
    return undefined;
  }
  const xml = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    errors.add(
      undefined,
      `${resourceName} contains a DOCTYPE or ENTITY declaration, which is not allowed in DMN; remove it`,
    );
    return undefined;
  }
  if (nestingDepth(xml) > MAX_DEPTH) {
    errors.add(undefined, `${resourceName} nests elements more than ${MAX_DEPTH} levels deep`);
    return undefined;
  }
  if (!xml.includes(DMN13)) {
    errors.add(
      undefined,
      `${resourceName} is not a DMN 1.3 document (namespace ${DMN13}); save it as DMN 1.3, e.g. with Camunda Modeler`,
    );
    return undefined;
  }
  try {
    const result = await new DmnModdle().fromXML(xml, 'dmn:Definitions');
    for (const warning of result.warnings)
      errors.add(
        warning.element,
        oneLine(warning.message).replace(/^unparsable content/, 'unknown content'),
      );
    return result.rootElement;
  } catch (error) {
    errors.add(
      undefined,
      `${resourceName} is not a readable DMN XML document: ${oneLine(error instanceof Error ? error.message : String(error))}`,
    );
    return undefined;
  }
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

// Counts open tags after dropping comments, CDATA and processing instructions.
function nestingDepth(xml: string): number {
  const body = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, '');
  let depth = 0;
  let deepest = 0;
  for (const tag of body.matchAll(/<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (tag[1] === '/') depth -= 1;
    else if (tag[2] !== '/') deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}
