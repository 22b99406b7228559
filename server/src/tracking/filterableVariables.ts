/** A variable value the inbox can filter on (`?var.name=value`). */
export type FilterableValue = string | number | boolean;

/** Longer strings are left out: a filter compares whole values, and the index stays small. */
export const MAX_FILTERABLE_STRING = 256;

/**
 * What the inbox keeps of a task's variables to filter on: the top-level strings (up to
 * MAX_FILTERABLE_STRING characters), numbers and booleans. Objects, lists, null and long texts
 * are left out; they are read from the engine or the application when a task is opened.
 */
export function filterableVariables(
  variables: Iterable<[string, unknown]>,
): Record<string, FilterableValue> {
  const kept = Object.create(null) as Record<string, FilterableValue>;
  for (const [name, value] of variables) if (isFilterable(value)) kept[name] = value;
  return kept;
}

export function isFilterable(value: unknown): value is FilterableValue {
  if (typeof value === 'string') return value.length <= MAX_FILTERABLE_STRING;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'boolean';
}
