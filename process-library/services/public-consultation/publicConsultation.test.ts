import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioHarness } from '../../src/scenario/ScenarioHarness';

const processId = 'public-consultation';
let h: ScenarioHarness;

// Starting deploys the whole library: slow on a busy machine.
beforeAll(async () => {
  h = await ScenarioHarness.start();
}, 180_000);

afterAll(async () => {
  await h.close();
});

/** The test clock starts on 2026-01-05 09:00 in Macao; the consultation closes on the 20th. */
const consultation = {
  ref: 'CONS-2026-01',
  title: 'Revisão da lei do trânsito rodoviário',
  organiser: 'DSAT',
  closesAt: '2026-01-20T23:59:00+08:00',
};

function opinion(caseRef: string, applicantAccount: string) {
  return {
    caseRef,
    applicantAccount,
    applicantPhone: '+85366123465',
    language: 'pt',
    consultationRef: consultation.ref,
    consultation,
    participantType: 'individual',
    stance: 'support',
    opinion: 'Concordo com mais passadeiras junto das escolas.',
    publishConsent: true,
  };
}

async function complete(key: number, elementId: string, variables: Record<string, unknown>) {
  await h.t.engine.completeUserTask({ key: await h.waitForUserTask(key, elementId), variables });
}

describe('P9 public consultation participation', { timeout: 120_000 }, () => {
  it('should count opinions and send every participant the report once it is published', async () => {
    // given two participants whose opinions are counted
    const first = await h.startApplication(processId, opinion('CONS-OP-0001', 'citizen-P0001'));
    const second = await h.startApplication(processId, opinion('CONS-OP-0002', 'citizen-P0002'));
    for (const key of [first, second])
      await complete(key, 'moderate', {
        moderation: 'count',
        topic: 'school zones',
        classifiedStance: 'support',
      });
    await h.waitForElement(first, 'closes');
    await h.waitForElement(second, 'closes');

    // when the consultation closes and the organiser publishes the report to each participant
    await h.t.advance(16 * 24 * 3_600_000);
    await h.waitForElement(first, 'waitReport');
    await h.waitForElement(second, 'waitReport');
    for (const caseRef of ['CONS-OP-0001', 'CONS-OP-0002'])
      await h.t.engine.publishMessage({
        name: 'consultation-report-published',
        correlationKey: caseRef,
        timeToLive: 0,
        messageId: `${consultation.ref}:report:${caseRef}`,
        variables: {
          report: { url: 'https://www.dsat.gov.mo/cons-2026-01.pdf', applicationsCounted: 2 },
        },
      });

    // then both participants get the report, from the organiser
    for (const [key, caseRef] of [
      [first, 'CONS-OP-0001'],
      [second, 'CONS-OP-0002'],
    ] as const) {
      expect(await h.waitForEnd(key)).toBe('COMPLETED');
      expect((await h.milestones(key)).map((m) => m.en)).toEqual([
        'Opinion under review',
        'Report published',
      ]);
      expect(h.inAppTemplates(caseRef)).toEqual([
        'consultation-opinion-received@1',
        'consultation-report@1',
      ]);
    }
    const report = h.notices.notices.find(
      (n) => n.caseRef === 'CONS-OP-0002' && n.template === 'consultation-report@1',
    );
    expect(report).toMatchObject({
      senderAgency: 'DSAT',
      personalisation: expect.objectContaining({ opinionsCounted: 2 }),
    });
    expect((await h.t.finalVariables(first)).classifiedStance).toBe('support');
  });

  it('should tell the participant why an opinion is set aside', async () => {
    // given
    const caseRef = 'CONS-OP-0003';
    const key = await h.startApplication(processId, opinion(caseRef, 'citizen-P0006'));

    // when
    await complete(key, 'moderate', { moderation: 'setAside', setAsideReason: 'duplicate' });
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endSetAside:ELEMENT_COMPLETED');
    expect(h.inAppTemplates(caseRef)).toEqual([
      'consultation-opinion-received@1',
      'consultation-opinion-set-aside@1',
    ]);
  });

  it('should close the participation when no report comes within 180 days', async () => {
    // given a counted opinion on a consultation that has closed
    const caseRef = 'CONS-OP-0004';
    const key = await h.startApplication(processId, opinion(caseRef, 'citizen-P0004'));
    await complete(key, 'moderate', {
      moderation: 'count',
      topic: 'parking',
      classifiedStance: 'oppose',
    });
    await h.waitForElement(key, 'closes');
    await h.t.advance(16 * 24 * 3_600_000);
    await h.waitForElement(key, 'waitReport');

    // when
    await h.t.advance(181 * 24 * 3_600_000);
    const state = await h.waitForEnd(key);

    // then
    expect(state).toBe('COMPLETED');
    expect(await h.t.elementTrail(key)).toContain('endNoReport:ELEMENT_COMPLETED');
  });
});
