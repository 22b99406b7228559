import type { FormComponent, FormDefinition } from '../../definition/FormDefinition';
import type { Language } from '../../definition/languages';
import { builtInMessages } from './builtInMessages';

export interface MessageRequest {
  /** Message key (`required`, `maxLength`, …) as @formio/core or our checks report it. */
  key: string;
  component: FormComponent;
  values?: Record<string, unknown>;
}

/**
 * Builds one validation message in `language`. Order: the component's own message
 * (`errors[key]` or `validate.customMessage`) translated through the form's i18n, then the
 * form's i18n for the key, then our built-in messages, then English.
 */
export function formatMessage(
  form: FormDefinition,
  language: Language,
  request: MessageRequest,
): string {
  const translations = form.i18n?.[language] ?? {};
  const translate = (text: string): string => translations[text] ?? text;
  const label = request.component.label ?? request.component.key ?? '';
  const field = label === '' ? '' : translate(label);
  const template =
    customMessage(request.component, request.key) ??
    translations[request.key] ??
    builtInMessages[language][request.key] ??
    builtInMessages.en[request.key] ??
    request.key;
  return interpolate(translate(template), { ...request.values, field });
}

function customMessage(component: FormComponent, key: string): string | undefined {
  const errors = component.errors;
  if (typeof errors === 'object' && errors !== null) {
    const own = (errors as Record<string, unknown>)[key];
    if (typeof own === 'string' && own !== '') return own;
  }
  const validate = component.validate;
  if (typeof validate === 'object' && validate !== null) {
    const message = (validate as Record<string, unknown>).customMessage;
    if (typeof message === 'string' && message !== '') return message;
  }
  return undefined;
}

/** Replaces `{{ name }}` with values; never evaluates anything. */
function interpolate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (typeof value === 'string') return value;
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  });
}
