import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAgencies, type RunningAgencies } from '../startAgencies';
import { callAgency } from '../testing/callAgency';

describe('fault injection', () => {
  let agencies: RunningAgencies;

  beforeAll(async () => {
    agencies = await startAgencies({ faultSeed: 1234 });
  });

  afterEach(() => {
    agencies.faults.clear();
  });

  afterAll(async () => {
    await agencies.close();
  });

  const clearance = (signal?: AbortSignal) =>
    callAgency(agencies, 'tax', '/clearance/12345678', signal === undefined ? {} : { signal });

  it('should fail every request with 503 at error rate 1', async () => {
    // given
    agencies.faults.set('tax', { errorRate: 1 });

    // when
    const reply = await clearance();

    // then
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ error: { code: 'FAULT_INJECTED', retryable: true } });
  });

  it('should leave other agencies alone', async () => {
    // given
    agencies.faults.set('tax', { errorRate: 1 });

    // when
    const reply = await callAgency(agencies, 'notification', '/notices?recipient=x');

    // then
    expect(reply.status).toBe(200);
  });

  it('should give the same pass/fail sequence for the same seed', async () => {
    // given
    const run = async () => {
      agencies.faults.set('tax', { errorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await clearance()).status);
      return statuses;
    };

    // when
    const first = await run();
    const second = await run();

    // then
    expect(second).toEqual(first);
    expect(first).toContain(503);
    expect(first).toContain(200);
  });

  it('should hang a request until the client gives up', async () => {
    // given
    agencies.faults.set('tax', { timeoutRate: 1 });

    // when
    const attempt = clearance(AbortSignal.timeout(200));

    // then
    await expect(attempt).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('should delay answers by the configured latency, then answer normally', async () => {
    // given: a latency far beyond the client's patience, then a short one
    agencies.faults.set('tax', { latencyMs: 5_000 });
    const impatient = clearance(AbortSignal.timeout(300));
    await expect(impatient).rejects.toMatchObject({ name: 'TimeoutError' });
    agencies.faults.set('tax', { latencyMs: 20 });

    // when
    const reply = await clearance();

    // then
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'CLEAR' });
  });

  it('should change faults through the admin endpoint with the admin key only', async () => {
    // given
    const put = (key: string) =>
      fetch(`${agencies.url}/admin/faults/tax`, {
        method: 'PUT',
        headers: { 'X-Admin-Key': key, 'Content-Type': 'application/json' },
        body: JSON.stringify({ errorRate: 1 }),
      });

    // when
    const denied = await put('wrong-admin-key');
    const accepted = await put(agencies.adminKey);
    const reply = await clearance();

    // then
    expect(denied.status).toBe(401);
    expect(accepted.status).toBe(200);
    expect(agencies.faults.get('tax')).toEqual({ latencyMs: 0, errorRate: 1, timeoutRate: 0 });
    expect(reply.status).toBe(503);
  });

  it('should reject an invalid fault setting with a field error', async () => {
    // when
    const reply = await fetch(`${agencies.url}/admin/faults/tax`, {
      method: 'PUT',
      headers: { 'X-Admin-Key': agencies.adminKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ errorRate: 2 }),
    });

    // then
    expect(reply.status).toBe(400);
    expect(await reply.json()).toMatchObject({ error: { fields: [{ path: 'errorRate' }] } });
  });

  it('should apply faults given as start options', async () => {
    // given
    const faulty = await startAgencies({ faults: { payment: { errorRate: 1 } } });

    // when
    const reply = await callAgency(faulty, 'payment', '/payments/PAY-x');
    await faulty.close();

    // then
    expect(reply.status).toBe(503);
  });
});
