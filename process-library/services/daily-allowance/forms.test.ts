import { validateSubmission } from '@balcao/forms';
import { describe, expect, it } from 'vitest';
import { refusedPaths } from '../../src/scenario/refusedPaths';
import { serviceForm } from '../../src/scenario/serviceForm';

const form = (id: string) => serviceForm(import.meta.dirname, id);

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
    const [trip] = await refusedPaths(form('daily-allowance-request'), [
      { ...employee, requestType: 'trip', destinationZone: 'moon', days: 0, tripPurpose: 'x' },
    ]);
    const [substitution] = await refusedPaths(
      form('daily-allowance-request'),
      [{ ...employee, requestType: 'substitution', substitutedPost: 'Chefe de divisão' }],
      { language: 'zh-Hant' },
    );

    // then
    expect(trip).toEqual(expect.arrayContaining(['destinationZone', 'days']));
    expect(substitution).toEqual(expect.arrayContaining(['substitutionStart', 'substitutionEnd']));
  });

  it('should require a reason to refuse and a payment reference to settle', async () => {
    // when
    const [noReason, approved] = await refusedPaths(form('daily-allowance-approval'), [
      { approvalDecision: 'reject' },
      { approvalDecision: 'approve' },
    ]);
    const [unpaid] = await refusedPaths(form('daily-allowance-settlement'), [
      { paidOn: '2026-12-02' },
    ]);

    // then
    expect(noReason).toEqual(['decisionReason']);
    expect(approved).toEqual([]);
    expect(unpaid).toEqual(['paymentReference']);
  });

  it('should accept a substitution proposal and refuse a negative index difference without a legal basis', async () => {
    // when
    const [good, bad] = await refusedPaths(
      form('daily-allowance-substitution-proposal'),
      [
        {
          employeeName: 'CHAN TAI MAN',
          substitutedPost: 'Head of division',
          indexDifference: 80,
          legalBasis: 'Article 6 of the Statute of the Public Administration Workers',
        },
        { indexDifference: -5, legalBasis: '' },
      ],
      { language: 'zh-Hant' },
    );

    // then
    expect(good).toEqual([]);
    expect(bad?.sort()).toEqual(['indexDifference', 'legalBasis']);
  });
});
