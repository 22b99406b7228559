import { validateSubmission } from '@balcao/forms';
import { describe, expect, it } from 'vitest';
import { refusedPaths } from '../../src/scenario/refusedPaths';
import { serviceForm } from '../../src/scenario/serviceForm';

const form = (id: string) => serviceForm(import.meta.dirname, id);

const request = {
  employeeName: 'CHAN TAI MAN',
  employeeNumber: '104233',
  employeeIdNumber: '1234567(8)',
  dependantName: 'CHAN KA HOU',
  dependantIdNumber: '1234567(9)',
  relationship: 'child',
  declaration: true,
};

describe('P12 forms', () => {
  it('should accept a complete request and refuse bad ID numbers, an unknown relationship and no declaration', async () => {
    // when
    const [good, bad] = await refusedPaths(
      form('family-subsidy-request'),
      [
        request,
        { ...request, dependantIdNumber: '99', relationship: 'cousin', declaration: false },
      ],
      { language: 'pt' },
    );

    // then
    expect(good).toEqual([]);
    expect(bad).toEqual(
      expect.arrayContaining(['dependantIdNumber', 'relationship', 'declaration']),
    );
  });

  it('should require a reason to refuse and a YYYY-MM month for the payroll', async () => {
    // when
    const [noReason, accepted] = await refusedPaths(form('family-subsidy-review'), [
      { reviewDecision: 'refuse' },
      { reviewDecision: 'accept' },
    ]);
    const [badMonth, goodMonth] = await refusedPaths(form('family-subsidy-payroll'), [
      { payrollStartMonth: '2027-13' },
      { payrollStartMonth: '2027-01' },
    ]);

    // then
    expect(noReason).toEqual(['refusalReason']);
    expect(accepted).toEqual([]);
    expect(badMonth).toEqual(['payrollStartMonth']);
    expect(goodMonth).toEqual([]);
  });

  it('should let the head authorise, and require a reason to refuse', async () => {
    // when
    const [approved, noReason, unknown] = await refusedPaths(form('family-subsidy-approval'), [
      { employeeName: 'CHAN TAI MAN', dependantName: 'CHAN KA HOU', approvalDecision: 'approve' },
      { approvalDecision: 'reject' },
      { approvalDecision: 'later' },
    ]);

    // then
    expect(approved).toEqual([]);
    expect(noReason).toEqual(['refusalReason']);
    expect(unknown).toEqual(['approvalDecision']);
  });

  it('should take the yearly answer as yes or no only', async () => {
    // given
    const recheck = form('family-subsidy-recheck');

    // when
    const [stillEligible, notAnAnswer] = await refusedPaths(recheck, [
      { dependantName: 'CHAN KA HOU', relationship: 'child', stillEligible: true },
      { stillEligible: 'perhaps' },
    ]);
    const noLonger = await validateSubmission(recheck, { stillEligible: false });

    // then
    expect(stillEligible).toEqual([]);
    expect(noLonger.ok && noLonger.data.stillEligible).toBe(false);
    expect(notAnAnswer).toEqual(['stillEligible']);
  });

  it('should stop the payroll from a YYYY-MM month', async () => {
    // when
    const [good, badMonth, missing] = await refusedPaths(form('family-subsidy-payroll-stop'), [
      { employeeNumber: '104233', payrollEndMonth: '2028-01' },
      { payrollEndMonth: '01/2028' },
      {},
    ]);

    // then
    expect(good).toEqual([]);
    expect(badMonth).toEqual(['payrollEndMonth']);
    expect(missing).toEqual(['payrollEndMonth']);
  });
});
