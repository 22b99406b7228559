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

describe('P5 forms', () => {
  it('should accept a complete application', async () => {
    // when
    const result = await validateSubmission(form('marriage-registration-application'), {
      applicantIdNumber: '7000000(1)',
      spouseIdNumber: '13572468',
      preferredDate: '2026-02-14',
      propertyRegime: 'separate',
      consent: true,
    });

    // then
    expect(result.ok).toBe(true);
  });

  it('should refuse a bad spouse ID, a date in another format, an unknown regime and no declaration', async () => {
    // when
    const result = await validateSubmission(
      form('marriage-registration-application'),
      {
        applicantIdNumber: '7000000(1)',
        spouseIdNumber: '2222',
        preferredDate: '14/02/2026',
        propertyRegime: 'whatever',
        consent: false,
      },
      { language: 'pt' },
    );

    // then
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['spouseIdNumber', 'preferredDate', 'propertyRegime', 'consent']),
    );
  });

  it('should require the spouse to answer and the clerk to give a valid time', async () => {
    // when
    const noAnswer = await validateSubmission(form('marriage-registration-cosign'), {});
    const badTime = await validateSubmission(form('marriage-registration-booking'), {
      ceremonyDate: '2026-02-14',
      ceremonyTime: '25:00',
      ceremonyRoom: 'registry-hall',
    });

    // then
    expect(noAnswer.ok ? [] : noAnswer.errors.map((e) => e.path)).toEqual(['spouseDecision']);
    expect(badTime.ok ? [] : badTime.errors.map((e) => e.path)).toEqual(['ceremonyTime']);
  });

  it("should take the spouse's answer and a booking with a listed room", async () => {
    // when
    const agreed = await validateSubmission(form('marriage-registration-cosign'), {
      preferredDate: '2026-02-14',
      propertyRegime: 'acquired',
      spouseDecision: 'agree',
    });
    const declined = await validateSubmission(form('marriage-registration-cosign'), {
      spouseDecision: 'decline',
    });
    const booked = await validateSubmission(form('marriage-registration-booking'), {
      preferredDate: '2026-02-14',
      ceremonyDate: '2026-02-14',
      ceremonyTime: '11:00',
      ceremonyRoom: 'registry-hall',
    });
    const unknownRoom = await validateSubmission(form('marriage-registration-booking'), {
      ceremonyDate: '2026-02-14',
      ceremonyTime: '11:00',
      ceremonyRoom: 'beach',
    });

    // then
    expect(agreed.ok).toBe(true);
    expect(declined.ok).toBe(true);
    expect(booked.ok).toBe(true);
    expect(unknownRoom.ok ? [] : unknownRoom.errors.map((e) => e.path)).toEqual(['ceremonyRoom']);
  });

  it('should require the registration number only when the marriage is registered', async () => {
    // given
    const registrar = form('marriage-registration-registrar');

    // when
    const bad = await validateSubmission(registrar, { registrarDecision: 'register' });
    const notHeld = await validateSubmission(registrar, {
      registrarDecision: 'notHeld',
      rejectionReason: 'The spouses did not come',
    });

    // then
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['registrationNumber']);
    expect(notHeld.ok).toBe(true);
  });
});
