import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'translation-service';
const phone = '+85366123463';
let h: ScenarioHarness;

// Starting deploys the whole library: slow on a busy machine.
beforeAll(async () => {
  h = await ScenarioHarness.start();
}, 180_000);

afterAll(async () => {
  await h.close();
});

const document = (name: string) => [
  {
    documentId: `doc-${name}`,
    sha256: 'a'.repeat(64),
    size: 2048,
    contentType: 'application/pdf',
    name: `${name}.pdf`,
  },
];

function request(caseRef: string, extra: Record<string, unknown> = {}) {
  return {
    caseRef,
    applicantAccount: 'company-00012',
    applicantPhone: phone,
    language: 'pt',
    requesterType: 'company',
    requesterName: 'Companhia de Comércio Lda.',
    direction: 'zh-pt',
    urgency: 'normal',
    documentTitle: 'Estatutos',
    characterCount: 1200,
    sourceDocument: document('statutes'),
    ...extra,
  };
}

async function complete(key: number, elementId: string, variables: Record<string, unknown>) {
  await h.t.engine.completeUserTask({ key: await h.waitForUserTask(key, elementId), variables });
}

describe('P7 translation service', { timeout: 120_000 }, () => {
  it('should take the deposit, translate, send back for corrections once and hand over', async () => {
    // given
    const caseRef = 'SAFP-TRA-0001';
    const key = await h.startApplication(processId, request(caseRef));
    await h.settlePayment(key, 'complete');

    // when
    await complete(key, 'assess', { assessment: 'accept', textKind: 'general' });
    await complete(key, 'translateGeneral', { translation: document('draft-1') });
    await complete(key, 'review', { reviewDecision: 'return', reviewComments: 'Article 3' });
    await complete(key, 'translateGeneral', { translation: document('draft-2') });
    await complete(key, 'review', { reviewDecision: 'approve' });
    await complete(key, 'pickup', { collectedBy: 'WONG KA MAN', collectorIdNumber: '1234567(8)' });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'Awaiting payment',
      'In process at SAFP',
      'Translating',
      'Under review',
      'Translating',
      'Under review',
      'Ready for pickup',
    ]);
    const vars = await h.t.finalVariables(key);
    expect(vars.payment).toMatchObject({ status: 'completed', amountMop: 60 });
    expect(vars.translation).toEqual(document('draft-2'));
    expect(h.inAppTemplates(caseRef)).toEqual(['translation-ready@1']);
  });

  it('should charge double per block for an expedited text and send it to a specialised translator', async () => {
    // given 3,000 characters expedited: two blocks of 1,500 at MOP 120
    const caseRef = 'SAFP-TRA-0002';
    const key = await h.startApplication(
      processId,
      request(caseRef, { urgency: 'expedited', characterCount: 3000 }),
    );
    await h.settlePayment(key, 'complete');

    // when
    await complete(key, 'assess', { assessment: 'accept', textKind: 'technical' });

    // then
    await h.waitForUserTask(key, 'translateTechnical');
    expect((await h.t.variables(key)).payment).toMatchObject({ amountMop: 240 });
  });

  it('should refuse a text that cannot be translated, with the reason', async () => {
    // given
    const caseRef = 'SAFP-TRA-0003';
    const key = await h.startApplication(processId, request(caseRef));
    await h.settlePayment(key, 'complete');

    // when
    await complete(key, 'assess', {
      assessment: 'refuse',
      refusalReason: 'The scan is unreadable',
    });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endRefused:ELEMENT_COMPLETED');
    expect(await h.standInNotices(phone, caseRef)).toEqual([
      expect.objectContaining({
        template: 'translation-refused@1',
        personalisation: expect.objectContaining({ reason: 'The scan is unreadable' }),
      }),
    ]);
  });

  it('should close the request when the deposit is not paid within 7 days', async () => {
    // given
    const caseRef = 'SAFP-TRA-0004';
    const key = await h.startApplication(processId, request(caseRef));
    await h.waitForElement(key, 'waitPayment');

    // when
    await h.t.advance(8 * 24 * 3_600_000);
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endNotPaid:ELEMENT_COMPLETED');
    expect(h.inAppTemplates(caseRef)).toEqual(['translation-closed-unpaid@1']);
  });
});
