import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Letter } from '../document-exchange/Letter';
import { startAgencies } from '../startAgencies';
import type { Payment } from '../payment/Payment';
import { callAgency } from '../testing/callAgency';
import { startReceiver } from '../testing/startReceiver';

describe('persistence with dataDir', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('should keep letters, idempotency records and the access log across a restart', async () => {
    // given
    const dataDir = mkdtempSync(join(tmpdir(), 'agencies-'));
    dirs.push(dataDir);
    const before = await startAgencies({ dataDir });
    const letter = {
      senderDepartment: 'DSF',
      receiverDepartment: 'DSAJ',
      fileReference: 'DSF/1',
      number: '1/DSF/2025',
      date: '2025-04-02',
      signer: 'Director LEI',
      subject: 'Tax clearance',
    };
    const created = await callAgency<Letter>(before, 'document-exchange', '/letters', {
      body: letter,
      headers: { 'Idempotency-Key': 'letter-1' },
    });
    await callAgency(
      before,
      'civil-registry',
      '/persons/lookup?documentNumber=12345678&purpose=p&caseNumber=C-P',
      {
        headers: { 'X-Requester': 'persist-test' },
      },
    );
    await before.close();

    // when
    const after = await startAgencies({ dataDir });
    const found = await callAgency<Letter>(
      after,
      'document-exchange',
      `/letters/${created.body.id}`,
    );
    const replay = await callAgency<Letter>(after, 'document-exchange', '/letters', {
      body: letter,
      headers: { 'Idempotency-Key': 'letter-1' },
    });
    const log = await callAgency<{ entries: unknown[] }>(
      after,
      'civil-registry',
      '/access-log?caseNumber=C-P',
    );
    await after.close();

    // then
    expect(found.status).toBe(200);
    expect(found.body).toEqual(created.body);
    expect(replay.body.id).toBe(created.body.id);
    expect(log.body.entries).toHaveLength(1);
    expect(readdirSync(dataDir)).toEqual(['agencies-state.json']);
  });

  it('should refuse to start from a foreign state file', async () => {
    // given
    const dataDir = mkdtempSync(join(tmpdir(), 'agencies-'));
    dirs.push(dataDir);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dataDir, 'agencies-state.json'), '{"hello":1}');

    // when
    const attempt = startAgencies({ dataDir });

    // then
    await expect(attempt).rejects.toMatchObject({ code: 'AGENCIES_STATE_INVALID' });
  });
});

describe('payment webhooks across a restart', () => {
  it('should send a webhook still owed at shutdown when started again from the same dataDir', async () => {
    // given: the first delivery fails and the retry is far away when the agencies stop
    const dataDir = mkdtempSync(join(tmpdir(), 'agencies-'));
    const receiver = await startReceiver(1);
    const webhook = { maxAttempts: 5, retryDelayMs: 600_000, timeoutMs: 2000 };
    const before = await startAgencies({ dataDir, webhook });
    const { body: payment } = await callAgency<Payment>(before, 'payment', '/payments', {
      body: {
        caseRef: 'CASE-W',
        amountMop: 5,
        items: [{ description: 'Fee', amountMop: 5 }],
        callbackUrl: receiver.url,
      },
    });
    await callAgency(before, 'payment', `/payments/${payment.id}/complete`, { body: {} });
    await receiver.until(1);
    await expect
      .poll(
        async () =>
          (await callAgency<Payment>(before, 'payment', `/payments/${payment.id}`)).body.webhook
            .attempts,
      )
      .toHaveLength(1);
    await before.close();

    // when
    const after = await startAgencies({ dataDir, webhook });
    await receiver.until(2);

    // then
    await expect
      .poll(
        async () =>
          (await callAgency<Payment>(after, 'payment', `/payments/${payment.id}`)).body.webhook
            .state,
      )
      .toBe('delivered');
    await after.close();
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
