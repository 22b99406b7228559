import type { FormComponent } from '../definition/FormDefinition';
import { documentReferenceSchema } from './documentReference';
import { isRecord } from './visitFieldValues';

/** Macao convention: a phoneNumber whose input mask starts with +853 takes +853 and 8 digits. */
const macaoPhone = /^\+853 ?\d{4} ?\d{4}$/;

/**
 * Checks the JSON type of a value that @formio/core let through (it accepts a number in a
 * text field, "yes" in a checkbox, …). Returns the message key of the problem, if any.
 */
export function checkFieldValue(component: FormComponent, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (component.type === 'datagrid' || component.type === 'editgrid') {
    return Array.isArray(value) && value.every(isRecord) ? undefined : 'type_rows';
  }
  if (component.type === 'file') {
    return Array.isArray(value) &&
      value.every((item) => documentReferenceSchema.safeParse(item).success)
      ? undefined
      : 'file_reference';
  }
  if (component.multiple === true && component.type !== 'selectboxes') {
    if (!Array.isArray(value)) return 'array';
    for (const item of value) {
      const problem = checkSingle(component, item);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  return checkSingle(component, value);
}

function checkSingle(component: FormComponent, value: unknown): string | undefined {
  switch (component.type) {
    case 'textfield':
    case 'textarea':
    case 'email':
    case 'signature':
    case 'day':
      return typeof value === 'string' ? undefined : 'type_text';
    case 'phoneNumber':
      if (typeof value !== 'string') return 'type_text';
      return value !== '' && isMacaoMask(component) && !macaoPhone.test(value)
        ? 'macau_phone'
        : undefined;
    case 'number':
    case 'currency':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'type_number';
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'type_boolean';
    case 'datetime':
      if (value === '') return undefined;
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'type_date';
    case 'select':
    case 'radio':
      return isScalar(value) ? undefined : 'type_option';
    case 'selectboxes':
      return isRecord(value) && Object.values(value).every((v) => typeof v === 'boolean')
        ? undefined
        : 'type_option';
    case 'hidden':
      return isScalar(value) ? undefined : 'type_text';
    default:
      return undefined;
  }
}

function isMacaoMask(component: FormComponent): boolean {
  return typeof component.inputMask === 'string' && component.inputMask.trim().startsWith('+853');
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
