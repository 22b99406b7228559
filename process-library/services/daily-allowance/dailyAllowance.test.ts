import { verifyDocument } from '@balcao/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'daily-allowance';
let h: ScenarioHarness;

beforeAll(async () => {
  h = await ScenarioHarness.start();
});

afterAll(async () => {
  await h.close();
});

const employee = {
  applicantAccount: 'staff-104233',
  language: 'en',
  employeeName: 'CHAN TAI MAN',
  employeeNumber: '104233',
  department: 'DSAJ',
  salaryIndex: 650,
};

async function complete(key: number, elementId: string, variables: Record<string, unknown>) {
  const task = await h.waitForUserTask(key, elementId);
  await h.t.engine.completeUserTask({ key: task, variables });
}

describe('P13 daily allowance and provisional substitution', () => {
  it('should compute the allowance from the rates, have it approved and paid', async () => {
    // given three days in Asia at salary index 650: 1,500 × 1.2 × 3
    const caseRef = 'DSAJ-AJC-0001';
    const key = await h.startApplication(processId, {
      ...employee,
      caseRef,
      requestType: 'trip',
      destinationZone: 'asia',
      days: 3,
      tripPurpose: 'Regional conference on civil registration',
    });

    // when
    await complete(key, 'approve', { approvalDecision: 'approve' });
    await complete(key, 'settle', { paymentReference: 'PAY-2026-0917', paidOn: '2026-12-02' });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      "Awaiting the Secretary's office",
      'Allowance paid',
    ]);
    expect((await h.t.finalVariables(key)).allowance).toMatchObject({
      dailyRateMop: 1800,
      amountMop: 5400,
    });
    expect(h.notices.notices.filter((n) => n.caseRef === caseRef)).toEqual([
      expect.objectContaining({
        template: 'daily-allowance-paid@1',
        personalisation: expect.objectContaining({ amountMop: '5400' }),
      }),
    ]);
  });

  it('should issue a verifiable substitution order after the proposal is approved', async () => {
    // given
    const caseRef = 'DSAJ-SUB-0001';
    const key = await h.startApplication(processId, {
      ...employee,
      caseRef,
      requestType: 'substitution',
      substitutedPost: 'Chefe da Divisão de Registo Civil',
      substitutionStart: '2027-01-02',
      substitutionEnd: '2027-03-31',
    });

    // when
    await complete(key, 'proposeSubstitution', {
      indexDifference: 80,
      legalBasis: 'Estatuto do Pessoal, substituição',
    });
    await complete(key, 'approve', { approvalDecision: 'approve' });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'Proposal being prepared',
      "Awaiting the Secretary's office",
      'Certificate issued',
    ]);
    const dispatch = (await h.t.finalVariables(key)).dispatch as { verificationCode: string };
    expect((await verifyDocument(h.documents, dispatch.verificationCode)).status).toBe('GENUINE');
    expect(h.inAppTemplates(caseRef)).toEqual(['substitution-ordered@1']);
  });

  it('should tell the employee when the higher authority does not approve', async () => {
    // given
    const caseRef = 'DSAJ-AJC-0002';
    const key = await h.startApplication(processId, {
      ...employee,
      caseRef,
      requestType: 'trip',
      destinationZone: 'europeAmericas',
      days: 10,
      tripPurpose: 'Study visit',
    });

    // when
    await complete(key, 'approve', { approvalDecision: 'reject', decisionReason: 'No budget' });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endRejected:ELEMENT_COMPLETED');
    expect(h.inAppTemplates(caseRef)).toEqual(['daily-allowance-rejected@1']);
  });
});
