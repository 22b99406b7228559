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

describe('P2 forms', () => {
  it('should accept a complete application', async () => {
    // when
    const result = await validateSubmission(form('tax-clearance-certificate-application'), {
      taxpayerType: 'company',
      taxpayerNumber: '80000001',
      copies: 2,
      purpose: 'tender',
      consent: true,
    });

    // then
    expect(result.ok).toBe(true);
  });

  it('should refuse too many copies, a short taxpayer number and a missing consent', async () => {
    // when
    const result = await validateSubmission(
      form('tax-clearance-certificate-application'),
      { taxpayerType: 'person', taxpayerNumber: '123', copies: 9, purpose: 'tender' },
      { language: 'zh-Hant' },
    );

    // then
    expect(result.ok ? [] : result.errors.map((e) => e.path).sort()).toEqual([
      'consent',
      'copies',
      'taxpayerNumber',
    ]);
  });

  it('should require a reason when the clerk rejects', async () => {
    // given
    const review = form('tax-clearance-certificate-review');

    // when
    const bad = await validateSubmission(review, { clerkDecision: 'reject' });
    const good = await validateSubmission(review, { clerkDecision: 'approve' });

    // then
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['rejectionReason']);
    expect(good.ok).toBe(true);
  });
});
