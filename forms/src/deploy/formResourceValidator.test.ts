import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formResourceValidator } from './formResourceValidator';

describe('formResourceValidator', () => {
  it('should return the form id and no errors for a good definition', () => {
    // given
    const content = readFileSync(
      new URL('../submission/fixtures/all-components.form.json', import.meta.url),
    );

    // when
    const result = formResourceValidator('all-components.form.json', content);

    // then
    expect(result).toEqual({ formId: 'all-components-example', errors: [] });
  });

  it('should explain each problem in a sentence naming the component key', () => {
    // given
    const definition = {
      formId: 'crc-request',
      title: { 'zh-Hant': '申請', pt: 'Pedido', en: 'Request' },
      display: 'form',
      components: [
        { type: 'textfield', key: 'idNumber', input: true, validate: { custom: 'valid = true' } },
      ],
    };

    // when
    const result = formResourceValidator('crc.form.json', Buffer.from(JSON.stringify(definition)));

    // then
    expect(result).toEqual({
      formId: 'crc-request',
      errors: [
        'Resource "crc.form.json": Component "idNumber": custom JavaScript in validate.custom is not allowed; use validate.json (JSONLogic) or the built-in rules.',
      ],
    });
  });

  it('should report JSON that does not parse', () => {
    // when
    const result = formResourceValidator('broken.form.json', Buffer.from('{ "formId": '));

    // then
    expect(result.formId).toBe('');
    expect(result.errors[0]).toMatch(/^Resource "broken.form.json" is not valid JSON/);
  });
});
