import type { ModdleElement } from 'bpmn-moddle';

/** Typed reads of moddle objects, which bpmn-moddle gives us untyped. */
export function str(element: ModdleElement | undefined, key: string): string | undefined {
  const value = element?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function bool(element: ModdleElement | undefined, key: string): boolean | undefined {
  const value = element?.[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function child(element: ModdleElement | undefined, key: string): ModdleElement | undefined {
  const value = element?.[key];
  return isElement(value) ? value : undefined;
}

export function children(element: ModdleElement | undefined, key: string): ModdleElement[] {
  const value = element?.[key];
  return Array.isArray(value) ? value.filter(isElement) : [];
}

/** The extension elements of a given type, e.g. 'zeebe:TaskDefinition'. */
export function extensions(element: ModdleElement | undefined, type: string): ModdleElement[] {
  return children(child(element, 'extensionElements'), 'values').filter((v) => v.$type === type);
}

export function extension(
  element: ModdleElement | undefined,
  type: string,
): ModdleElement | undefined {
  return extensions(element, type)[0];
}

/** The body of a bpmn:FormalExpression child (conditions, timer values). */
export function body(element: ModdleElement | undefined, key: string): string | undefined {
  return str(child(element, key), 'body');
}

export function isElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $type?: unknown }).$type === 'string'
  );
}

/** "bpmn:ServiceTask" → "service task", for messages. */
export function describeType(type: string): string {
  const local = type.slice(type.indexOf(':') + 1);
  return local.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
