import type { ModdleElement } from 'bpmn-moddle';
import { checkFeelSyntax, stripFeelMarker } from '../feel/checkFeelSyntax';
import type { Expression } from './CompiledProcess';
import type { ModelErrors } from './ModelError';

/**
 * Reads a property that may be static or FEEL ('=' prefix); FEEL is syntax-checked now so
 * a broken expression fails the deployment instead of a running instance.
 */
export function readExpression(
  errors: ModelErrors,
  element: ModdleElement,
  attribute: string,
  raw: string,
): Expression {
  if (!raw.trimStart().startsWith('=')) return { kind: 'static', value: raw };
  const source = stripFeelMarker(raw);
  checkSyntax(errors, element, attribute, raw);
  return { kind: 'feel', source };
}

/** Reads a property that must be FEEL (conditions, correlation keys, input collections). */
export function readFeel(
  errors: ModelErrors,
  element: ModdleElement,
  attribute: string,
  raw: string,
): string {
  if (!raw.trimStart().startsWith('=')) {
    errors.add(
      element,
      `${attribute} '${raw}' must be a FEEL expression: start it with '=' (e.g. '=${raw}')`,
    );
    return raw.trim();
  }
  checkSyntax(errors, element, attribute, raw);
  return stripFeelMarker(raw);
}

function checkSyntax(errors: ModelErrors, element: ModdleElement, attribute: string, raw: string) {
  const problem = checkFeelSyntax(raw);
  if (problem !== undefined) {
    errors.add(
      element,
      `${attribute} '${raw}' is not a valid FEEL expression (${problem}); correct the expression`,
    );
  }
}
