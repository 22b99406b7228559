import type { FormDefinition } from '../definition/FormDefinition';

export interface PrefillSources {
  /** Process variables of the instance the form belongs to. */
  variables?: Record<string, unknown>;
  /** The signed-in person's profile (name, ID number, contact details). */
  profile?: Record<string, unknown>;
}

/**
 * Initial data for a form from its `prefill` declarations. The browser may change these
 * values, so they are validated with the submission like any other value; nothing here is
 * trusted later. Missing sources or paths simply leave the field empty.
 */
export function prefillData(
  form: FormDefinition,
  sources: PrefillSources,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const declaration of form.prefill ?? []) {
    const source = declaration.from === 'variable' ? sources.variables : sources.profile;
    const value = readPath(source, declaration.path);
    if (value !== undefined) data[declaration.key] = structuredClone(value);
  }
  return data;
}

/** Own properties only, so a path cannot reach `constructor` or the prototype chain. */
function readPath(source: unknown, path: string): unknown {
  let current = source;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, part))
      return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
