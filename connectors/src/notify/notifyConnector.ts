import { z } from 'zod';
import { agencyRequest } from '../runtime/agencyRequest';
import { defineConnector } from '../runtime/defineConnector';
import type { InAppNoticeSink } from './InAppNoticeSink';

export const notifyInputSchema = z.object({
  account: z
    .string()
    .min(1, 'account is required (the citizen account that gets the in-app notice)'),
  senderAgency: z.string().min(1, 'senderAgency is required, e.g. DSI'),
  template: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]*@\d+$/, 'template must be id@version, e.g. payment-requested@1'),
  language: z.enum(['zh-Hant', 'pt', 'en']).default('zh-Hant'),
  personalisation: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  caseRef: z.string().optional(),
  email: z.string().email('email must be an e-mail address').optional(),
  phone: z
    .string()
    .regex(/^\+853\d{8}$/, 'phone must be +853 and 8 digits')
    .optional(),
});

export type NotifyInput = z.infer<typeof notifyInputSchema>;

interface ChannelResult {
  id: string;
  status: string;
}

/**
 * Sends a notice to a citizen: in-app always (through the sink), and by e-mail and / or SMS
 * through the notification gateway when an address is given. Each write has its own
 * idempotency key derived from the job key, so a retried job sends each channel once.
 */
export function notifyConnector(deps: { inApp: InAppNoticeSink }) {
  return defineConnector({
    type: 'balcao:notify:1',
    input: notifyInputSchema,
    async run(input, ctx) {
      const inApp = await deps.inApp.deliver({
        idempotencyKey: `${ctx.idempotencyKey}:in-app`,
        account: input.account,
        senderAgency: input.senderAgency,
        template: input.template,
        language: input.language,
        personalisation: input.personalisation,
        caseRef: input.caseRef,
      });
      const send = async (channel: 'email' | 'sms', recipient: string): Promise<ChannelResult> => {
        const response = await agencyRequest(ctx.agencies.notification, ctx, {
          method: 'POST',
          path: '/notices',
          idempotencyKey: `${ctx.idempotencyKey}:${channel}`,
          body: {
            channel,
            recipient,
            senderAgency: input.senderAgency,
            template: input.template,
            personalisation: input.personalisation,
            language: input.language,
            caseRef: input.caseRef,
          },
        });
        const notice = response.body as { id: string; status: string };
        return { id: notice.id, status: notice.status };
      };
      return {
        inApp: { id: inApp.id, status: 'delivered' },
        email: input.email === undefined ? null : await send('email', input.email),
        sms: input.phone === undefined ? null : await send('sms', input.phone),
      };
    },
  });
}
