import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgencies, type RunningAgencies } from '../startAgencies';
import { callAgency } from '../testing/callAgency';
import type { Letter } from './Letter';

const newLetter = {
  senderDepartment: 'DSAJ',
  receiverDepartment: 'DSI',
  fileReference: 'DSAJ/2025/0012',
  number: '123/DSAJ/2025',
  date: '2025-04-02',
  signer: 'Director CHAN',
  classification: 'confidential',
  subject: 'Request for identity verification',
  attachments: [{ name: 'request.pdf', sha256: 'a'.repeat(64), size: 1024 }],
};

describe('document exchange stand-in', () => {
  let agencies: RunningAgencies;

  beforeAll(async () => {
    agencies = await startAgencies();
  });

  afterAll(async () => {
    await agencies.close();
  });

  const create = () =>
    callAgency<Letter>(agencies, 'document-exchange', '/letters', { body: newLetter });
  const act = (id: string, action: string, body: Record<string, unknown>) =>
    callAgency<Letter & { error?: { code: string; message: string } }>(
      agencies,
      'document-exchange',
      `/letters/${id}/${action}`,
      { body },
    );

  it('should take a letter from draft to closed with delivery evidence', async () => {
    // given
    const { body: draft, status } = await create();
    const sender = { actingDepartment: 'DSAJ' };
    const receiver = { actingDepartment: 'DSI' };

    // when
    await act(draft.id, 'submit', sender);
    await act(draft.id, 'sign', sender);
    const sent = await act(draft.id, 'send', sender);
    await act(draft.id, 'register', receiver);
    await act(draft.id, 'assign', { ...receiver, assignee: 'officer.lei' });
    await act(draft.id, 'reply', receiver);
    const closed = await act(draft.id, 'close', receiver);

    // then
    expect(status).toBe(201);
    expect(draft.status).toBe('DRAFT');
    expect(sent.body.status).toBe('DELIVERED');
    expect(sent.body.evidence).toMatchObject({
      documentHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      receiptId: expect.stringMatching(/^RCPT-/) as unknown,
    });
    expect(closed.body.history.map((h) => h.status)).toEqual([
      'DRAFT',
      'IN_APPROVAL',
      'SIGNED',
      'SENT',
      'DELIVERED',
      'REGISTERED',
      'ASSIGNED',
      'REPLIED',
      'CLOSED',
    ]);
    expect(closed.body.registrationNumber).toMatch(/^DSI-\d{4}-\d{5}$/);
    expect(closed.body.assignee).toBe('officer.lei');
  });

  it('should keep a letter undelivered while the receiver refuses it, and deliver it when sent again', async () => {
    // given the mailbox of DSI refuses deliveries
    const { body: draft } = await create();
    const sender = { actingDepartment: 'DSAJ' };
    await act(draft.id, 'submit', sender);
    await act(draft.id, 'sign', sender);
    const mailbox = (accepting: boolean) =>
      callAgency(agencies, 'document-exchange', '/mailboxes/DSI', {
        method: 'PUT',
        body: { accepting, reason: 'Registry system down' },
      });
    expect((await mailbox(false)).status).toBe(200);

    // when
    const refused = await act(draft.id, 'send', sender);
    const registerUndelivered = await act(draft.id, 'register', { actingDepartment: 'DSI' });
    await mailbox(true);
    const resent = await act(draft.id, 'send', sender);

    // then
    expect(refused.body).toMatchObject({
      status: 'SENT',
      evidence: null,
      deliveryFailure: { reason: 'Registry system down' },
    });
    expect(registerUndelivered.status).toBe(409);
    expect(resent.body).toMatchObject({ status: 'DELIVERED', deliveryFailure: null });
    expect(resent.body.evidence?.receiptId).toMatch(/^RCPT-/);
    expect(resent.body.history.map((h) => h.status)).toEqual([
      'DRAFT',
      'IN_APPROVAL',
      'SIGNED',
      'SENT',
      'SENT',
      'DELIVERED',
    ]);
    expect(resent.body.history[3]?.note).toBe('delivery failed: Registry system down');
  });

  it('should refuse a transition from the wrong status with 409', async () => {
    // given
    const { body: draft } = await create();

    // when
    const reply = await act(draft.id, 'send', { actingDepartment: 'DSAJ' });

    // then
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
      message: expect.stringContaining('Expected status SIGNED') as unknown,
    });
    expect(reply.body.error?.message).toContain('but it is DRAFT');
  });

  it('should let only the receiver register a delivered letter', async () => {
    // given
    const { body: draft } = await create();
    for (const action of ['submit', 'sign', 'send'])
      await act(draft.id, action, { actingDepartment: 'DSAJ' });

    // when
    const bySender = await act(draft.id, 'register', { actingDepartment: 'DSAJ' });

    // then
    expect(bySender.status).toBe(403);
  });

  it('should record a rejection reason and require one', async () => {
    // given
    const { body: draft } = await create();
    await act(draft.id, 'submit', { actingDepartment: 'DSAJ' });

    // when
    const withoutReason = await act(draft.id, 'reject', { actingDepartment: 'DSAJ' });
    const rejected = await act(draft.id, 'reject', {
      actingDepartment: 'DSAJ',
      reason: 'Wrong receiver',
    });

    // then
    expect(withoutReason.status).toBe(400);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', reason: 'Wrong receiver' });
  });

  it('should reject an invalid letter with field errors', async () => {
    // when
    const reply = await callAgency(agencies, 'document-exchange', '/letters', {
      body: { ...newLetter, classification: 'top', date: '02/04/2025', subject: undefined },
    });

    // then
    expect(reply.status).toBe(400);
    const fields = (reply.body as { error: { fields: { path: string }[] } }).error.fields;
    expect(fields.map((f) => f.path).sort()).toEqual(['classification', 'date', 'subject']);
  });

  it('should answer 404 for an unknown letter', async () => {
    // when
    const reply = await callAgency(agencies, 'document-exchange', '/letters/LTR-nope');

    // then
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
