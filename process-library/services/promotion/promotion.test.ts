import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDeliveryByOtherMeans } from '../../src/scenario/deliveryFailures';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'promotion';
let h: ScenarioHarness;

beforeAll(async () => {
  h = await ScenarioHarness.start();
});

afterAll(async () => {
  await h.close();
});

const employee = {
  employeeName: 'CHAN TAI MAN',
  employeeNumber: '104233',
  department: 'DSAJ',
  currentGrade: 3,
  yearsInGrade: 3,
  rating1: 'very-good',
  rating2: 'satisfactory',
};

function proposal(caseRef: string) {
  return { caseRef, applicantAccount: 'staff-104233', language: 'zh-Hant', ...employee };
}

/** HR proposes grade 4, finds the budget and the head signs. */
async function proposeBudgetAndSign(key: number): Promise<void> {
  await h.completeTask(key, 'prepareProposal', {
    proposedGrade: 4,
    effectiveDate: '2027-03-01',
    proposalText: 'Three years in grade, good ratings',
  });
  await h.completeTask(key, 'checkBudget', { budgetAvailable: true, budgetLine: '01-01-02-00' });
  await h.completeTask(key, 'sign', { approvalDecision: 'approve' });
}

describe('P11 promotion', () => {
  it('should prepare, budget, sign, publish in the Official Gazette and update the payroll', async () => {
    // given
    const caseRef = 'DSAJ-PROMO-0001';
    const key = await h.startApplication(processId, proposal(caseRef));

    // when
    await proposeBudgetAndSign(key);
    await h.completeTask(key, 'updatePayroll', { payrollEffectiveMonth: '2027-03' });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'Proposal being prepared',
      'Budget check',
      'Awaiting signature',
      'Sent to the department',
      'Payroll updated',
    ]);
    expect((await h.t.finalVariables(key)).publication).toMatchObject({ status: 'DELIVERED' });
    expect(await h.letters({ receiverDepartment: 'IO', caseRef })).toEqual([
      expect.objectContaining({ senderDepartment: 'DSAJ', status: 'DELIVERED' }),
    ]);
    expect(h.inAppTemplates(caseRef)).toEqual(['promotion-granted@1']);
  });

  it('should go on to the payroll when HR sent the order to the Gazette by registered post', async () => {
    // given the Printing Bureau's mailbox refuses deliveries
    const caseRef = 'DSAJ-PROMO-0009';
    await h.setMailbox('IO', false, 'IO mailbox unreachable');
    const key = await h.startApplication(processId, proposal(caseRef));
    await proposeBudgetAndSign(key);

    // when HR records that it sent the order by registered post
    await recordDeliveryByOtherMeans(h, key, 'registeredPost', 'RR123456789MO');
    await h.completeTask(key, 'updatePayroll', { payrollEffectiveMonth: '2027-03' });
    const state = await h.waitForEnd(key);
    await h.setMailbox('IO', true);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.t.finalVariables(key)).publication).toMatchObject({
      status: 'DELIVERED_OTHERWISE',
      otherMeans: { method: 'registeredPost', reference: 'RR123456789MO' },
    });
    expect(h.inAppTemplates(caseRef)).toEqual(['promotion-granted@1']);
  });

  it('should stop without a promotion when the budget does not cover it', async () => {
    // given
    const caseRef = 'DSAJ-PROMO-0002';
    const key = await h.startApplication(processId, proposal(caseRef));

    // when
    await h.completeTask(key, 'prepareProposal', {
      proposedGrade: 4,
      effectiveDate: '2027-03-01',
      proposalText: 'Three years in grade',
    });
    await h.completeTask(key, 'checkBudget', {
      budgetAvailable: false,
      stopReason: 'No budget line',
    });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endNotPromoted:ELEMENT_COMPLETED');
    expect(h.inAppTemplates(caseRef)).toEqual(['promotion-not-granted@1']);
  });

  it('should open one proposal per employee on the yearly scan and close those not eligible', async () => {
    // given the clock passes 2 January
    await h.t.advance(365 * 24 * 3_600_000);
    const scan = await h.waitFor('the yearly scan task', async () => {
      const r = await h.t.db.query<{ key: string; process_instance_key: string }>(
        `select key, process_instance_key from engine_user_task
          where record->>'elementId' = 'listEligible' and state = 'CREATED'`,
      );
      return r.rows[0];
    });

    // when HR lists two employees, one with an unsatisfactory rating
    await h.t.engine.completeUserTask({
      key: Number(scan.key),
      variables: {
        eligibleStaff: [
          employee,
          {
            ...employee,
            employeeName: 'LEI SIO MEI',
            employeeNumber: '100200',
            rating1: 'unsatisfactory',
          },
        ],
      },
    });

    // then the first waits for its proposal, the second is told it is not eligible
    const scanKey = Number(scan.process_instance_key);
    await h.waitForUserTask(scanKey, 'prepareProposal');
    const notices = await h.waitFor('the not-eligible notice', async () => {
      const found = h.notices.notices.filter((n) => n.caseRef?.startsWith('PROMO-100200-'));
      return found.length > 0 ? found : undefined;
    });
    expect(notices.map((n) => [n.account, n.template])).toEqual([
      ['staff-100200', 'promotion-not-eligible@1'],
    ]);
  });
});
