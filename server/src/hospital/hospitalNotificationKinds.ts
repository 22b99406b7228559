import { z } from 'zod';

const idNumber = z
  .string()
  .trim()
  .regex(/^[157]\d{6}\(?\d\)?$/, 'expected a Macao resident ID number such as 1234567(8)');
const phone = z.string().regex(/^\+853\d{8}$/, 'expected +853 and 8 digits');
const pastDate = z.iso.date().refine((d) => d <= macaoToday(), 'the date cannot be in the future');

/** What every notification carries: the hospital's own number for it, and the family's language. */
const common = {
  notificationId: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9/_.-]{2,63}$/,
      "expected the hospital's notification number, e.g. SSM-BN-2026-000123",
    ),
  language: z.enum(['zh-Hant', 'pt', 'en']).default('zh-Hant'),
};

export const birthNotificationSchema = z.object({
  ...common,
  dateOfBirth: pastDate,
  sex: z.enum(['M', 'F']),
  motherIdNumber: idNumber,
  fatherIdNumber: idNumber.optional(),
  /** The parents' mobile: notices also go by SMS. */
  familyPhone: phone.optional(),
});

export const deathNotificationSchema = z.object({
  ...common,
  dateOfDeath: pastDate,
  deceasedIdNumber: idNumber,
  /** The next of kin who will declare the death. */
  declarantIdNumber: idNumber.optional(),
  familyPhone: phone.optional(),
});

export interface HospitalNotificationKind<S extends z.ZodType> {
  kind: 'birth' | 'death';
  /** The library procedure it starts (PROCEDURES.md P4, P6). */
  processId: string;
  /** The process variable that keeps the hospital's number. */
  idVariable: string;
  body: S;
  /** ID numbers of the family members who may follow the case, in order of preference. */
  familyIdNumbers(body: z.infer<S>): (string | undefined)[];
  /** The process variables of the notification (the server adds hospital, caseRef, …). */
  variables(body: z.infer<S>): Record<string, unknown>;
}

export const births: HospitalNotificationKind<typeof birthNotificationSchema> = {
  kind: 'birth',
  processId: 'birth-registration',
  idVariable: 'birthNotificationId',
  body: birthNotificationSchema,
  familyIdNumbers: (b) => [b.motherIdNumber, b.fatherIdNumber],
  variables: (b) => ({
    birthNotificationId: b.notificationId,
    dateOfBirth: b.dateOfBirth,
    sex: b.sex,
    motherIdNumber: b.motherIdNumber,
    ...(b.fatherIdNumber ? { fatherIdNumber: b.fatherIdNumber } : {}),
    ...(b.familyPhone ? { applicantPhone: b.familyPhone } : {}),
  }),
};

export const deaths: HospitalNotificationKind<typeof deathNotificationSchema> = {
  kind: 'death',
  processId: 'death-registration',
  idVariable: 'deathNotificationId',
  body: deathNotificationSchema,
  familyIdNumbers: (b) => [b.declarantIdNumber],
  variables: (b) => ({
    deathNotificationId: b.notificationId,
    dateOfDeath: b.dateOfDeath,
    deceasedIdNumber: b.deceasedIdNumber,
    ...(b.declarantIdNumber ? { declarantIdNumber: b.declarantIdNumber } : {}),
    ...(b.familyPhone ? { applicantPhone: b.familyPhone } : {}),
  }),
};

/** Today in Macao (UTC+8): a birth just after midnight there is still "yesterday" in UTC. */
function macaoToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
