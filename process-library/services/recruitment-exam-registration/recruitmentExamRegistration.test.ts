import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'recruitment-exam-registration';
const phone = '+85366123464';
let h: ScenarioHarness;

// Starting deploys the whole library: slow on a busy machine.
beforeAll(async () => {
  h = await ScenarioHarness.start();
}, 180_000);

afterAll(async () => {
  await h.close();
});

/** The test clock starts on 2026-01-05 09:00 in Macao; applications close ten days later. */
const exam = {
  ref: 'SAFP-2026-TS-01',
  title: 'Técnico superior',
  closesAt: '2026-01-15T18:00:00+08:00',
  organiser: 'SAFP',
  examDate: '2026-02-07',
};

function application(caseRef: string, extra: Record<string, unknown> = {}) {
  return {
    caseRef,
    applicantAccount: 'citizen-P0001',
    applicantPhone: phone,
    language: 'zh-Hant',
    examRef: exam.ref,
    exam,
    idNumber: '1234567(8)',
    fullNameChinese: '陳大文',
    fullNamePortuguese: 'Chan Tai Man',
    education: 'bachelor',
    qualificationDocuments: [],
    feeWaiverRequested: false,
    declaration: true,
    ...extra,
  };
}

async function complete(key: number, elementId: string, variables: Record<string, unknown>) {
  await h.t.engine.completeUserTask({ key: await h.waitForUserTask(key, elementId), variables });
}

describe('P8 recruitment exam registration', { timeout: 120_000 }, () => {
  it('should check, take the fee, wait for the window to close, admit and publish the result', async () => {
    // given
    const caseRef = 'SAFP-REC-0001';
    const key = await h.startApplication(processId, application(caseRef));
    await complete(key, 'checkDocuments', { documentCheck: 'accept', waiverGranted: false });
    await h.settlePayment(key, 'complete');
    await h.waitForElement(key, 'windowCloses');

    // when the window closes, the jury admits and the board marks
    await h.t.advance(11 * 24 * 3_600_000);
    await complete(key, 'admit', { admission: 'admit' });
    await complete(key, 'recordResult', { score: 72 });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'Application accepted',
      'Checking documents',
      'Awaiting payment',
      'Awaiting the admission list',
      'Exam and marking',
    ]);
    expect((await h.t.finalVariables(key)).payment).toMatchObject({
      status: 'completed',
      amountMop: 300,
    });
    expect(h.inAppTemplates(caseRef)).toEqual(['recruitment-admitted@1', 'recruitment-result@1']);
    const result = (await h.standInNotices(phone, caseRef)).find(
      (n) => n.template === 'recruitment-result@1',
    );
    expect(result?.personalisation).toMatchObject({ score: 72, passed: true });
  });

  it('should refuse at once an application whose name differs from the ID card', async () => {
    // given
    const caseRef = 'SAFP-REC-0002';

    // when
    const key = await h.startApplication(
      processId,
      application(caseRef, { fullNamePortuguese: 'Chan Tai Ming' }),
    );
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    const trail = await h.t.elementTrail(key);
    expect(trail).toContain('endNameMismatch:ELEMENT_COMPLETED');
    expect(trail).not.toContain('checkDocuments:ELEMENT_ACTIVATED');
    expect(h.inAppTemplates(caseRef)).toEqual(['recruitment-name-mismatch@1']);
  });

  it('should skip the payment when the fee is waived and tell an excluded candidate why', async () => {
    // given
    const caseRef = 'SAFP-REC-0003';
    const key = await h.startApplication(
      processId,
      application(caseRef, { feeWaiverRequested: true, waiverReason: 'IAS assistance' }),
    );

    // when
    await complete(key, 'checkDocuments', { documentCheck: 'accept', waiverGranted: true });
    await h.waitForElement(key, 'windowCloses');
    await h.t.advance(11 * 24 * 3_600_000);
    await complete(key, 'admit', {
      admission: 'exclude',
      exclusionReason: 'Degree not recognised',
    });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    const milestones = (await h.milestones(key)).map((m) => m.en);
    expect(milestones).not.toContain('Awaiting payment');
    expect(await h.t.elementTrail(key)).toContain('endExcluded:ELEMENT_COMPLETED');
    expect(h.inAppTemplates(caseRef)).toEqual(['recruitment-excluded@1']);
  });
});
