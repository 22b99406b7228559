import type { FormComponent } from './FormDefinition';
import { findUnsafeJsonLogic } from '../safety/findUnsafeJsonLogic';

export interface CodeFinding {
  /** Where in the component, e.g. `validate.custom`. */
  property: string;
  /** `javascript` can be acknowledged; `unsafe-logic` (sandbox escape) never. */
  kind: 'javascript' | 'unsafe-logic';
  detail?: string;
}

/**
 * Finds code in one component: the places where Form.io accepts JavaScript, JSONLogic with
 * operators outside our allow-list, and HTML that would run script in a clerk's browser.
 */
export function findCustomJavaScript(component: FormComponent): CodeFinding[] {
  const findings: CodeFinding[] = [];
  const javascript = (property: string): void => {
    findings.push({ property, kind: 'javascript' });
  };
  const logic = (property: string, value: unknown): void => {
    if (value === undefined || value === null || value === '') return;
    if (typeof value === 'string') {
      // A string where JSONLogic is expected is either JSON text or JavaScript.
      const parsed = parseJson(value);
      if (parsed === undefined) return javascript(property);
      return logic(property, parsed);
    }
    const problem = findUnsafeJsonLogic(value);
    if (problem !== undefined) findings.push({ property, kind: 'unsafe-logic', detail: problem });
  };
  const validate = asRecord(component.validate);
  const conditional = asRecord(component.conditional);

  if (isCode(component.customConditional)) javascript('customConditional');
  if (isCode(validate.custom)) javascript('validate.custom');
  if (isCode(validate.customPrivate)) javascript('validate.customPrivate');
  if (isCode(component.customDefaultValue)) javascript('customDefaultValue');
  else logic('customDefaultValue', asLogic(component.customDefaultValue));
  if (isCode(component.calculateValue)) javascript('calculateValue');
  else logic('calculateValue', asLogic(component.calculateValue));
  logic('conditional.json', conditional.json);
  logic('validate.json', validate.json);

  asArray(component.logic).forEach((entry, index) => {
    const rule = asRecord(entry);
    const trigger = asRecord(rule.trigger);
    if (trigger.type === 'javascript' || isCode(trigger.javascript))
      javascript(`logic[${index}].trigger.javascript`);
    logic(`logic[${index}].trigger.json`, trigger.json);
    asArray(rule.actions).forEach((item, actionIndex) => {
      const action = asRecord(item);
      const at = `logic[${index}].actions[${actionIndex}]`;
      if (action.type === 'customAction' || isCode(action.customAction))
        javascript(`${at}.customAction`);
      if (action.type === 'value' && isCode(action.value)) javascript(`${at}.value`);
    });
  });

  if (component.type === 'select') {
    if (component.dataSrc === 'custom' || isCode(asRecord(component.data).custom))
      javascript('data.custom');
  }
  if (component.type === 'button' && (component.action === 'custom' || isCode(component.custom)))
    javascript('custom');
  for (const [property, template] of templates(component)) {
    if (isScriptTemplate(template)) javascript(property);
  }
  for (const property of ['html', 'content'] as const) {
    const html = component[property];
    if (typeof html === 'string' && scriptInHtml.test(html)) javascript(property);
  }
  return findings;
}

/** Form.io templates are lodash templates: `{% … %}` and calls inside `{{ … }}` run code. */
function isScriptTemplate(template: string): boolean {
  if (/\{%/.test(template)) return true;
  for (const match of template.matchAll(/\{\{\{?([\s\S]*?)\}?\}\}/g)) {
    const expression = (match[1] ?? '').trim();
    if (!/^[A-Za-z_$][\w$]*(\??\.[A-Za-z_$][\w$]*|\[\d+\])*$/.test(expression)) return true;
  }
  return false;
}

const scriptInHtml = /<\s*script|\son[a-z]+\s*=|javascript\s*:|<\s*iframe|<\s*object|<\s*embed/i;

function templates(component: FormComponent): [string, string][] {
  const found: [string, string][] = [];
  if (typeof component.template === 'string') found.push(['template', component.template]);
  const nested = asRecord(component.templates);
  for (const [name, value] of Object.entries(nested)) {
    if (typeof value === 'string') found.push([`templates.${name}`, value]);
  }
  return found;
}

function isCode(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function asLogic(value: unknown): unknown {
  return typeof value === 'object' ? value : undefined;
}

function parseJson(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
