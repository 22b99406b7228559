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

describe('P6 forms', () => {
  it('should accept a complete declaration', async () => {
    // when
    const result = await validateSubmission(form('death-registration-declaration'), {
      declarantName: 'CHAN TAI MAN',
      declarantIdNumber: '1234567(8)',
      declarantRelation: 'child',
      funeral: 'burial',
      tellUsOnce: true,
    });

    // then
    expect(result.ok).toBe(true);
  });

  it('should refuse a declaration without a name, with an unknown relation and no consent', async () => {
    // when
    const result = await validateSubmission(
      form('death-registration-declaration'),
      { declarantIdNumber: '1234567(8)', declarantRelation: 'friend', funeral: 'burial' },
      { language: 'zh-Hant' },
    );

    // then
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['declarantName', 'declarantRelation', 'tellUsOnce']),
    );
  });

  it('should require a well-formed registration number to register', async () => {
    // given
    const registrar = form('death-registration-registrar');

    // when
    const bad = await validateSubmission(registrar, {
      registrarDecision: 'register',
      registrationNumber: 'NAS-2026-000001',
    });
    const good = await validateSubmission(registrar, {
      registrarDecision: 'register',
      registrationNumber: 'OBI-2026-000007',
    });

    // then
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['registrationNumber']);
    expect(good.ok).toBe(true);
  });
});
