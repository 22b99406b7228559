import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhook, startAgencies, type RunningAgencies } from '@balcao/agencies';
import { createLogger, isBalcaoError } from '@balcao/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentWebhookHandler, type MessagePublisher } from './handlePaymentWebhook';

const published: Parameters<MessagePublisher['publishMessage']>[0][] = [];
const handlePaymentWebhook = createPaymentWebhookHandler({
  zeebe: { publishMessage: (message) => Promise.resolve(published.push(message)) },
  webhookSecret: 'demo-webhook-secret',
  log: createLogger({ level: 'silent', format: 'json' }),
});

let agencies: RunningAgencies;
let receiver: Server;
let received: Promise<void>;

beforeAll(async () => {
  // A receiver like the server's route: raw body + X-Signature into the handler.
  let done: () => void = () => undefined;
  received = new Promise((resolve) => (done = resolve));
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handlePaymentWebhook(
        Buffer.concat(chunks),
        req.headers['x-signature'] as string | undefined,
      ).then(
        () => {
          res.writeHead(204).end();
          done();
        },
        () => res.writeHead(401).end(),
      );
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  agencies = await startAgencies({ port: 0 });
});
afterAll(async () => {
  await agencies.close();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('handlePaymentWebhook', () => {
  it('should publish payment-completed correlated by the case ref when the provider calls back', async () => {
    // given a payment whose callback is our receiver
    const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const created = await fetch(`${agencies.urls.payment}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': agencies.apiKeys.payment },
      body: JSON.stringify({
        caseRef: 'CASE-W-1',
        amountMop: 60,
        items: [{ description: 'fee', amountMop: 60 }],
        callbackUrl,
      }),
    });
    const { id } = (await created.json()) as { id: string };

    // when the citizen pays
    await fetch(`${agencies.urls.payment}/payments/${id}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': agencies.apiKeys.payment },
      body: JSON.stringify({ method: 'mpay' }),
    });
    await received;

    // then
    expect(published).toEqual([
      expect.objectContaining({
        name: 'payment-completed',
        correlationKey: 'CASE-W-1',
        messageId: `${id}:completed`,
        variables: {
          payment: expect.objectContaining({
            id,
            status: 'completed',
            method: 'mpay',
            amountMop: 60,
          }),
        },
      }),
    ]);
  });

  it('should publish payment-failed and refuse a wrong signature', async () => {
    // given
    const body = JSON.stringify({
      event: 'payment.failed',
      paymentId: 'PAY-X',
      caseRef: 'CASE-W-2',
      status: 'failed',
      amountMop: 10,
      method: null,
      failureReason: 'declined',
      occurredAt: new Date().toISOString(),
    });

    // when
    const result = await handlePaymentWebhook(body, signWebhook('demo-webhook-secret', body));
    const refused = await handlePaymentWebhook(body, 'sha256=00').catch((error: unknown) => error);

    // then
    expect(result).toEqual({ message: 'payment-failed', correlationKey: 'CASE-W-2' });
    expect(isBalcaoError(refused, 'PAYMENT_WEBHOOK_SIGNATURE_INVALID')).toBe(true);
  });
});
