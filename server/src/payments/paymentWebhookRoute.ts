import express, { Router } from 'express';
import type { Logger } from '@balcao/platform';

type WebhookHandler = (
  rawBody: Buffer,
  signature: string | undefined,
) => Promise<{ message: string; correlationKey: string }>;

/**
 * The payment provider's webhook. The signature covers the raw bytes, so this route reads the
 * body unparsed; an invalid signature answers 401 and the provider retries.
 */
export function paymentWebhookRoute(handle: WebhookHandler, log: Logger): Router {
  const router = Router();
  router.post(
    '/webhooks/payment',
    express.raw({ type: '*/*', limit: '64kb' }),
    async (req, res, next) => {
      try {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const published = await handle(body, req.header('x-signature'));
        log.info(published, 'payment outcome published');
        res.status(202).json({ accepted: true });
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}
