import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAgencies, type RunningAgencies } from '../startAgencies';
import { callAgency } from '../testing/callAgency';
import { startReceiver } from '../testing/startReceiver';
import type { Payment } from './Payment';
import { signWebhook } from './WebhookSender';

describe('payment provider stand-in', () => {
  let agencies: RunningAgencies;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    agencies = await startAgencies({
      webhook: { maxAttempts: 3, retryDelayMs: 5, timeoutMs: 2000 },
    });
  });

  afterAll(async () => {
    await agencies.close();
  });

  afterEach(async () => {
    await receiver?.close();
  });

  const request = (callbackUrl: string) => ({
    caseRef: 'CASE-PAY-1',
    amountMop: 60,
    items: [
      { description: 'Certificate fee', amountMop: 50 },
      { description: 'Postage', amountMop: 10 },
    ],
    methods: ['mpay', 'card'],
    callbackUrl,
  });

  it('should start a payment with a pay page URL', async () => {
    // given
    receiver = await startReceiver(0);

    // when
    const reply = await callAgency<Payment>(agencies, 'payment', '/payments', {
      body: request(receiver.url),
    });

    // then
    expect(reply.status).toBe(201);
    expect(reply.body.status).toBe('started');
    expect(reply.body.payUrl).toBe(`${agencies.url}/payment/pay/${reply.body.id}`);
  });

  it('should post a signed webhook on completion and retry until it is accepted', async () => {
    // given
    receiver = await startReceiver(1);
    const { body: payment } = await callAgency<Payment>(agencies, 'payment', '/payments', {
      body: request(receiver.url),
    });

    // when
    const completed = await callAgency<Payment>(
      agencies,
      'payment',
      `/payments/${payment.id}/complete`,
      {
        body: { method: 'mpay' },
      },
    );
    await receiver.until(2);

    // then
    expect(completed.body.history.map((h) => h.status)).toEqual([
      'started',
      'processing',
      'completed',
    ]);
    const [first, second] = receiver.received;
    expect(second!.body).toBe(first!.body);
    expect(second!.headers['x-signature']).toBe(signWebhook(agencies.webhookSecret, second!.body));
    expect(JSON.parse(second!.body)).toMatchObject({
      event: 'payment.completed',
      paymentId: payment.id,
      caseRef: 'CASE-PAY-1',
      amountMop: 60,
      method: 'mpay',
    });
    await expect
      .poll(
        async () =>
          (await callAgency<Payment>(agencies, 'payment', `/payments/${payment.id}`)).body.webhook,
      )
      .toMatchObject({ state: 'delivered', attempts: [{ httpStatus: 500 }, { httpStatus: 204 }] });
  });

  it('should give up after the bounded number of attempts', async () => {
    // given
    receiver = await startReceiver(100);
    const { body: payment } = await callAgency<Payment>(agencies, 'payment', '/payments', {
      body: request(receiver.url),
    });

    // when
    await callAgency(agencies, 'payment', `/payments/${payment.id}/fail`, {
      body: { reason: 'Card declined' },
    });
    await receiver.until(3);

    // then
    await expect
      .poll(
        async () =>
          (await callAgency<Payment>(agencies, 'payment', `/payments/${payment.id}`)).body.webhook
            .state,
      )
      .toBe('gave-up');
    expect(receiver.received).toHaveLength(3);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({
      event: 'payment.failed',
      failureReason: 'Card declined',
    });
  });

  it('should refuse to complete a payment twice with 409', async () => {
    // given
    receiver = await startReceiver(0);
    const { body: payment } = await callAgency<Payment>(agencies, 'payment', '/payments', {
      body: request(receiver.url),
    });
    await callAgency(agencies, 'payment', `/payments/${payment.id}/complete`, { body: {} });

    // when
    const again = await callAgency(agencies, 'payment', `/payments/${payment.id}/fail`, {
      body: {},
    });

    // then
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      error: { message: expect.stringContaining('but it is completed') as unknown },
    });
  });

  it('should reject an amount that is not the sum of the items', async () => {
    // when
    const reply = await callAgency(agencies, 'payment', '/payments', {
      body: { ...request('http://127.0.0.1:1/cb'), amountMop: 70 },
    });

    // then
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { fields: [{ path: 'amountMop' }] } });
  });

  it.each([
    ['zh-Hant', '付款'],
    ['pt', 'Pagar'],
    ['en', 'Pay'],
  ])('should serve the pay page in %s and pay with its button', async (lang, payLabel) => {
    // given
    receiver = await startReceiver(0);
    const { body: payment } = await callAgency<Payment>(agencies, 'payment', '/payments', {
      body: request(receiver.url),
    });

    // when
    const page = await fetch(`${payment.payUrl}?lang=${lang}`);
    const html = await page.text();
    const pressed = await fetch(`${payment.payUrl}?lang=${lang}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'action=pay',
    });
    await receiver.until(1);

    // then
    expect(page.status).toBe(200);
    expect(html).toContain(`lang="${lang}"`);
    expect(html).toContain(`value="pay">${payLabel}</button>`);
    expect(html).toContain('MOP 60.00');
    expect(pressed.status).toBe(200);
    expect(await pressed.text()).toContain('data-status="completed"');
  });
});
