import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures/loadFixture';
import { validateSubmission } from './validateSubmission';

const form = loadFixture('all-components.form.json');

const sha = 'a'.repeat(64);
const goodDocument = {
  documentId: 'doc_12345678',
  sha256: sha,
  size: 1200,
  contentType: 'application/pdf',
  name: 'id.pdf',
};

function goodSubmission(): Record<string, unknown> {
  return {
    fullName: 'Chan Tai Man',
    idNumber: '12345678',
    copies: 2,
    email: 'chan@example.mo',
    phone: '+853 6612 3456',
    birthDate: '1990-04-02T00:00:00+08:00',
    issueDay: '04/02/2025',
    purpose: 'employment',
    urgency: 'normal',
    channels: { sms: true, email: false },
    sendToDepartment: true,
    departmentName: 'DSAJ',
    notes: 'none',
    deposit: 60,
    contactName: 'Ana',
    contactRelation: 'sister',
    dependants: [{ name: 'Chan Siu Ming', age: 7 }],
    addresses: [{ street: 'Avenida da Praia Grande' }],
    attachments: [goodDocument],
  };
}

describe('validateSubmission', () => {
  it('should accept a complete submission and return the cleaned data', async () => {
    // given
    const data = { ...goodSubmission(), injected: 'drop me', urgentReason: 'not shown' };

    // when
    const result = await validateSubmission(form, data, { language: 'en' });

    // then
    expect(result).toMatchObject({ ok: true, language: 'en' });
    if (!result.ok) return;
    expect(result.data).not.toHaveProperty('injected');
    expect(result.data).not.toHaveProperty('urgentReason');
    expect(result.data.dependants).toEqual([{ name: 'Chan Siu Ming', age: 7 }]);
    expect(result.data.attachments).toEqual([goodDocument]);
    expect(result.data.departmentName).toBe('DSAJ');
  });

  it('should report each broken rule with its data path', async () => {
    // given
    const data = {
      ...goodSubmission(),
      fullName: 'x'.repeat(61),
      idNumber: '9999',
      copies: 9,
      email: 'not-an-email',
      phone: '+852 1234 5678',
      purpose: 'smuggling',
      urgency: 'urgent',
      channels: { sms: true, pigeon: true },
      sendToDepartment: 'yes',
      dependants: [
        { name: 'ok', age: 3 },
        { name: '', age: 200 },
      ],
      addresses: [{ street: 42 }],
      attachments: [{ documentId: '../etc/passwd' }],
      notes: 5,
    };

    // when
    const result = await validateSubmission(form, data, { language: 'en' });

    // then
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.errors.map((error) => [error.path, error.rule]));
    expect(byPath).toMatchObject({
      fullName: 'maxLength',
      idNumber: 'pattern',
      copies: 'max',
      email: 'invalid_email',
      phone: 'macau_phone',
      purpose: 'invalidOption',
      urgentReason: 'required',
      channels: 'invalidOption',
      sendToDepartment: 'type_boolean',
      'dependants[1].name': 'required',
      'dependants[1].age': 'max',
      'addresses[0].street': 'type_text',
      attachments: 'file_reference',
      notes: 'type_text',
    });
  });

  it('should remove a conditionally hidden panel and skip its required fields', async () => {
    // given
    const data = { ...goodSubmission(), sendToDepartment: false, departmentName: 'dropped' };

    // when
    const result = await validateSubmission(form, data, { language: 'en' });

    // then
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data).not.toHaveProperty('departmentName');
  });

  it('should require a field shown by a JSONLogic condition', async () => {
    // given
    const data = { ...goodSubmission(), urgency: 'urgent' };

    // when
    const missing = await validateSubmission(form, data, { language: 'en' });
    const given = await validateSubmission(
      form,
      { ...data, urgentReason: 'travel' },
      { language: 'en' },
    );

    // then
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.errors).toEqual([
        { path: 'urgentReason', rule: 'required', message: 'Reason for urgency is required' },
      ]);
    expect(given).toMatchObject({ ok: true, data: { urgentReason: 'travel' } });
  });

  it('should reject a date that is not a date', async () => {
    // given
    const data = { ...goodSubmission(), birthDate: 'yesterday-ish' };

    // when
    const result = await validateSubmission(form, data, { language: 'en' });

    // then
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.path)).toEqual(['birthDate']);
  });

  it('should ask the injected callback whether referenced documents exist', async () => {
    // given
    const known = new Set(['doc_12345678']);
    const other = { ...goodDocument, documentId: 'doc_unknown1', name: 'passport.pdf' };
    const data = { ...goodSubmission(), attachments: [goodDocument, other] };

    // when
    const result = await validateSubmission(form, data, {
      language: 'en',
      documentExists: (reference) => Promise.resolve(known.has(reference.documentId)),
    });

    // then
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        {
          path: 'attachments',
          rule: 'file_missing',
          message: 'Attachments: the document "passport.pdf" was not found; upload it again.',
        },
      ]);
  });

  it.each([
    ['zh-Hant', '姓名為必填項目', '手提電話必須是澳門電話號碼：+853 加 8 位數字。'],
    [
      'pt',
      'Nome completo é obrigatório',
      'Telemóvel deve ser um número de Macau: +853 seguido de 8 dígitos.',
    ],
    [
      'en',
      'Full name is required',
      'Mobile phone must be a Macao number: +853 followed by 8 digits.',
    ],
  ])('should write messages in %s', async (language, required, phone) => {
    // given
    const data = { ...goodSubmission(), fullName: '', phone: '12345' };

    // when
    const result = await validateSubmission(form, data, { language });

    // then
    expect(result).toMatchObject({ ok: false, language });
    if (!result.ok) expect(result.errors.map((error) => error.message)).toEqual([phone, required]);
  });

  it('should fall back to English for a language it does not know', async () => {
    // given
    const data = { ...goodSubmission(), copies: 0 };

    // when
    const result = await validateSubmission(form, data, { language: 'fr' });

    // then
    expect(result).toMatchObject({
      ok: false,
      language: 'en',
      errors: [{ path: 'copies', message: 'Copies cannot be less than 1.' }],
    });
  });

  it('should validate every page of a wizard', async () => {
    // given
    const wizard = loadFixture('translation-request.form.json');

    // when
    const bad = await validateSubmission(
      wizard,
      { applicantName: 'Ana', direction: 'en-fr', characters: 2000 },
      { language: 'pt' },
    );
    const good = await validateSubmission(
      wizard,
      { applicantName: 'Ana', direction: 'zh-pt', characters: 300 },
      { language: 'pt' },
    );

    // then
    expect(bad).toMatchObject({
      ok: false,
      errors: [
        { path: 'direction', message: 'Sentido tem um valor inválido.' },
        { path: 'characters', message: 'Caracteres não pode ser superior a 1500.' },
      ],
    });
    expect(good).toEqual({
      ok: true,
      language: 'pt',
      data: { applicantName: 'Ana', direction: 'zh-pt', characters: 300 },
    });
  });
});
