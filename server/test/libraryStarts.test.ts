import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from './apiHarness';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';
import {
  applied,
  apply,
  complete,
  fieldErrors,
  instanceWaitingAt,
  taskOf,
  type Task,
} from './libraryJourney';

// Citizens apply from the portal for the procedures that need more than their form: the server
// finds the spouse's portal account (P5) and puts the chosen exam notice (P8) or consultation
// (P9) into the variables, so the instance reaches the co-signature or waits for the closing
// date; a spouse without an account, an unknown or a closed call is a field error.

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('procedures of the library started from the portal', { timeout: 300_000 }, () => {
  let t: TestBalcao;
  /** The API's clock (closing dates); the engine keeps the real one. */
  let clock: Date | undefined;

  beforeAll(async () => {
    t = await startTestBalcao({
      integrations: true,
      library: true,
      now: () => clock ?? new Date(),
    });
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  describe('P5 marriage registration', () => {
    const marriage = {
      applicantIdNumber: '7000000(1)',
      spouseIdNumber: '1357246(8)',
      preferredDate: '2027-02-14',
      propertyRegime: 'acquired',
      consent: true,
    };

    it('should ask the spouse to co-sign in the portal', async () => {
      // given HO WAI and CHAN KA IAN, both single, both with a portal account
      const applicant = await t.signIn('ho-wai', 'demo-citizen');
      const spouse = await t.signIn('chan-ka-ian', 'demo-citizen');

      // when HO WAI applies
      const number = await applied(await apply(applicant, 'marriage-registration', marriage));

      // then CHAN KA IAN gets the co-signature task and can open it
      const task = await taskOf(spouse, number, 'cosign');
      const opened = await spouse.call(`/api/tasks/${task.id}`);
      expect(opened.status).toBe(200);
      const applicantsTasks = (await (await applicant.call('/api/tasks')).json()) as {
        items: Task[];
      };
      expect(applicantsTasks.items).toEqual([]);
    }, 120_000);

    it('should refuse a spouse without a portal account, in the language of the application', async () => {
      // given CHAN KA HOU (1234567(9)) is in the civil registry but has no portal account
      const applicant = await t.signIn('ho-wai', 'demo-citizen');

      // when
      const pt = await apply(
        applicant,
        'marriage-registration',
        { ...marriage, spouseIdNumber: '12345679' },
        'pt',
      );
      const zh = await apply(
        applicant,
        'marriage-registration',
        { ...marriage, spouseIdNumber: '1234567(9)' },
        'zh-Hant',
      );
      const own = await apply(applicant, 'marriage-registration', {
        ...marriage,
        spouseIdNumber: '70000001',
      });

      // then
      expect(await fieldErrors(pt)).toEqual([
        { path: 'spouseIdNumber', in: 'body', message: expect.stringContaining('conta no portal') },
      ]);
      expect(await fieldErrors(zh)).toEqual([
        { path: 'spouseIdNumber', in: 'body', message: expect.stringContaining('平台開立帳戶') },
      ]);
      expect(await fieldErrors(own)).toEqual([
        { path: 'spouseIdNumber', in: 'body', message: expect.stringContaining('not your own') },
      ]);
    });
  });

  describe('P8 recruitment exam registration', () => {
    const registration = async (citizen: SignedIn, examRef: string) => {
      const upload = await fetch(`${t.url}/api/documents`, {
        method: 'POST',
        headers: {
          cookie: citizen.cookie,
          'x-csrf-token': citizen.csrf,
          'content-type': 'application/pdf',
          'x-file-name': 'degree.pdf',
        },
        body: pdf,
      });
      expect(upload.status).toBe(201);
      return {
        examRef,
        idNumber: '1234567(8)',
        fullNameChinese: '陳大文',
        fullNamePortuguese: 'CHAN TAI MAN',
        education: 'bachelor',
        qualificationDocuments: [await upload.json()],
        feeWaiverRequested: true,
        waiverReason: 'Unemployed since June',
        declaration: true,
      };
    };

    it('should wait for the chosen exam notice to close before the admission list', async () => {
      // given
      const citizen = await t.signIn('citizen');
      const clerk = await t.signIn('safp-clerk');

      // when the citizen registers and a SAFP clerk accepts the documents and the waiver
      const number = await applied(
        await apply(
          citizen,
          'recruitment-exam-registration',
          await registration(citizen, 'SAFP-2027-TS-01'),
        ),
      );
      await complete(clerk, await taskOf(clerk, number, 'checkDocuments'), {
        documentCheck: 'accept',
        waiverGranted: true,
      });

      // then the instance waits on the notice's closing date
      const vars = await instanceWaitingAt(
        t,
        'recruitment-exam-registration',
        number,
        'windowCloses',
      );
      expect(JSON.parse(vars.exam ?? 'null')).toEqual({
        ref: 'SAFP-2027-TS-01',
        title: 'Unified recruitment exam: senior technician (administration)',
        closesAt: '2027-06-30T17:45:00+08:00',
        organiser: 'SAFP',
        examDate: '2027-08-21',
      });
    }, 120_000);

    it('should refuse an exam notice that is not listed or has closed', async () => {
      // given
      const citizen = await t.signIn('citizen');
      const data = await registration(citizen, 'SAFP-2027-TS-01');

      // when
      const unknown = await apply(citizen, 'recruitment-exam-registration', {
        ...data,
        examRef: 'SAFP-1999-XX-01',
      });
      clock = new Date('2027-07-01T09:00:00+08:00');
      const closed = await apply(citizen, 'recruitment-exam-registration', data).finally(() => {
        clock = undefined;
      });

      // then
      expect((await fieldErrors(unknown)).map((f) => f.path)).toEqual(['examRef']);
      expect(await fieldErrors(closed)).toEqual([
        {
          path: 'examRef',
          in: 'body',
          message:
            '“Unified recruitment exam: senior technician (administration)” closed on 30 June 2027. Choose one that is still open.',
        },
      ]);
    });
  });

  describe('P9 public consultation', () => {
    const opinion = {
      consultationRef: 'CONS-2027-SAFP-01',
      participantType: 'individual',
      stance: 'support',
      opinion: 'Every service should be available online with one account.',
      publishConsent: true,
    };

    it('should wait for the consultation to close once the moderator has counted the opinion', async () => {
      // given
      const citizen = await t.signIn('citizen');
      const moderator = await t.signIn('safp-clerk');

      // when the citizen gives an opinion and a moderator counts it
      const number = await applied(await apply(citizen, 'public-consultation', opinion, 'pt'));
      await complete(moderator, await taskOf(moderator, number, 'moderate'), {
        moderation: 'count',
        topic: 'one account',
        classifiedStance: 'support',
      });

      // then the instance waits on the consultation's closing date, titled in Portuguese
      const vars = await instanceWaitingAt(t, 'public-consultation', number, 'closes');
      expect(JSON.parse(vars.consultation ?? 'null')).toEqual({
        ref: 'CONS-2027-SAFP-01',
        title: 'Consulta pública sobre o plano de governo electrónico 2027–2030',
        closesAt: '2027-06-30T23:59:00+08:00',
        organiser: 'SAFP',
      });
    }, 120_000);

    it('should refuse an opinion on a consultation that has closed, in the language of the application', async () => {
      // given
      const citizen = await t.signIn('citizen');
      clock = new Date('2027-04-01T00:00:00+08:00');

      // when
      const closed = await apply(
        citizen,
        'public-consultation',
        { ...opinion, consultationRef: 'CONS-2027-DSAT-01' },
        'zh-Hant',
      ).finally(() => {
        clock = undefined;
      });

      // then
      expect(await fieldErrors(closed)).toEqual([
        {
          path: 'consultationRef',
          in: 'body',
          message: '「修訂《道路交通法》公開諮詢」已於2027年3月31日截止，請選擇仍接受申請的項目。',
        },
      ]);
    });
  });
});
