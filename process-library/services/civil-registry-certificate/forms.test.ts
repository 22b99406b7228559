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

describe('P3 forms', () => {
  it('should accept a request for a marriage certificate in Chinese', async () => {
    // when
    const result = await validateSubmission(form('civil-registry-certificate-application'), {
      applicantName: '陳大文',
      applicantIdNumber: '1234567(8)',
      recordType: 'marriage',
      subjectIdNumber: '5123456(7)',
      recordLanguage: 'zh',
      copies: 1,
    });

    // then
    expect(result.ok).toBe(true);
  });

  it('should refuse an unknown record type, a bad subject ID and zero copies', async () => {
    // when
    const result = await validateSubmission(form('civil-registry-certificate-application'), {
      applicantName: 'CHAN TAI MAN',
      applicantIdNumber: '12345678',
      recordType: 'divorce',
      subjectIdNumber: '2222',
      recordLanguage: 'pt',
      copies: 0,
    });

    // then
    expect(result.ok ? [] : result.errors.map((e) => e.path).sort()).toEqual([
      'copies',
      'recordType',
      'subjectIdNumber',
    ]);
  });

  it('should require a reason when the clerk rejects a declaration', async () => {
    // given
    const declaration = form('civil-registry-certificate-declaration');

    // when
    const bad = await validateSubmission(declaration, { clerkDecision: 'reject' });
    const good = await validateSubmission(declaration, { clerkDecision: 'approve' });

    // then
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['rejectionReason']);
    expect(good.ok).toBe(true);
  });
});
