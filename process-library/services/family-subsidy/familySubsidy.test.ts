import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'family-subsidy';
const year = 366 * 24 * 3_600_000;
let h: ScenarioHarness;

beforeAll(async () => {
  h = await ScenarioHarness.start();
});

afterAll(async () => {
  await h.close();
});

function request(caseRef: string, dependantIdNumber: string, relationship: string) {
  return {
    caseRef,
    applicantAccount: 'staff-104233',
    language: 'zh-Hant',
    employeeName: 'CHAN TAI MAN',
    employeeNumber: '104233',
    employeeIdNumber: '1234567(8)',
    dependantName: 'CHAN KA HOU',
    dependantIdNumber,
    relationship,
    declaration: true,
  };
}

async function complete(key: number, elementId: string, variables: Record<string, unknown>) {
  const task = await h.waitForUserTask(key, elementId);
  await h.t.engine.completeUserTask({ key: task, variables });
}

describe('P12 family subsidy', () => {
  it('should confirm a child at the registry, pay the subsidy and stop it at a yearly check', async () => {
    // given the employee's son, as the civil registry knows him
    const caseRef = 'SAFP-FAM-0001';
    const key = await h.startApplication(processId, request(caseRef, '1234567(9)', 'child'));

    // when the head approves, payroll adds it, and two yearly checks pass
    await complete(key, 'headApproval', { approvalDecision: 'approve' });
    await complete(key, 'addToPayroll', { payrollStartMonth: '2027-01' });
    await h.waitForElement(key, 'aYearLater');
    await h.t.advance(year);
    await complete(key, 'recheck', { stillEligible: true });
    await h.waitFor('the second yearly timer', async () => {
      const trail = await h.t.elementTrail(key);
      return trail.filter((e) => e === 'aYearLater:ELEMENT_ACTIVATED').length === 2
        ? true
        : undefined;
    });
    await h.t.advance(year);
    await complete(key, 'recheck', { stillEligible: false });
    await complete(key, 'stopSubsidy', { payrollEndMonth: '2028-12' });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'Checking kinship',
      'Awaiting authorisation by the head',
      'Added to the payroll',
      'Yearly eligibility check',
      'Yearly eligibility check',
      'Subsidy ended',
    ]);
    expect((await h.t.finalVariables(key)).kinship).toMatchObject({ relation: 'CHILD' });
    expect(h.inAppTemplates(caseRef)).toEqual([
      'family-subsidy-granted@1',
      'family-subsidy-ended@1',
    ]);
  });

  it('should send a relationship the registry does not confirm to HR, who refuse it', async () => {
    // given the employee's sister declared as a child
    const caseRef = 'SAFP-FAM-0002';
    const key = await h.startApplication(processId, request(caseRef, '1357246(8)', 'child'));

    // when
    await complete(key, 'hrReview', {
      reviewDecision: 'refuse',
      refusalReason: 'A sibling is not a dependant for this subsidy',
    });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'Checking kinship',
      'Under review by HR',
    ]);
    expect((await h.t.finalVariables(key)).kinship).toMatchObject({ relation: 'SIBLING' });
    expect(h.inAppTemplates(caseRef)).toEqual(['family-subsidy-refused@1']);
  });
});
