import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentWebhookHandler, type MessagePublisher } from '@balcao/connectors';
import { createLogger } from '@balcao/platform';
import { startTestApi, type TestApi } from '../../test/apiHarness';
import { verifyAuditChain } from '../audit/verifyAuditChain';
import { paymentWebhookRoute } from './paymentWebhookRoute';

const secret = 'webhook-test-secret';

describe('payment webhook', () => {
  let api: TestApi;
  const published: Parameters<MessagePublisher['publishMessage']>[0][] = [];

  beforeAll(async () => {
    const log = createLogger({ level: 'silent' });
    const handle = createPaymentWebhookHandler({
      zeebe: { publishMessage: async (message) => published.push(message) },
      webhookSecret: secret,
      log,
    });
    api = await startTestApi({ routers: (db) => [paymentWebhookRoute(handle, log, db)] });
  });

  afterAll(async () => {
    await api.close();
  });

  const call = (body: string, signature: string) =>
    fetch(`${api.url}/webhooks/payment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signature },
      body,
    });
  const sign = (body: string) =>
    `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const auditRows = async () =>
    (
      await api.db.query<{
        actor: string | null;
        target: string | null;
        source_ip: string | null;
        details: unknown;
        row: string;
      }>(
        `select actor, target, source_ip, details, row_to_json(audit_log)::text as row
           from audit_log where action = 'POST /webhooks/payment' order by seq`,
      )
    ).rows;

  it('should audit an accepted payment outcome with its case and source, never the signature', async () => {
    // given
    const body = JSON.stringify({
      event: 'payment.completed',
      paymentId: 'PAY-1',
      caseRef: '2026-DSI-000001',
      status: 'completed',
      amountMop: 60,
      occurredAt: '2026-03-02T10:00:00Z',
    });

    // when
    const res = await call(body, sign(body));

    // then
    expect(res.status).toBe(202);
    expect(published.map((m) => m.correlationKey)).toEqual(['2026-DSI-000001']);
    const rows = await auditRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: null,
      target: 'case:2026-DSI-000001',
      source_ip: expect.stringMatching(/127\.0\.0\.1$/),
      details: { outcome: 'ok', message: 'payment-completed' },
    });
    expect(rows[0]!.row).not.toContain(sign(body).slice(7));
    expect(rows[0]!.row).not.toContain('PAY-1');
  });

  it('should audit a forged call as refused, with its code, and publish nothing', async () => {
    // given
    const body = JSON.stringify({ event: 'payment.completed', caseRef: '2026-DSI-000002' });
    const before = published.length;

    // when
    const res = await call(body, `sha256=${'0'.repeat(64)}`);

    // then
    expect(res.status).toBe(401);
    expect(published).toHaveLength(before);
    const last = (await auditRows()).at(-1);
    expect(last).toMatchObject({
      target: null,
      details: { outcome: 'refused', code: 'PAYMENT_WEBHOOK_SIGNATURE_INVALID' },
    });
    expect(last!.row).not.toContain('2026-DSI-000002');
    expect(await verifyAuditChain(api.db)).toMatchObject({ ok: true });
  });
});
