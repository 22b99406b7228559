import { AgencyErrorCode, agencyError } from '../http/agencyErrors';
import type { Payment } from './Payment';

/**
 * Ends a started payment: started → processing → completed | failed. Both steps are
 * recorded; the stand-in's provider answers at once.
 */
export function settlePayment(
  payment: Payment,
  outcome:
    | { result: 'completed'; method?: string | undefined }
    | { result: 'failed'; reason?: string | undefined },
  now: Date,
): void {
  if (payment.status !== 'started') {
    throw agencyError(
      AgencyErrorCode.InvalidTransition,
      `Expected status started to settle payment ${payment.id}, but it is ${payment.status}.`,
      { status: payment.status, expected: ['started'] },
    );
  }
  const at = now.toISOString();
  payment.history.push({ status: 'processing', at });
  payment.status = outcome.result;
  if (outcome.result === 'completed') payment.method = outcome.method ?? payment.methods[0] ?? null;
  else payment.failureReason = outcome.reason ?? 'Declined by the payment provider.';
  payment.history.push({ status: outcome.result, at });
  payment.updatedAt = at;
  payment.webhook.state = 'pending';
}
