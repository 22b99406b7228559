import { formDefinitionSchema, type FormDefinition } from './FormDefinition';
import {
  isSupportedComponentType,
  supportedComponentTypes,
  valueComponentTypes,
} from './componentTypes';
import { findCustomJavaScript } from './findCustomJavaScript';
import { walkComponents } from './walkComponents';
import { checkDataSources } from './checkDataSources';

export interface DefinitionProblem {
  componentKey?: string;
  /** Where in the definition, e.g. `components[1].components[0].validate.custom`. */
  path: string;
  message: string;
}

export interface CheckFormDefinitionOptions {
  /**
   * Lets a definition with custom JavaScript through, as warnings to be logged with who
   * acknowledged it. The server still never runs that code (custom rules are skipped).
   */
  allowCustomJavaScript?: { acknowledgedBy: string };
}

export type CheckFormDefinitionResult =
  | { ok: true; form: FormDefinition; warnings: DefinitionProblem[] }
  | { ok: false; errors: DefinitionProblem[] };

const keyPattern = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/;
const reservedKeys = new Set([
  'constructor',
  'prototype',
  '__proto__',
  'hasOwnProperty',
  'toString',
]);

/** Checks a `*.form.json` before it is stored or deployed. */
export function checkFormDefinition(
  json: unknown,
  options: CheckFormDefinitionOptions = {},
): CheckFormDefinitionResult {
  const parsed = formDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: `Form definition field "${issue.path.map(String).join('.') || '(root)'}": ${issue.message}.`,
      })),
    };
  }
  const form = parsed.data;
  const errors: DefinitionProblem[] = [];
  const warnings: DefinitionProblem[] = [];
  const seen = new Map<string, string>();
  const acknowledgedBy = options.allowCustomJavaScript?.acknowledgedBy.trim();

  walkComponents(form.components, ({ component, definitionPath, scope, ancestors }) => {
    const key = component.key;
    const name = key === undefined ? `at ${definitionPath}` : `"${key}"`;
    const problem = (path: string, message: string): DefinitionProblem =>
      key === undefined ? { path, message } : { componentKey: key, path, message };

    if (!isSupportedComponentType(component.type)) {
      errors.push(
        problem(
          `${definitionPath}.type`,
          `Component ${name}: type "${component.type}" is not supported; use one of ${supportedComponentTypes.join(', ')}.`,
        ),
      );
    }
    if (key === undefined || !keyPattern.test(key) || reservedKeys.has(key)) {
      errors.push(
        problem(
          `${definitionPath}.key`,
          `Component ${name}: the key must start with a letter and contain only letters, digits, "_" or "-" (and not be a reserved word such as "constructor").`,
        ),
      );
    } else {
      const scoped = `${scope}${key}`;
      const first = seen.get(scoped);
      if (first !== undefined) {
        errors.push(
          problem(
            `${definitionPath}.key`,
            `Component "${key}": the key is used twice (also at ${first}); give each component its own key.`,
          ),
        );
      } else {
        seen.set(scoped, definitionPath);
      }
    }
    if (
      form.display === 'wizard' &&
      ancestors.length === 0 &&
      component.type !== 'panel' &&
      component.type !== 'button'
    ) {
      errors.push(
        problem(
          definitionPath,
          `Component ${name}: in a wizard every top-level component must be a panel (one page each).`,
        ),
      );
    }
    for (const message of checkDataSources(component)) {
      errors.push(problem(definitionPath, `Component ${name}: ${message}`));
    }
    for (const finding of findCustomJavaScript(component)) {
      const path = `${definitionPath}.${finding.property}`;
      if (finding.kind === 'unsafe-logic') {
        errors.push(
          problem(
            path,
            `Component ${name}: ${finding.detail ?? 'JSONLogic'} in ${finding.property} is not allowed; use plain comparisons, "var", "and"/"or" and the documented operators.`,
          ),
        );
      } else if (acknowledgedBy) {
        warnings.push(
          problem(
            path,
            `Component ${name}: custom JavaScript in ${finding.property} accepted by ${acknowledgedBy}; the server never runs it, so the rule is not enforced on submission.`,
          ),
        );
      } else {
        errors.push(
          problem(
            path,
            `Component ${name}: custom JavaScript in ${finding.property} is not allowed; use validate.json (JSONLogic) or the built-in rules.`,
          ),
        );
      }
    }
  });

  for (const [index, declaration] of (form.prefill ?? []).entries()) {
    const target = findValueComponent(form, declaration.key);
    if (!target) {
      errors.push({
        componentKey: declaration.key,
        path: `prefill[${index}].key`,
        message: `Prefill ${index + 1}: there is no top-level input component with key "${declaration.key}" to fill.`,
      });
    }
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, form, warnings };
}

function findValueComponent(form: FormDefinition, key: string): boolean {
  let found = false;
  walkComponents(form.components, ({ component, scope }) => {
    if (scope === '' && component.key === key && valueComponentTypes.has(component.type))
      found = true;
  });
  return found;
}
