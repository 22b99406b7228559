import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgencies, type RunningAgencies } from '../startAgencies';
import { callAgency } from '../testing/callAgency';

const notice = {
  channel: 'sms',
  recipient: '+85366123456',
  senderAgency: 'DSAJ',
  template: 'application-received@1',
  personalisation: { caseNumber: 'CASE-9' },
  language: 'pt',
  caseRef: 'CASE-9',
};

describe('notification gateway stand-in', () => {
  let agencies: RunningAgencies;

  beforeAll(async () => {
    agencies = await startAgencies();
  });

  afterAll(async () => {
    await agencies.close();
  });

  it('should deliver a notice and list it for the recipient', async () => {
    // when
    const sent = await callAgency(agencies, 'notification', '/notices', { body: notice });
    const listed = await callAgency<{ notices: unknown[] }>(
      agencies,
      'notification',
      `/notices?recipient=${encodeURIComponent(notice.recipient)}`,
    );

    // then
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ status: 'delivered', language: 'pt' });
    expect(listed.body.notices).toEqual([sent.body]);
  });

  it.each([
    ['+85360000001', 'temporary-failure'],
    ['+85360000002', 'permanent-failure'],
  ])('should report %s as %s', async (recipient, status) => {
    // when
    const sent = await callAgency(agencies, 'notification', '/notices', {
      body: { ...notice, recipient },
    });

    // then
    expect(sent.body).toMatchObject({ status });
  });

  it.each([
    ['sms', '+85212345678'],
    ['sms', '+8536612345'],
    ['email', 'not-an-email'],
  ])('should reject a %s notice to %s', async (channel, recipient) => {
    // when
    const sent = await callAgency(agencies, 'notification', '/notices', {
      body: { ...notice, channel, recipient },
    });

    // then
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({ error: { fields: [{ path: 'recipient' }] } });
  });

  it('should reject a template without a version', async () => {
    // when
    const sent = await callAgency(agencies, 'notification', '/notices', {
      body: { ...notice, template: 'application-received' },
    });

    // then
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({ error: { fields: [{ path: 'template' }] } });
  });
});
