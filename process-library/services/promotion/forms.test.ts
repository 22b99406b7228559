import { validateSubmission } from '@balcao/forms';
import { describe, expect, it } from 'vitest';
import { refusedPaths } from '../../src/scenario/refusedPaths';
import { serviceForm } from '../../src/scenario/serviceForm';

const form = (id: string) => serviceForm(import.meta.dirname, id);

const employee = {
  employeeName: 'CHAN TAI MAN',
  employeeNumber: '104233',
  department: 'DSAJ',
  currentGrade: 3,
  yearsInGrade: 3,
  rating1: 'very-good',
  rating2: 'satisfactory',
};

describe('P11 forms', () => {
  it('should accept a proposal and refuse an unknown rating and a bad staff number', async () => {
    // when
    const [good, bad] = await refusedPaths(
      form('promotion-request'),
      [employee, { ...employee, employeeNumber: 'A1', rating1: 'brilliant' }],
      { language: 'zh-Hant' },
    );

    // then
    expect(good).toEqual([]);
    expect(bad).toEqual(expect.arrayContaining(['employeeNumber', 'rating1']));
  });

  it('should check every row of the yearly list', async () => {
    // when
    const [good, bad] = await refusedPaths(form('promotion-eligibility-scan'), [
      { eligibleStaff: [employee] },
      { eligibleStaff: [employee, { ...employee, yearsInGrade: -1 }] },
    ]);

    // then
    expect(good).toEqual([]);
    expect(bad).toEqual([expect.stringContaining('yearsInGrade')]);
  });

  it('should ask for the budget line only when the budget covers it, and a reason not to sign', async () => {
    // when
    const [covered] = await refusedPaths(form('promotion-budget'), [{ budgetAvailable: true }]);
    const notCovered = await validateSubmission(form('promotion-budget'), {
      budgetAvailable: false,
      budgetLine: 'ignored',
    });
    const [unsigned] = await refusedPaths(form('promotion-signature'), [
      { approvalDecision: 'reject' },
    ]);

    // then
    expect(covered).toEqual(['budgetLine']);
    expect(notCovered.ok && notCovered.data.budgetLine).toBeUndefined();
    expect(unsigned).toEqual(['stopReason']);
  });

  it('should accept a proposal with a grade and date, and refuse a grade out of range and a bad date', async () => {
    // when
    const [good, bad] = await refusedPaths(
      form('promotion-proposal'),
      [
        {
          employeeName: 'CHAN TAI MAN',
          currentGrade: '3',
          proposedGrade: 4,
          effectiveDate: '2027-03-01',
          proposalText: 'Three years in grade with very good ratings.',
        },
        { proposedGrade: 25, effectiveDate: '01/03/2027', proposalText: '' },
      ],
      { language: 'pt' },
    );

    // then
    expect(good).toEqual([]);
    expect(bad?.sort()).toEqual(['effectiveDate', 'proposalText', 'proposedGrade']);
  });

  it('should update the payroll from a YYYY-MM month', async () => {
    // when
    const [good, bad] = await refusedPaths(form('promotion-payroll'), [
      { employeeNumber: '104233', payrollEffectiveMonth: '2027-03' },
      { payrollEffectiveMonth: '2027-3' },
    ]);

    // then
    expect(good).toEqual([]);
    expect(bad).toEqual(['payrollEffectiveMonth']);
  });
});
