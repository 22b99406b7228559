import express, { Router } from 'express';
import type { Database, Logger } from '@balcao/platform';
import { auditRefusal, auditRequest } from '../audit/auditRequest';

type WebhookHandler = (
  rawBody: Buffer,
  signature: string | undefined,
) => Promise<{ message: string; correlationKey: string }>;

/**
 * The payment provider's webhook. The signature covers the raw bytes, so this route reads the
 * body unparsed; an invalid signature answers 401 and the provider retries. Each call is
 * audited (outcome, case, source address), never its signature or body.
 */
export function paymentWebhookRoute(handle: WebhookHandler, log: Logger, db: Database): Router {
  const router = Router();
  router.post(
    '/webhooks/payment',
    express.raw({ type: '*/*', limit: '64kb' }),
    async (req, res, next) => {
      let published: { message: string; correlationKey: string } | undefined;
      try {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        published = await handle(body, req.header('x-signature'));
        log.info(published, 'payment outcome published');
      } catch (error) {
        await auditRefusal(db, log, req, error);
        next(error);
        return;
      }
      try {
        // Unaudited, the provider gets a 500 and retries; the message id makes the retry's
        // publication a duplicate the engine drops, so only the audit row is new.
        await auditRequest(db, req, 'ok', {
          target: `case:${published.correlationKey}`,
          details: { message: published.message },
        });
        res.status(202).json({ accepted: true });
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}
