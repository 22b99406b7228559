import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgencies, type RunningAgencies } from '../startAgencies';
import { callAgency } from '../testing/callAgency';

const notice = {
  channel: 'email',
  recipient: 'citizen@example.mo',
  senderAgency: 'DSF',
  template: 'tax-clearance-ready@2',
  language: 'en',
};

describe('idempotent commands', () => {
  let agencies: RunningAgencies;

  beforeAll(async () => {
    agencies = await startAgencies();
  });

  afterAll(async () => {
    await agencies.close();
  });

  const send = (key: string, body: unknown) =>
    callAgency(agencies, 'notification', '/notices', { body, headers: { 'Idempotency-Key': key } });
  const effects = async (key: string) =>
    (
      await callAgency<{ effects: number }>(
        agencies,
        'notification',
        `/effects?idempotencyKey=${key}`,
      )
    ).body.effects;

  it('should replay the first reply for a repeated request and record one effect', async () => {
    // when
    const [first, second] = await Promise.all([send('k-1', notice), send('k-1', notice)]);
    const third = await send('k-1', notice);

    // then
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(
      [first, second, third].filter((r) => r.headers.get('Idempotent-Replayed') === 'true'),
    ).toHaveLength(2);
    expect(await effects('k-1')).toBe(1);
    const listed = await callAgency<{ notices: unknown[] }>(
      agencies,
      'notification',
      `/notices?recipient=${notice.recipient}`,
    );
    expect(listed.body.notices).toHaveLength(1);
  });

  it('should refuse the same key with another body with 422', async () => {
    // given
    await send('k-2', notice);

    // when
    const reused = await send('k-2', { ...notice, language: 'pt' });

    // then
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await effects('k-2')).toBe(1);
  });

  it('should not remember a failed attempt, so a corrected retry with the same key acts', async () => {
    // given
    const invalid = await send('k-3', { ...notice, recipient: 'nope' });

    // when
    const valid = await send('k-3', { ...notice, recipient: 'nope' });

    // then
    expect(invalid.status).toBe(400);
    expect(valid.status).toBe(400);
    expect(await effects('k-3')).toBe(0);
  });

  it('should count no effects for an unknown key', async () => {
    // then
    expect(await effects('never-used')).toBe(0);
  });
});

describe('idempotent replay of a changing resource', () => {
  it('should replay the reply as it was, not the resource as it is now', async () => {
    // given
    const agencies = await startAgencies();
    const create = () =>
      callAgency<{ id: string; status: string }>(agencies, 'payment', '/payments', {
        body: {
          caseRef: 'CASE-R',
          amountMop: 10,
          items: [{ description: 'Fee', amountMop: 10 }],
          callbackUrl: 'http://127.0.0.1:9/unused',
        },
        headers: { 'Idempotency-Key': 'pay-1' },
      });
    const first = await create();
    await callAgency(agencies, 'payment', `/payments/${first.body.id}/fail`, { body: {} });

    // when
    const replay = await create();
    await agencies.close();

    // then
    expect(replay.body).toMatchObject({ id: first.body.id, status: 'started' });
  });
});
