import { createHmac } from 'node:crypto';
import type { Logger } from '@balcao/platform';
import type { Payment } from './Payment';

export interface WebhookOptions {
  secret: string;
  maxAttempts: number;
  retryDelayMs: number;
  timeoutMs: number;
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`, as sent in `X-Signature`. */
export function signWebhook(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * Posts the settled payment to its callback URL until a 2xx answer, at most `maxAttempts`
 * times with a doubling delay. Every attempt is recorded on the payment.
 */
export class WebhookSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly aborts = new Set<AbortController>();
  private stopped = false;

  constructor(
    private readonly options: WebhookOptions,
    private readonly save: () => void,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  deliver(payment: Payment): void {
    this.schedule(payment, 0);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const abort of this.aborts) abort.abort();
  }

  private schedule(payment: Payment, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(payment);
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(payment: Payment): Promise<void> {
    const body = JSON.stringify({
      event: `payment.${payment.status}`,
      paymentId: payment.id,
      caseRef: payment.caseRef,
      status: payment.status,
      amountMop: payment.amountMop,
      method: payment.method,
      failureReason: payment.failureReason,
      occurredAt: payment.updatedAt,
    });
    const abort = new AbortController();
    this.aborts.add(abort);
    const timeout = setTimeout(() => abort.abort(), this.options.timeoutMs);
    let httpStatus: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(payment.callbackUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Signature': signWebhook(this.options.secret, body),
          // Same id on every retry, so the receiver can drop duplicates.
          'X-Webhook-Id': `${payment.id}:${payment.status}`,
        },
        body,
        signal: abort.signal,
      });
      httpStatus = response.status;
      await response.body?.cancel();
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    } finally {
      clearTimeout(timeout);
      this.aborts.delete(abort);
    }
    if (this.stopped) return;
    payment.webhook.attempts.push({ at: this.now().toISOString(), httpStatus, error });
    const ok = httpStatus !== null && httpStatus >= 200 && httpStatus < 300;
    const attempts = payment.webhook.attempts.length;
    if (ok) payment.webhook.state = 'delivered';
    else if (attempts >= this.options.maxAttempts) payment.webhook.state = 'gave-up';
    this.save();
    if (ok) return;
    this.logger.warn(
      { paymentId: payment.id, attempts, httpStatus, error },
      'payment webhook not accepted',
    );
    if (payment.webhook.state === 'pending') {
      this.schedule(payment, this.options.retryDelayMs * 2 ** (attempts - 1));
    }
  }
}
