import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultEvaluator, processSync, ProcessTargets, registerEvaluator } from '@formio/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../definition/FormDefinition';
import { validateSubmission } from '../submission/validateSubmission';
import { installSafeEvaluator } from './SafeEvaluator';

const flag = '__balcaoFormPayloadRan';
const globals = globalThis as Record<string, unknown>;

describe('no evaluation of form code on the server', () => {
  let dir: string;
  let marker: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'balcao-forms-'));
    marker = join(dir, 'marker');
    delete globals[flag];
  });

  afterEach(() => {
    installSafeEvaluator();
    delete globals[flag];
    rmSync(dir, { recursive: true, force: true });
  });

  /** Code that reads the environment and writes a file, as a stored definition might carry. */
  const payload = (): string =>
    `globalThis.${flag} = Object.keys(process.env).length; ` +
    `process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); return true;`;

  /** JSONLogic that reaches `Function` through lodash `_invoke` and calls the result. */
  const logicPayload = (): unknown => ({
    _invoke: [{ _invoke: [{ var: 'data' }, 'constructor.constructor', payload()] }, 'call'],
  });

  const maliciousForm = (): FormDefinition =>
    ({
      formId: 'malicious-form',
      title: { 'zh-Hant': '惡意', pt: 'Malicioso', en: 'Malicious' },
      display: 'form',
      components: [
        { type: 'textfield', key: 'a', label: 'A', input: true, customConditional: payload() },
        { type: 'textfield', key: 'b', label: 'B', input: true, validate: { custom: payload() } },
        {
          type: 'textfield',
          key: 'c',
          label: 'C',
          input: true,
          calculateValue: payload(),
          calculateServer: true,
        },
        { type: 'textfield', key: 'd', label: 'D', input: true, customDefaultValue: payload() },
        {
          type: 'textfield',
          key: 'e',
          label: 'E',
          input: true,
          logic: [
            {
              name: 'x',
              trigger: { type: 'javascript', javascript: payload() },
              actions: [{ name: 'y', type: 'value', value: payload() }],
            },
          ],
        },
        {
          type: 'textfield',
          key: 'f',
          label: 'F',
          input: true,
          conditional: { json: logicPayload() },
        },
        {
          type: 'textfield',
          key: 'g',
          label: 'G',
          input: true,
          validate: { json: logicPayload() },
        },
        {
          type: 'textfield',
          key: 'h',
          label: 'H',
          input: true,
          validate: {
            required: true,
            customMessage: `{{ constructor.constructor("${payload()}")() }}`,
          },
        },
        {
          type: 'select',
          key: 'i',
          label: 'I',
          input: true,
          dataSrc: 'custom',
          data: { custom: payload() },
        },
      ],
    }) as unknown as FormDefinition;

  it('should never run custom JavaScript or unsafe JSONLogic from a stored definition', async () => {
    // given
    const form = maliciousForm();
    const data = { a: 'x', b: 'x', c: 'x', d: 'x', e: 'x', f: 'x', g: 'x', i: 'x' };

    // when
    const result = await validateSubmission(form, data, { language: 'en' });

    // then
    expect(existsSync(marker)).toBe(false);
    expect(globals[flag]).toBeUndefined();
    expect(result.ok).toBe(false);
  });

  it('should hold even after someone registered an evaluating evaluator', async () => {
    // given
    registerEvaluator(new DefaultEvaluator());

    // when
    await validateSubmission(maliciousForm(), { a: 'x', b: 'x' }, { language: 'en' });

    // then
    expect(existsSync(marker)).toBe(false);
    expect(globals[flag]).toBeUndefined();
  });

  it("should show why Form.io's own noeval evaluator is not enough", () => {
    // given
    registerEvaluator(new DefaultEvaluator({ noeval: true }));
    const form = maliciousForm();
    const components = form.components.filter((component) => component.key === 'f');
    const data = { f: 'x' };
    const context = {
      form: { components },
      submission: { data },
      data,
      components,
      processors: ProcessTargets.evaluator ?? [],
      scope: {},
      config: { server: true },
    };

    // when
    processSync<unknown>(context as unknown as Parameters<typeof processSync<unknown>>[0]);

    // then
    expect(existsSync(marker)).toBe(true);
  });
});
