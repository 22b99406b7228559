import { describe, expect, it } from 'vitest';
import { loadFixture } from '../submission/fixtures/loadFixture';
import { validateSubmission } from '../submission/validateSubmission';
import { prefillData } from './prefillData';

const form = loadFixture('all-components.form.json');
const sources = {
  profile: { name: { en: 'Chan Tai Man', zh: '陳大文' }, idNumber: '12345678' },
  variables: { request: { purpose: 'employment' } },
};

describe('prefillData', () => {
  it('should fill declared fields from the profile and the process variables', () => {
    // when
    const data = prefillData(form, sources);

    // then
    expect(data).toEqual({ fullName: 'Chan Tai Man', idNumber: '12345678', purpose: 'employment' });
  });

  it('should leave fields empty when a path is missing or reaches the prototype', () => {
    // given
    const withPrototypePath = {
      ...form,
      prefill: [
        { key: 'fullName', from: 'profile' as const, path: 'constructor.name' },
        { key: 'purpose', from: 'variable' as const, path: 'request.missing' },
      ],
    };

    // when
    const data = prefillData(withPrototypePath, sources);

    // then
    expect(data).toEqual({});
  });

  it('should reject a tampered prefilled value when the submission is validated', async () => {
    // given
    const prefilled = prefillData(form, sources);
    const submitted = {
      ...prefilled,
      idNumber: '99999999x',
      purpose: 'smuggling',
      copies: 1,
      email: 'chan@example.mo',
      urgency: 'normal',
      dependants: [],
      addresses: [],
    };

    // when
    const result = await validateSubmission(form, submitted, { language: 'zh-Hant' });

    // then
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { path: 'purpose', rule: 'invalidOption', message: '用途的值無效。' },
        { path: 'idNumber', rule: 'pattern' },
      ],
    });
  });
});
