import { randomUUID } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import { AgencyErrorCode, agencyError } from '../http/agencyErrors';
import { parseInput } from '../http/parseInput';
import { command } from '../idempotency/command';
import type { IdempotencyStore } from '../idempotency/IdempotencyStore';
import type { AgencyState } from '../state/StateStore';
import { newPaymentSchema, paymentMethods, type Payment } from './Payment';
import { payPage, payPageLanguages } from './payPage';
import { settlePayment } from './settlePayment';
import type { WebhookSender } from './WebhookSender';

interface Deps {
  state: AgencyState;
  save: () => void;
  now: () => Date;
  idempotency: IdempotencyStore;
  webhooks: WebhookSender;
  /** Base URL of the pay page as the citizen's browser reaches it. */
  payPageBase: () => string;
}

const completeSchema = z.object({ method: z.enum(paymentMethods).optional() });
const failSchema = z.object({ reason: z.string().trim().min(1).max(500).optional() });

/** The payment provider's API (needs the payment API key). */
export function paymentRouter(deps: Deps): Router {
  const router = Router();
  const payments = deps.state.payments;

  router.post(
    '/payments',
    command(deps.idempotency, 'payment', (req) => {
      const input = parseInput(newPaymentSchema, req.body, 'body');
      const at = deps.now().toISOString();
      const id = `PAY-${randomUUID()}`;
      const payment: Payment = {
        ...input,
        id,
        status: 'started',
        payUrl: `${deps.payPageBase()}/pay/${id}`,
        method: null,
        failureReason: null,
        createdAt: at,
        updatedAt: at,
        history: [{ status: 'started', at }],
        webhook: { attempts: [], state: 'none' },
      };
      payments[id] = payment;
      deps.save();
      return { status: 201, body: payment };
    }),
  );

  router.get('/payments/:id', (req, res) => {
    res.json(paymentOrThrow(payments, String(req.params.id)));
  });

  router.post(
    '/payments/:id/complete',
    command(deps.idempotency, 'payment', (req) => {
      const { method } = parseInput(completeSchema, req.body ?? {}, 'body');
      const payment = paymentOrThrow(payments, String(req.params.id));
      settlePayment(payment, { result: 'completed', method }, deps.now());
      deps.save();
      deps.webhooks.deliver(payment);
      return { status: 200, body: payment };
    }),
  );

  router.post(
    '/payments/:id/fail',
    command(deps.idempotency, 'payment', (req) => {
      const { reason } = parseInput(failSchema, req.body ?? {}, 'body');
      const payment = paymentOrThrow(payments, String(req.params.id));
      settlePayment(payment, { result: 'failed', reason }, deps.now());
      deps.save();
      deps.webhooks.deliver(payment);
      return { status: 200, body: payment };
    }),
  );
  return router;
}

const pageQuerySchema = z.object({ lang: z.enum(payPageLanguages).catch('zh-Hant') });
const pageFormSchema = z.object({ action: z.enum(['pay', 'fail']) });

/** The citizen-facing pay page: public (the unguessable payment id is the credential). */
export function payPageRouter(deps: Deps): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '4kb' }));
  router.get('/pay/:id', (req, res) => {
    const { lang } = parseInput(pageQuerySchema, req.query, 'query');
    const payment = paymentOrThrow(deps.state.payments, String(req.params.id));
    res.type('html').send(payPage(payment, lang));
  });
  router.post('/pay/:id', (req, res) => {
    const { lang } = parseInput(pageQuerySchema, req.query, 'query');
    const { action } = parseInput(pageFormSchema, req.body ?? {}, 'body');
    const payment = paymentOrThrow(deps.state.payments, String(req.params.id));
    settlePayment(
      payment,
      action === 'pay' ? { result: 'completed' } : { result: 'failed' },
      deps.now(),
    );
    deps.save();
    deps.webhooks.deliver(payment);
    // Post/redirect/get: reloading the page must not pay twice.
    res.redirect(303, `${payment.id}?lang=${lang}`);
  });
  return router;
}

function paymentOrThrow(payments: Record<string, Payment>, id: string): Payment {
  const payment = payments[id];
  if (payment === undefined) {
    throw agencyError(
      AgencyErrorCode.NotFound,
      `There is no payment ${id}: check the id returned when it was created.`,
    );
  }
  return payment;
}
