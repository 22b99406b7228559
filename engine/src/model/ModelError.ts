/** One problem in a deployed model: which element, and what to change. */
export interface ModelError {
  elementId?: string;
  elementName?: string;
  message: string;
}

/** Renders e.g. `Activity_1 "Verify identity": service task has no zeebe:taskDefinition type`. */
export function formatModelError(error: ModelError): string {
  if (error.elementId === undefined) return error.message;
  const name = error.elementName === undefined ? '' : ` "${error.elementName}"`;
  return `${error.elementId}${name}: ${error.message}`;
}

/** Collects every error of a document, so the analyst sees them all at once. */
export class ModelErrors {
  readonly errors: ModelError[] = [];
  readonly warnings: string[] = [];

  add(element: { id?: string; name?: unknown } | undefined, message: string): void {
    this.errors.push({
      ...(element?.id === undefined ? {} : { elementId: element.id }),
      ...(typeof element?.name === 'string' && element.name !== ''
        ? { elementName: element.name }
        : {}),
      message,
    });
  }
}
