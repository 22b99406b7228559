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

const certificate = {
  documentId: 'doc-degree-01',
  sha256: 'c'.repeat(64),
  size: 4096,
  contentType: 'application/pdf',
  name: 'degree.pdf',
};

describe('P8 forms', () => {
  it('should accept an application and ask the reason only when a waiver is asked for', async () => {
    // given
    const application = form('recruitment-exam-registration-application');
    const base = {
      examRef: 'SAFP-2027-TS-01',
      idNumber: '1234567(8)',
      fullNamePortuguese: 'CHAN TAI MAN',
      education: 'bachelor',
      qualificationDocuments: [certificate],
      declaration: true,
    };

    // when
    const plain = await validateSubmission(application, { ...base, waiverReason: 'dropped' });
    const waiverWithoutReason = await validateSubmission(application, {
      ...base,
      feeWaiverRequested: true,
    });

    // then
    expect(plain.ok).toBe(true);
    expect(plain.ok && plain.data.waiverReason).toBeUndefined();
    expect(waiverWithoutReason.ok ? [] : waiverWithoutReason.errors.map((e) => e.path)).toEqual([
      'waiverReason',
    ]);
  });

  it('should refuse an application without certificates, declaration, a known qualification or a listed exam', async () => {
    // when
    const result = await validateSubmission(
      form('recruitment-exam-registration-application'),
      {
        examRef: 'SAFP-1999-OLD',
        idNumber: '1234567(8)',
        fullNamePortuguese: 'CHAN TAI MAN',
        education: 'phd-in-fun',
      },
      { language: 'pt' },
    );

    // then
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['examRef', 'education', 'qualificationDocuments', 'declaration']),
    );
  });

  it('should keep scores between 0 and 100 and ask why a candidate is excluded', async () => {
    // when
    const tooHigh = await validateSubmission(form('recruitment-exam-registration-result'), {
      score: 101,
    });
    const excluded = await validateSubmission(form('recruitment-exam-registration-admission'), {
      admission: 'exclude',
    });
    const refused = await validateSubmission(form('recruitment-exam-registration-document-check'), {
      documentCheck: 'refuse',
      rejectionReason: 'No degree certificate',
    });

    // then
    expect(tooHigh.ok ? [] : tooHigh.errors.map((e) => e.path)).toEqual(['score']);
    expect(excluded.ok ? [] : excluded.errors.map((e) => e.path)).toEqual(['exclusionReason']);
    expect(refused.ok).toBe(true);
  });
});
