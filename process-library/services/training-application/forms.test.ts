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
  department: 'DSAJ',
  supervisorAccount: 'staff-100017',
  courseCode: 'FP-2026-031',
  courseTitle: 'Plain Portuguese in administrative writing',
  courseStart: '2027-01-11',
  courseEnd: '2027-01-22',
  hours: 30,
  justification: 'Drafts replies to the public in Portuguese',
};

describe('P10 forms', () => {
  it('should accept a complete request', async () => {
    // when
    const result = await validateSubmission(form('training-application-request'), request);

    // then
    expect(result.ok).toBe(true);
  });

  it('should refuse a bad staff number, an unknown department, a bad date and zero hours', async () => {
    // when
    const result = await validateSubmission(
      form('training-application-request'),
      { ...request, employeeNumber: '12', department: 'XYZ', courseStart: '11/01/2027', hours: 0 },
      { language: 'pt' },
    );

    // then
    expect(errorPaths(result)).toEqual(
      expect.arrayContaining(['employeeNumber', 'department', 'courseStart', 'hours']),
    );
  });

  it('should require a decision, an enrolment result and an attendance between 0 and 100', async () => {
    // when
    const noDecision = await validateSubmission(form('training-application-approval'), {});
    const noResult = await validateSubmission(form('training-application-enrolment'), {});
    const tooMuch = await validateSubmission(form('training-application-attendance'), {
      attendancePercent: 120,
    });
    const attended = await validateSubmission(form('training-application-attendance'), {
      attendancePercent: 95,
    });

    // then
    expect(errorPaths(noDecision)).toEqual(['approvalDecision']);
    expect(errorPaths(noResult)).toEqual(['enrolmentResult']);
    expect(errorPaths(tooMuch)).toEqual(['attendancePercent']);
    expect(attended.ok).toBe(true);
  });
});
