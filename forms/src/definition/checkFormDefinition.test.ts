import { describe, expect, it } from 'vitest';
import { checkFormDefinition } from './checkFormDefinition';

const title = { 'zh-Hant': '申請', pt: 'Pedido', en: 'Request' };

function definition(
  components: unknown[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { formId: 'test-form', title, display: 'form', components, ...extra };
}

const text = (key: string, more: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'textfield',
  key,
  label: key,
  input: true,
  ...more,
});

describe('checkFormDefinition', () => {
  it('should accept a plain definition and keep Form.io extras', () => {
    // given
    const json = definition(
      [text('name', { validate: { json: { '==': [{ var: 'data.name' }, 'x'] } } })],
      {
        name: 'builderName',
      },
    );

    // when
    const result = checkFormDefinition(json);

    // then
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      form: { formId: 'test-form', name: 'builderName' },
    });
  });

  it('should report envelope errors with their field', () => {
    // given
    const json = { formId: 'X', title: { en: 'only English' }, display: 'modal', components: [] };

    // when
    const result = checkFormDefinition(json);

    // then
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((error) => error.path)).toEqual([
        'formId',
        'title.zh-Hant',
        'title.pt',
        'display',
      ]);
  });

  it('should reject duplicate keys, unknown types and bad keys, naming the component', () => {
    // given
    const json = definition([
      text('name'),
      { type: 'panel', key: 'page', input: false, components: [text('name')] },
      { type: 'datagrid', key: 'rows', input: true, components: [text('name')] },
      { type: 'form', key: 'nested', input: true },
      text('constructor'),
    ]);

    // when
    const result = checkFormDefinition(json);

    // then
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((error) => [error.componentKey, error.path])).toEqual([
        ['name', 'components[1].components[0].key'],
        ['nested', 'components[3].type'],
        ['constructor', 'components[4].key'],
      ]);
  });

  it.each([
    [
      'customConditional',
      text('idNumber', { customConditional: 'show = data.x' }),
      'customConditional',
    ],
    [
      'validate.custom',
      text('idNumber', { validate: { custom: 'valid = input.length > 3' } }),
      'validate.custom',
    ],
    ['calculateValue', text('idNumber', { calculateValue: 'value = 1' }), 'calculateValue'],
    [
      'customDefaultValue',
      text('idNumber', { customDefaultValue: 'value = 1' }),
      'customDefaultValue',
    ],
    [
      'a logic action',
      text('idNumber', {
        logic: [{ trigger: { type: 'simple' }, actions: [{ type: 'value', value: 'value = 2' }] }],
      }),
      'logic[0].actions[0].value',
    ],
    [
      'a JavaScript trigger',
      text('idNumber', {
        logic: [{ trigger: { type: 'javascript', javascript: 'result = true' } }],
      }),
      'logic[0].trigger.javascript',
    ],
    [
      'a template',
      text('idNumber', { template: '<b>{{ item.label.toUpperCase() }}</b>' }),
      'template',
    ],
    [
      'a row template',
      {
        type: 'editgrid',
        key: 'idNumber',
        input: true,
        components: [],
        templates: { row: '{% _.each(row) %}' },
      },
      'templates.row',
    ],
    [
      'JavaScript where JSONLogic belongs',
      text('idNumber', { conditional: { json: 'data.x === 1' } }),
      'conditional.json',
    ],
    [
      'HTML with script',
      {
        type: 'htmlelement',
        key: 'idNumber',
        input: false,
        content: '<img src=x onerror="alert(1)">',
      },
      'content',
    ],
  ])('should reject custom JavaScript in %s', (_name, component, property) => {
    // when
    const result = checkFormDefinition(definition([component]));

    // then
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toContainEqual(
        expect.objectContaining({
          componentKey: 'idNumber',
          message: `Component "idNumber": custom JavaScript in ${property} is not allowed; use validate.json (JSONLogic) or the built-in rules.`,
        }),
      );
  });

  it('should reject JSONLogic operators that reach functions, even when JavaScript is acknowledged', () => {
    // given
    const json = definition([
      text('a', { conditional: { json: { _invoke: [{ var: 'data' }, 'toString'] } } }),
      text('b', { validate: { json: { var: 'data.constructor.constructor' } } }),
    ]);

    // when
    const result = checkFormDefinition(json, {
      allowCustomJavaScript: { acknowledgedBy: 'analyst@dsi' },
    });

    // then
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.componentKey)).toEqual(['a', 'b']);
  });

  it('should let acknowledged JavaScript through as a warning naming who accepted it', () => {
    // given
    const json = definition([text('idNumber', { validate: { custom: 'valid = true' } })]);

    // when
    const result = checkFormDefinition(json, {
      allowCustomJavaScript: { acknowledgedBy: 'analyst@dsi' },
    });

    // then
    expect(result).toMatchObject({
      ok: true,
      warnings: [
        {
          componentKey: 'idNumber',
          path: 'components[0].validate.custom',
          message: expect.stringContaining('analyst@dsi') as unknown,
        },
      ],
    });
  });

  it('should require pages in a wizard and a target for each prefill', () => {
    // given
    const json = definition([text('loose')], {
      display: 'wizard',
      prefill: [{ key: 'missing', from: 'profile', path: 'name' }],
    });

    // when
    const result = checkFormDefinition(json);

    // then
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((error) => error.componentKey)).toEqual(['loose', 'missing']);
  });

  it('should refuse select options loaded from a URL', () => {
    // when
    const result = checkFormDefinition(
      definition([
        { type: 'select', key: 'office', input: true, dataSrc: 'url', data: { url: 'http://x' } },
      ]),
    );

    // then
    expect(result).toMatchObject({ ok: false, errors: [{ componentKey: 'office' }] });
  });
});
