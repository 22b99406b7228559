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
    const good = await validateSubmission(form('family-subsidy-request'), request);
    const bad = await validateSubmission(
      form('family-subsidy-request'),
      { ...request, dependantIdNumber: '99', relationship: 'cousin', declaration: false },
      { language: 'pt' },
    );

    // then
    expect(good.ok).toBe(true);
    expect(errorPaths(bad)).toEqual(
      expect.arrayContaining(['dependantIdNumber', 'relationship', 'declaration']),
    );
  });

  it('should require a reason to refuse and a YYYY-MM month for the payroll', async () => {
    // when
    const noReason = await validateSubmission(form('family-subsidy-review'), {
      reviewDecision: 'refuse',
    });
    const accepted = await validateSubmission(form('family-subsidy-review'), {
      reviewDecision: 'accept',
    });
    const badMonth = await validateSubmission(form('family-subsidy-payroll'), {
      payrollStartMonth: '2027-13',
    });
    const goodMonth = await validateSubmission(form('family-subsidy-payroll'), {
      payrollStartMonth: '2027-01',
    });

    // then
    expect(errorPaths(noReason)).toEqual(['refusalReason']);
    expect(accepted.ok).toBe(true);
    expect(errorPaths(badMonth)).toEqual(['payrollStartMonth']);
    expect(goodMonth.ok).toBe(true);
  });

  it('should let the head authorise, and require a reason to refuse', async () => {
    // given
    const approval = form('family-subsidy-approval');

    // when
    const approved = await validateSubmission(approval, {
      employeeName: 'CHAN TAI MAN',
      dependantName: 'CHAN KA HOU',
      approvalDecision: 'approve',
    });
    const noReason = await validateSubmission(approval, { approvalDecision: 'reject' });
    const unknown = await validateSubmission(approval, { approvalDecision: 'later' });

    // then
    expect(approved.ok).toBe(true);
    expect(errorPaths(noReason)).toEqual(['refusalReason']);
    expect(errorPaths(unknown)).toEqual(['approvalDecision']);
  });

  it('should take the yearly answer as yes or no only', async () => {
    // given
    const recheck = form('family-subsidy-recheck');

    // when
    const stillEligible = await validateSubmission(recheck, {
      dependantName: 'CHAN KA HOU',
      relationship: 'child',
      stillEligible: true,
    });
    const noLonger = await validateSubmission(recheck, { stillEligible: false });
    const notAnAnswer = await validateSubmission(recheck, { stillEligible: 'perhaps' });

    // then
    expect(stillEligible.ok).toBe(true);
    expect(noLonger.ok && noLonger.data.stillEligible).toBe(false);
    expect(errorPaths(notAnAnswer)).toEqual(['stillEligible']);
  });

  it('should stop the payroll from a YYYY-MM month', async () => {
    // given
    const stop = form('family-subsidy-payroll-stop');

    // when
    const good = await validateSubmission(stop, {
      employeeNumber: '104233',
      payrollEndMonth: '2028-01',
    });
    const badMonth = await validateSubmission(stop, { payrollEndMonth: '01/2028' });
    const missing = await validateSubmission(stop, {});

    // then
    expect(good.ok).toBe(true);
    expect(errorPaths(badMonth)).toEqual(['payrollEndMonth']);
    expect(errorPaths(missing)).toEqual(['payrollEndMonth']);
  });
});
