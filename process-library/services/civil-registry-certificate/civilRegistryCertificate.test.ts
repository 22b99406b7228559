import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'civil-registry-certificate';
const phone = '+85366123458';
let h: ScenarioHarness;

beforeAll(async () => {
  h = await ScenarioHarness.start();
});

afterAll(async () => {
  await h.close();
});

function application(caseRef: string, extra: Record<string, unknown>) {
  return {
    caseRef,
    applicantAccount: 'citizen-P0001',
    applicantPhone: phone,
    language: 'zh-Hant',
    applicantName: 'CHAN TAI MAN',
    applicantIdNumber: '12345678',
    recordType: 'birth',
    subjectIdNumber: '12345678',
    recordLanguage: 'pt',
    copies: 1,
    ...extra,
  };
}

describe('P3 civil registry certificate', () => {
  it('should issue the applicant own birth certificate in Portuguese after payment', async () => {
    // given
    const caseRef = 'DSAJ-CRC-0001';
    const key = await h.startApplication(processId, application(caseRef, {}));

    // when
    await h.settlePayment(key, 'complete');
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'In process at DSAJ',
      'Awaiting payment',
      'Certificate issued',
    ]);
    const vars = await h.t.finalVariables(key);
    expect(vars.payment).toMatchObject({ status: 'completed', amountMop: 40 });
    expect(vars.certificate).toMatchObject({ language: 'pt' });
    expect(h.inAppTemplates(caseRef)).toEqual(['civil-registry-certificate-ready@1']);
  });

  it('should charge two sheets per copy for a parent death record once kinship is confirmed', async () => {
    // given the applicant's late father (P0003): the registry confirms the relation
    const caseRef = 'DSAJ-CRC-0002';
    const key = await h.startApplication(
      processId,
      application(caseRef, { recordType: 'death', subjectIdNumber: '10234561', copies: 2 }),
    );

    // when
    await h.settlePayment(key, 'complete');
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect((await h.milestones(key)).map((m) => m.en)).toEqual([
      'Checking kinship',
      'In process at DSAJ',
      'Awaiting payment',
      'Certificate issued',
    ]);
    expect((await h.t.finalVariables(key)).payment).toMatchObject({ amountMop: 80 });
  });

  it('should send an unrelated request to a clerk and notify the rejection', async () => {
    // given a record of someone unrelated to the applicant
    const caseRef = 'DSAJ-CRC-0003';
    const key = await h.startApplication(
      processId,
      application(caseRef, { subjectIdNumber: '70000001' }),
    );

    // when
    const declaration = await h.waitForUserTask(key, 'declaration');
    await h.t.engine.completeUserTask({
      key: declaration,
      variables: { clerkDecision: 'reject', rejectionReason: 'No interest shown' },
    });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endRejected:ELEMENT_COMPLETED');
    expect(await h.standInNotices(phone, caseRef)).toEqual([
      expect.objectContaining({
        template: 'civil-registry-certificate-rejected@1',
        personalisation: expect.objectContaining({ reason: 'No interest shown' }),
      }),
    ]);
  });

  it('should tell the applicant when the registry has no such record', async () => {
    // given a non-permanent resident born outside Macao (P0008) asking for a birth record
    const caseRef = 'DSAJ-CRC-0004';

    // when
    const key = await h.startApplication(
      processId,
      application(caseRef, { applicantIdNumber: '70000001', subjectIdNumber: '70000001' }),
    );
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endNoRecord:ELEMENT_COMPLETED');
    expect(h.inAppTemplates(caseRef)).toEqual(['civil-registry-no-record@1']);
  });
});
