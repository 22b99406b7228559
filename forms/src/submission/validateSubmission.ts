import { processSync, ProcessTargets } from '@formio/core';
import type { FormComponent, FormDefinition } from '../definition/FormDefinition';
import { resolveLanguage, type Language } from '../definition/languages';
import { walkComponents } from '../definition/walkComponents';
import { installSafeEvaluator } from '../safety/SafeEvaluator';
import { checkFieldValue } from './checkFieldValue';
import type { DocumentExists, DocumentReference } from './documentReference';
import { formatMessage } from './messages/formatMessage';
import { isRecord, visitFieldValues } from './visitFieldValues';

export interface SubmissionError {
  /** Data path, e.g. `dependants[1].name`. */
  path: string;
  message: string;
  /** Stable key of the rule that failed (`required`, `maxLength`, `macau_phone`, …). */
  rule: string;
}

export interface ValidateSubmissionOptions {
  /** Requested language (`zh-Hant`, `pt`, `en`, or a tag such as `pt-PT`); falls back to en. */
  language?: string;
  /** Existence check for documents referenced by file fields; skipped when absent. */
  documentExists?: DocumentExists;
}

export type ValidateSubmissionResult =
  | { ok: true; data: Record<string, unknown>; language: Language }
  | { ok: false; errors: SubmissionError[]; language: Language };

type FormioContext = Parameters<typeof processSync<unknown>>[0];

interface FormioError {
  errorKeyOrMessage: string;
  context: Record<string, unknown> & { path: string; component: FormComponent };
}

/**
 * Validates data sent by a browser against a form definition, on the server. Hidden
 * (conditional) fields and fields the form does not know are removed from the result.
 * Custom JavaScript in the definition is never run.
 */
export async function validateSubmission(
  form: FormDefinition,
  data: unknown,
  options: ValidateSubmissionOptions = {},
): Promise<ValidateSubmissionResult> {
  const language = resolveLanguage(options.language);
  installSafeEvaluator();
  const input = isRecord(data) ? structuredClone(data) : {};
  const components = prepareComponents(form.components);
  const context = {
    form: { ...form, components },
    submission: { data: input },
    data: input,
    components,
    processors: ProcessTargets.submission,
    scope: {},
    config: { server: true },
  } as unknown as FormioContext;
  processSync<unknown>(context);
  context.processors = ProcessTargets.evaluator ?? [];
  processSync<unknown>(context);
  const cleaned = context.data as Record<string, unknown>;
  const scope = context.scope as { errors?: FormioError[] };

  const errors: SubmissionError[] = [];
  const ownErrorPaths = new Set<string>();
  const references: { path: string; component: FormComponent; reference: DocumentReference }[] = [];
  visitFieldValues(components, cleaned, ({ component, path, value }) => {
    const rule = checkFieldValue(component, value);
    if (rule !== undefined) {
      ownErrorPaths.add(path);
      errors.push({ path, rule, message: formatMessage(form, language, { key: rule, component }) });
    } else if (component.type === 'file' && Array.isArray(value)) {
      for (const reference of value as DocumentReference[])
        references.push({ path, component, reference });
    }
  });
  for (const error of scope.errors ?? []) {
    const path = error.context.path;
    if (ownErrorPaths.has(path)) continue;
    errors.push({
      path,
      rule: error.errorKeyOrMessage,
      message: formatMessage(form, language, {
        key: error.errorKeyOrMessage,
        component: error.context.component,
        values: error.context,
      }),
    });
  }
  if (options.documentExists) {
    for (const { path, component, reference } of references) {
      if (!(await options.documentExists(reference))) {
        errors.push({
          path,
          rule: 'file_missing',
          message: formatMessage(form, language, {
            key: 'file_missing',
            component,
            values: { name: reference.name },
          }),
        });
      }
    }
  }
  return errors.length > 0
    ? { ok: false, errors, language }
    : { ok: true, data: cleaned, language };
}

/**
 * A private copy of the components with our server-side defaults: choice fields accept only
 * their listed items unless the analyst explicitly turned that off.
 */
function prepareComponents(components: readonly FormComponent[]): FormComponent[] {
  const copy = structuredClone(components) as FormComponent[];
  walkComponents(copy, ({ component }) => {
    if (
      component.type === 'select' ||
      component.type === 'radio' ||
      component.type === 'selectboxes'
    ) {
      const validate = isRecord(component.validate) ? component.validate : {};
      if (validate.onlyAvailableItems !== false) validate.onlyAvailableItems = true;
      component.validate = validate;
    }
  });
  return copy;
}
