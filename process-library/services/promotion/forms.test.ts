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
  currentGrade: 3,
  yearsInGrade: 3,
  rating1: 'very-good',
  rating2: 'satisfactory',
};

describe('P11 forms', () => {
  it('should accept a proposal and refuse an unknown rating and a bad staff number', async () => {
    // when
    const good = await validateSubmission(form('promotion-request'), employee);
    const bad = await validateSubmission(
      form('promotion-request'),
      { ...employee, employeeNumber: 'A1', rating1: 'brilliant' },
      { language: 'zh-Hant' },
    );

    // then
    expect(good.ok).toBe(true);
    expect(errorPaths(bad)).toEqual(expect.arrayContaining(['employeeNumber', 'rating1']));
  });

  it('should check every row of the yearly list', async () => {
    // when
    const good = await validateSubmission(form('promotion-eligibility-scan'), {
      eligibleStaff: [employee],
    });
    const bad = await validateSubmission(form('promotion-eligibility-scan'), {
      eligibleStaff: [employee, { ...employee, yearsInGrade: -1 }],
    });

    // then
    expect(good.ok).toBe(true);
    expect(errorPaths(bad)).toEqual([expect.stringContaining('yearsInGrade')]);
  });

  it('should ask for the budget line only when the budget covers it, and a reason not to sign', async () => {
    // when
    const covered = await validateSubmission(form('promotion-budget'), {
      budgetAvailable: true,
    });
    const notCovered = await validateSubmission(form('promotion-budget'), {
      budgetAvailable: false,
      budgetLine: 'ignored',
    });
    const unsigned = await validateSubmission(form('promotion-signature'), {
      approvalDecision: 'reject',
    });

    // then
    expect(errorPaths(covered)).toEqual(['budgetLine']);
    expect(notCovered.ok && notCovered.data.budgetLine).toBeUndefined();
    expect(errorPaths(unsigned)).toEqual(['stopReason']);
  });

  it('should accept a proposal with a grade and date, and refuse a grade out of range and a bad date', async () => {
    // given
    const proposal = form('promotion-proposal');

    // when
    const good = await validateSubmission(proposal, {
      employeeName: 'CHAN TAI MAN',
      currentGrade: '3',
      proposedGrade: 4,
      effectiveDate: '2027-03-01',
      proposalText: 'Three years in grade with very good ratings.',
    });
    const bad = await validateSubmission(
      proposal,
      { proposedGrade: 25, effectiveDate: '01/03/2027', proposalText: '' },
      { language: 'pt' },
    );

    // then
    expect(good.ok).toBe(true);
    expect(errorPaths(bad).sort()).toEqual(['effectiveDate', 'proposalText', 'proposedGrade']);
  });

  it('should update the payroll from a YYYY-MM month', async () => {
    // given
    const payroll = form('promotion-payroll');

    // when
    const good = await validateSubmission(payroll, {
      employeeNumber: '104233',
      payrollEffectiveMonth: '2027-03',
    });
    const bad = await validateSubmission(payroll, { payrollEffectiveMonth: '2027-3' });

    // then
    expect(good.ok).toBe(true);
    expect(errorPaths(bad)).toEqual(['payrollEffectiveMonth']);
  });
});
