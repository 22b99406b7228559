import { createHmac, timingSafeEqual } from 'node:crypto';
import { BalcaoError, type Logger } from '@balcao/platform';
import { z } from 'zod';

export const PaymentMessage = {
  Completed: 'payment-completed',
  Failed: 'payment-failed',
} as const;

const webhookSchema = z.object({
  event: z.enum(['payment.completed', 'payment.failed']),
  paymentId: z.string().min(1),
  caseRef: z.string().min(1),
  status: z.enum(['completed', 'failed']),
  amountMop: z.number(),
  method: z.string().nullable().optional(),
  failureReason: z.string().nullable().optional(),
  occurredAt: z.string(),
});

/** The part of the SDK's `ZeebeGrpcClient` used to publish the outcome. */
export interface MessagePublisher {
  publishMessage(message: {
    name: string;
    correlationKey: string;
    messageId?: string;
    timeToLive: number;
    // The SDK's JSON type has no null: absent fields are left out instead.
    variables: Record<string, Record<string, string | number | boolean>>;
  }): Promise<unknown>;
}

/**
 * Returns the handler the server mounts for the payment provider's webhook. It checks the
 * HMAC signature over the raw body, then publishes `payment-completed` / `payment-failed`
 * correlated by the case ref. The message id is `<paymentId>:<status>`, so the provider's
 * retries of one webhook are published once (Zeebe drops a duplicate message id).
 */
export function createPaymentWebhookHandler(deps: {
  zeebe: MessagePublisher;
  webhookSecret: string;
  log: Logger;
  /** How long an unmatched message waits for the instance to reach its catch event. */
  messageTtlMs?: number;
}) {
  return async function handlePaymentWebhook(
    rawBody: string | Buffer,
    signature: string | undefined,
  ): Promise<{ message: string; correlationKey: string }> {
    const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody);
    const expected = `sha256=${createHmac('sha256', deps.webhookSecret).update(body).digest('hex')}`;
    if (
      signature === undefined ||
      signature.length !== expected.length ||
      !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
    ) {
      throw BalcaoError.nonRetryable(
        'PAYMENT_WEBHOOK_SIGNATURE_INVALID',
        'The payment webhook signature does not match; check the shared webhook secret.',
      );
    }
    const parsed = webhookSchema.safeParse(JSON.parse(body.toString('utf8')));
    if (!parsed.success) {
      throw BalcaoError.nonRetryable(
        'PAYMENT_WEBHOOK_INVALID',
        `The payment webhook body is not as expected: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`,
      );
    }
    const event = parsed.data;
    const name = event.status === 'completed' ? PaymentMessage.Completed : PaymentMessage.Failed;
    await deps.zeebe.publishMessage({
      name,
      correlationKey: event.caseRef,
      messageId: `${event.paymentId}:${event.status}`,
      timeToLive: deps.messageTtlMs ?? 24 * 60 * 60 * 1000,
      variables: {
        payment: {
          id: event.paymentId,
          status: event.status,
          amountMop: event.amountMop,
          occurredAt: event.occurredAt,
          ...(event.method ? { method: event.method } : {}),
          ...(event.failureReason ? { failureReason: event.failureReason } : {}),
        },
      },
    });
    deps.log.info(
      { paymentId: event.paymentId, caseRef: event.caseRef, message: name },
      'payment outcome published',
    );
    return { message: name, correlationKey: event.caseRef };
  };
}
