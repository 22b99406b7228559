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

const errorPaths = (result: Awaited<ReturnType<typeof validateSubmission>>) =>
  result.ok ? [] : result.errors.map((e) => e.path);

const employee = {
  employeeName: 'CHAN TAI MAN',
  employeeNumber: '104233',
  department: 'DSAJ',
  salaryIndex: 650,
};

describe('P13 forms', () => {
  it('should accept a trip and drop the substitution fields it does not show', async () => {
    // when
    const result = await validateSubmission(form('daily-allowance-request'), {
      ...employee,
      requestType: 'trip',
      destinationZone: 'asia',
      days: 3,
      tripPurpose: 'Conference',
      substitutedPost: 'left over from another choice',
    });

    // then
    expect(result.ok).toBe(true);
    expect(result.ok && result.data.substitutedPost).toBeUndefined();
  });

  it('should refuse a trip with no destination and a substitution without dates', async () => {
    // when
    const trip = await validateSubmission(form('daily-allowance-request'), {
      ...employee,
      requestType: 'trip',
      destinationZone: 'moon',
      days: 0,
      tripPurpose: 'x',
    });
    const substitution = await validateSubmission(
      form('daily-allowance-request'),
      { ...employee, requestType: 'substitution', substitutedPost: 'Chefe de divisão' },
      { language: 'zh-Hant' },
    );

    // then
    expect(errorPaths(trip)).toEqual(expect.arrayContaining(['destinationZone', 'days']));
    expect(errorPaths(substitution)).toEqual(
      expect.arrayContaining(['substitutionStart', 'substitutionEnd']),
    );
  });

  it('should require a reason to refuse and a payment reference to settle', async () => {
    // when
    const noReason = await validateSubmission(form('daily-allowance-approval'), {
      approvalDecision: 'reject',
    });
    const approved = await validateSubmission(form('daily-allowance-approval'), {
      approvalDecision: 'approve',
    });
    const unpaid = await validateSubmission(form('daily-allowance-settlement'), {
      paidOn: '2026-12-02',
    });

    // then
    expect(errorPaths(noReason)).toEqual(['decisionReason']);
    expect(approved.ok).toBe(true);
    expect(errorPaths(unpaid)).toEqual(['paymentReference']);
  });

  it('should accept a substitution proposal and refuse a negative index difference without a legal basis', async () => {
    // given
    const proposal = form('daily-allowance-substitution-proposal');

    // when
    const good = await validateSubmission(proposal, {
      employeeName: 'CHAN TAI MAN',
      substitutedPost: 'Head of division',
      indexDifference: 80,
      legalBasis: 'Article 6 of the Statute of the Public Administration Workers',
    });
    const bad = await validateSubmission(
      proposal,
      { indexDifference: -5, legalBasis: '' },
      { language: 'zh-Hant' },
    );

    // then
    expect(good.ok).toBe(true);
    expect(errorPaths(bad).sort()).toEqual(['indexDifference', 'legalBasis']);
  });
});
