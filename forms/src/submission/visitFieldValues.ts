import type { FormComponent } from '../definition/FormDefinition';
import {
  gridComponentTypes,
  layoutComponentTypes,
  valueComponentTypes,
} from '../definition/componentTypes';

export interface FieldValue {
  component: FormComponent;
  /** Data path as the caller sees it, e.g. `dependants[1].name`. */
  path: string;
  value: unknown;
}

/** Visits every value-bearing component with its value in `data`, grid rows expanded. */
export function visitFieldValues(
  components: readonly FormComponent[],
  data: Record<string, unknown>,
  visit: (field: FieldValue) => void,
  prefix = '',
): void {
  for (const component of components) {
    if (layoutComponentTypes.has(component.type)) {
      const children = [
        ...(component.components ?? []),
        ...(component.columns ?? []).flatMap((column) => column.components ?? []),
      ];
      visitFieldValues(children, data, visit, prefix);
      continue;
    }
    const key = component.key;
    if (key === undefined || !Object.hasOwn(data, key)) continue;
    const path = `${prefix}${key}`;
    const value = data[key];
    if (gridComponentTypes.has(component.type)) {
      visit({ component, path, value });
      if (!Array.isArray(value)) continue;
      value.forEach((row: unknown, index) => {
        if (isRecord(row))
          visitFieldValues(component.components ?? [], row, visit, `${path}[${index}].`);
      });
    } else if (valueComponentTypes.has(component.type)) {
      visit({ component, path, value });
    }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
