import { z } from 'zod';
import { agencyRequest } from '../runtime/agencyRequest';
import { defineConnector } from '../runtime/defineConnector';

const mop = z.number().positive('amounts are positive MOP values');

export const paymentInputSchema = z.object({
  caseRef: z
    .string()
    .min(1, 'caseRef is required: the payment-completed message is correlated by it'),
  amountMop: mop,
  items: z
    .array(z.object({ description: z.string().min(1), amountMop: mop }))
    .min(1, 'items must list at least one fee'),
  methods: z.array(z.enum(['mpay', 'bocpay', 'alipay-mo', 'unionpay', 'card'])).optional(),
  description: z.string().optional(),
  language: z.enum(['zh-Hant', 'pt', 'en']).default('zh-Hant'),
});

/**
 * Creates a payment request at the payment provider and returns the pay link for the
 * citizen. The outcome arrives later through `handlePaymentWebhook` as a message.
 */
export function paymentConnector(deps: { callbackUrl: string }) {
  return defineConnector({
    type: 'balcao:payment:1',
    input: paymentInputSchema,
    async run(input, ctx) {
      const response = await agencyRequest(ctx.agencies.payment, ctx, {
        method: 'POST',
        path: '/payments',
        body: {
          caseRef: input.caseRef,
          amountMop: input.amountMop,
          items: input.items,
          methods: input.methods,
          description: input.description,
          callbackUrl: deps.callbackUrl,
        },
      });
      const payment = response.body as { id: string; status: string; payUrl: string };
      const payUrl = new URL(payment.payUrl);
      payUrl.searchParams.set('lang', input.language);
      return { paymentId: payment.id, status: payment.status, payUrl: payUrl.toString() };
    },
  });
}
