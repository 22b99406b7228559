import { z } from 'zod';

export const NoticeStatus = {
  Created: 'created',
  Sending: 'sending',
  Delivered: 'delivered',
  TemporaryFailure: 'temporary-failure',
  PermanentFailure: 'permanent-failure',
} as const;
export type NoticeStatus = (typeof NoticeStatus)[keyof typeof NoticeStatus];

const macaoPhone = /^\+853\d{8}$/;

export const newNoticeSchema = z
  .object({
    channel: z.enum(['push', 'sms', 'email', 'sepbox']),
    recipient: z.string().trim().min(1).max(320),
    senderAgency: z.string().trim().min(1).max(100),
    template: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._-]*@\d+$/,
        'expected template id@version, e.g. application-received@1',
      ),
    personalisation: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .default({}),
    language: z.enum(['zh-Hant', 'pt', 'en']).default('zh-Hant'),
    caseRef: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((notice, ctx) => {
    if (notice.channel === 'sms' && !macaoPhone.test(notice.recipient)) {
      ctx.addIssue({
        code: 'custom',
        path: ['recipient'],
        message: 'expected a Macao phone number: +853 and 8 digits',
      });
    }
    if (notice.channel === 'email' && !z.email().safeParse(notice.recipient).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['recipient'],
        message: 'expected a valid e-mail address',
      });
    }
  });
export type NewNotice = z.infer<typeof newNoticeSchema>;

export interface Notice extends NewNotice {
  id: string;
  status: NoticeStatus;
  failureReason: string | null;
  createdAt: string;
  history: { status: NoticeStatus; at: string }[];
}

/**
 * Outcome of a send, chosen by recipient so tests can ask for each: documented in the README.
 */
export function deliveryOutcome(notice: NewNotice): {
  status: NoticeStatus;
  reason: string | null;
} {
  if (notice.recipient === '+85360000001' || notice.recipient.endsWith('@tempfail.example')) {
    return {
      status: 'temporary-failure',
      reason: 'Recipient unreachable for now; try again later.',
    };
  }
  if (notice.recipient === '+85360000002' || notice.recipient.endsWith('@bounce.example')) {
    return { status: 'permanent-failure', reason: 'Recipient does not exist.' };
  }
  return { status: 'delivered', reason: null };
}
