import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoTaxpayer } from '@balcao/agencies';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'tax-clearance-certificate';
const phone = '+85366123457';
let h: ScenarioHarness;

beforeAll(async () => {
  h = await ScenarioHarness.start();
});

afterAll(async () => {
  await h.close();
});

function application(caseRef: string, taxpayerNumber: string, taxpayerType = 'person') {
  return {
    caseRef,
    applicantAccount: 'citizen-P0001',
    applicantPhone: phone,
    language: 'pt',
    taxpayerType,
    taxpayerNumber,
    copies: 2,
    purpose: 'tender',
    consent: true,
  };
}

describe('P2 tax clearance certificate', () => {
  it('should charge the fee per copy and issue the certificate for a taxpayer without debts', async () => {
    // given
    const caseRef = 'DSF-TCC-0001';
    const key = await h.startApplication(processId, application(caseRef, '12345678'));

    // when
    await h.settlePayment(key, 'complete');
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'In process at DSF',
      'Awaiting payment',
      'Certificate issued',
    ]);
    const vars = await h.t.finalVariables(key);
    expect(vars.payment).toMatchObject({ status: 'completed', amountMop: 100 });
    expect(vars.certificate).toMatchObject({
      language: 'pt',
      verificationCode: expect.any(String),
    });
    expect(h.inAppTemplates(caseRef)).toEqual(['tax-clearance-ready@1']);
  });

  it('should notify the amounts owed and close the application when the debts stay unpaid', async () => {
    // given a taxpayer with MOP 6,834 of debts
    const caseRef = 'DSF-TCC-0002';
    const key = await h.startApplication(processId, application(caseRef, '51234567'));
    await h.waitFor('the debt notice', async () =>
      (await h.standInNotices(phone, caseRef)).length > 0 ? true : undefined,
    );

    // when 30 days pass without settlement
    await h.waitForElement(key, 'debtsSettled');
    await h.t.advance(31 * 24 * 3_600_000);
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endDebts:ELEMENT_COMPLETED');
    expect(await h.t.elementTrail(key)).not.toContain('pay:ELEMENT_ACTIVATED');
    expect(await h.standInNotices(phone, caseRef)).toEqual([
      expect.objectContaining({
        channel: 'sms',
        template: 'tax-debt-outstanding@1',
        personalisation: expect.objectContaining({ totalDebtMop: 6834 }),
      }),
    ]);
  });

  it('should let a clerk clear a file under manual review, then take the payment and issue', async () => {
    // given
    const caseRef = 'DSF-TCC-0003';
    const key = await h.startApplication(processId, application(caseRef, '70000001'));

    // when
    const review = await h.waitForUserTask(key, 'review');
    await h.t.engine.completeUserTask({ key: review, variables: { clerkDecision: 'approve' } });
    await h.settlePayment(key, 'complete');
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'In process at DSF',
      'Under review at DSF',
      'Awaiting payment',
      'Certificate issued',
    ]);
  });

  it('should check again once DSF says the debts are settled, then take the fee and issue', async () => {
    // given a company with debts, told what it owes
    const caseRef = 'DSF-TCC-0004';
    const key = await h.startApplication(
      processId,
      application(caseRef, DemoTaxpayer.debtCompany, 'company'),
    );
    await h.waitForElement(key, 'debtsSettled');

    // when it pays at DSF and DSF (a clerk, through the server) says the debts are settled
    const paid = await fetch(
      `${h.agencies.urls.tax}/debts/${DemoTaxpayer.debtCompany}/settlement`,
      {
        method: 'POST',
        headers: { 'X-Api-Key': h.agencies.apiKeys.tax },
      },
    );
    expect(paid.status).toBe(200);
    await h.t.engine.publishMessage({
      name: 'tax-debts-settled',
      correlationKey: caseRef,
      messageId: `${caseRef}:tax-debts-settled:1`,
      timeToLive: 0,
      variables: {},
    });
    await h.settlePayment(key, 'complete');
    const state = await h.waitForEnd(key);

    // then the second check found it clear: fee, certificate, notice
    expect(state).toBe('COMPLETED');
    const trail = await h.t.elementTrail(key);
    expect(trail.filter((e) => e === 'taxCheck:ELEMENT_ACTIVATED')).toHaveLength(2);
    expect(trail).toContain('settled:ELEMENT_COMPLETED');
    expect(trail).toContain('endIssued:ELEMENT_COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en).slice(-2)).toEqual([
      'Awaiting payment',
      'Certificate issued',
    ]);
    expect((await h.t.finalVariables(key)).certificate).toMatchObject({
      verificationCode: expect.any(String),
    });
    expect((await h.standInNotices(phone, caseRef)).map((n) => n.template)).toEqual([
      'tax-debt-outstanding@1',
      'tax-clearance-ready@1',
    ]);
  });

  it('should tell an applicant who is not a registered taxpayer, without a fee', async () => {
    // given
    const caseRef = 'DSF-TCC-0005';

    // when
    const key = await h.startApplication(
      processId,
      application(caseRef, DemoTaxpayer.notRegisteredPerson),
    );
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    const trail = await h.t.elementTrail(key);
    expect(trail).toContain('endNotRegistered:ELEMENT_COMPLETED');
    expect(trail).not.toContain('pay:ELEMENT_ACTIVATED');
    expect(h.inAppTemplates(caseRef)).toEqual(['tax-not-registered@1']);
  });
});
