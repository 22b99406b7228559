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
});
