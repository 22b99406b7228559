import type { Mapping } from '../model/CompiledProcess';
import { evaluateStaticOrFeel } from './evaluateStaticOrFeel';
import type { JsonValue } from './toJsonValue';

export type MappingResult =
  { ok: true; variables: Record<string, JsonValue> } | { ok: false; message: string };

/**
 * Applies zeebe:input / zeebe:output mappings in order. Each source sees the source
 * variables plus the targets written by earlier mappings (Zeebe lets a mapping use the
 * previous ones). A target `a.b.c` merges into the object `a` (from an earlier mapping,
 * else from the source variables), creating missing levels.
 */
export function applyMappings(
  mappings: readonly Mapping[],
  sourceVariables: Record<string, unknown>,
): MappingResult {
  const variables: Record<string, JsonValue> = {};
  for (const mapping of mappings) {
    const context = { ...sourceVariables, ...variables };
    const result = evaluateStaticOrFeel(mapping.source, context, 'any');
    if (!result.ok) {
      return { ok: false, message: `Failed to map to '${mapping.target}': ${result.message}` };
    }
    const [head, ...path] = mapping.target.split('.');
    if (head === undefined || head === '') {
      return { ok: false, message: `Mapping target '${mapping.target}' is not a variable name.` };
    }
    if (path.length === 0) {
      variables[head] = result.value;
      continue;
    }
    const existing = head in variables ? variables[head] : toJson(sourceVariables[head]);
    variables[head] = setPath(existing, path, result.value);
  }
  return { ok: true, variables };
}

function setPath(container: JsonValue | undefined, path: string[], value: JsonValue): JsonValue {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const object = isObject(container) ? { ...container } : {};
  object[key] = setPath(object[key], rest, value);
  return object;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Source variables are already JSON (they come from the variable store); a deep copy keeps
// the caller's object untouched when we merge into it.
function toJson(value: unknown): JsonValue | undefined {
  return value === undefined ? undefined : (structuredClone(value) as JsonValue);
}
