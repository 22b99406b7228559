import { checkFormDefinition, validateSubmission, type FormDefinition } from '@balcao/forms';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function form(id: string): FormDefinition {
  const checked = checkFormDefinition(
    JSON.parse(readFileSync(join(import.meta.dirname, 'forms', `${id}.form.json`), 'utf8')),
  );
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.form;
}

describe('P4 forms', () => {
  it('should accept a declaration with both names and no father', async () => {
    // when
    const result = await validateSubmission(form('birth-registration-declaration'), {
      childNameChinese: '陳家樂',
      childNamePortuguese: 'CHAN KA LOK',
      address: 'Rua Central 1, Macau',
      tellUsOnce: true,
    });

    // then
    expect(result.ok).toBe(true);
  });

  it('should refuse romanised names in the Chinese field, lower case and a bad father ID', async () => {
    // when
    const result = await validateSubmission(
      form('birth-registration-declaration'),
      {
        childNameChinese: 'Chan',
        childNamePortuguese: 'chan ka lok',
        fatherIdNumber: '999',
        address: 'Rua Central 1',
        tellUsOnce: false,
      },
      { language: 'zh-Hant' },
    );

    // then
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'childNameChinese',
        'childNamePortuguese',
        'fatherIdNumber',
        'tellUsOnce',
      ]),
    );
  });

  it('should require the registration number to register and a reason to refuse', async () => {
    // given
    const registrar = form('birth-registration-registrar');

    // when
    const noNumber = await validateSubmission(registrar, { registrarDecision: 'register' });
    const badNumber = await validateSubmission(registrar, {
      registrarDecision: 'register',
      registrationNumber: '123',
    });
    const noReason = await validateSubmission(registrar, { registrarDecision: 'refuse' });
    const good = await validateSubmission(registrar, {
      registrarDecision: 'register',
      registrationNumber: 'NAS-2026-000123',
      rejectionReason: 'ignored when registering',
    });

    // then
    expect(noNumber.ok ? [] : noNumber.errors.map((e) => e.path)).toEqual(['registrationNumber']);
    expect(badNumber.ok).toBe(false);
    expect(noReason.ok ? [] : noReason.errors.map((e) => e.path)).toEqual(['rejectionReason']);
    expect(good.ok && good.data.rejectionReason).toBeUndefined();
  });
});
