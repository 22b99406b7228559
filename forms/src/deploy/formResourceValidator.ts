import { checkFormDefinition } from '../definition/checkFormDefinition';

export interface FormResourceCheck {
  /** The form's id, or '' when the resource could not be read far enough to know it. */
  formId: string;
  /** Full sentences, each naming the component key where there is one. */
  errors: string[];
}

/**
 * Called by the engine at deploy time for each resource whose name ends in `.form.json`.
 * Custom JavaScript is refused here: acknowledging it is a decision for the modeler's
 * deploy dialog (checkFormDefinition's allowCustomJavaScript), not for a raw deployment.
 */
export function formResourceValidator(name: string, content: Buffer): FormResourceCheck {
  let json: unknown;
  try {
    json = JSON.parse(content.toString('utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      formId: '',
      errors: [
        `Resource "${name}" is not valid JSON (${reason}); export the form again from the builder.`,
      ],
    };
  }
  const declaredId =
    typeof json === 'object' && json !== null ? (json as { formId?: unknown }).formId : undefined;
  const formId = typeof declaredId === 'string' ? declaredId : '';
  const result = checkFormDefinition(json);
  if (result.ok) return { formId: result.form.formId, errors: [] };
  return { formId, errors: result.errors.map((error) => `Resource "${name}": ${error.message}`) };
}
