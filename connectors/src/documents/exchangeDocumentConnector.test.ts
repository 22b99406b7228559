import { startAgencies, type RunningAgencies } from '@balcao/agencies';
import { createLogger } from '@balcao/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyEndpointsFromStandIns } from '../runtime/AgencyEndpoints';
import { handleJob, type JobDeps, type JobLike } from '../runtime/handleJob';
import { exchangeDocumentConnector } from './exchangeDocumentConnector';

let agencies: RunningAgencies;
let deps: JobDeps;

beforeAll(async () => {
  agencies = await startAgencies({ port: 0, faultSeed: 1 });
  deps = {
    secrets: {},
    agencies: agencyEndpointsFromStandIns(agencies),
    log: createLogger({ level: 'silent', format: 'json' }),
    defaultTimeoutMs: 2_000,
    defaultRetryBackoffMs: 1_000,
    defaultRetries: 3,
  };
});
afterAll(() => agencies.close());

const letter = {
  senderDepartment: 'DSI',
  receiverDepartment: 'SAFP',
  fileReference: 'DSI/CRC/2026/17',
  number: '0017/DSI/2026',
  date: '2026-11-28',
  signer: 'Director',
  subject: 'Criminal record certificate',
  caseRef: 'CASE-X-1',
};

function job(key: string, variables: Record<string, unknown>, retries = 3): JobLike {
  return {
    key,
    type: exchangeDocumentConnector.type,
    processInstanceKey: '1',
    bpmnProcessId: 'p',
    elementId: 'exchange',
    retries,
    variables,
    customHeaders: { resultVariable: 'exchange' },
  };
}

async function lettersFor(caseRef: string): Promise<unknown[]> {
  const response = await fetch(`${agencies.urls['document-exchange']}/letters?caseRef=${caseRef}`, {
    headers: { 'x-api-key': agencies.apiKeys['document-exchange'] },
  });
  return ((await response.json()) as { letters: unknown[] }).letters;
}

describe('exchangeDocumentConnector', () => {
  it('should send the letter and return delivery evidence', async () => {
    // when
    const outcome = await handleJob(job('x-1', letter), exchangeDocumentConnector, deps);

    // then
    expect(outcome).toMatchObject({
      kind: 'complete',
      variables: {
        exchange: {
          status: 'DELIVERED',
          evidence: {
            documentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
            receiptId: expect.any(String),
          },
        },
      },
    });
  });

  it('should say why a refused letter was not delivered and send the same letter again', async () => {
    // given the mailbox of the receiver refuses deliveries
    const mailbox = (accepting: boolean) =>
      fetch(`${agencies.urls['document-exchange']}/mailboxes/SAFP`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          'x-api-key': agencies.apiKeys['document-exchange'],
        },
        body: JSON.stringify({ accepting, reason: 'Mailbox full' }),
      });
    await mailbox(false);
    const variables = { ...letter, caseRef: 'CASE-X-6' };

    // when it is sent, then sent again once the mailbox accepts
    const refused = await handleJob(job('x-6', variables), exchangeDocumentConnector, deps);
    await mailbox(true);
    const letterId =
      refused.kind === 'complete'
        ? (refused.variables.exchange as { letterId: string }).letterId
        : '';
    const resent = await handleJob(
      job('x-7', { ...variables, letterId }),
      exchangeDocumentConnector,
      deps,
    );

    // then
    expect(refused).toMatchObject({
      kind: 'complete',
      variables: {
        exchange: { status: 'SENT', evidence: null, deliveryFailure: { reason: 'Mailbox full' } },
      },
    });
    expect(resent).toMatchObject({
      kind: 'complete',
      variables: { exchange: { letterId, status: 'DELIVERED', deliveryFailure: null } },
    });
    expect(await lettersFor('CASE-X-6')).toHaveLength(1);
  });

  it('should send one letter when a job is retried after a failure half-way', async () => {
    // given the first delivery fails at the exchange
    agencies.faults.set('document-exchange', { errorRate: 1 });
    const failed = await handleJob(
      job('x-2', { ...letter, caseRef: 'CASE-X-2' }),
      exchangeDocumentConnector,
      deps,
    );
    agencies.faults.clear();

    // when the job is delivered again, twice
    const retried = await handleJob(
      job('x-2', { ...letter, caseRef: 'CASE-X-2' }, 2),
      exchangeDocumentConnector,
      deps,
    );
    const again = await handleJob(
      job('x-2', { ...letter, caseRef: 'CASE-X-2' }, 2),
      exchangeDocumentConnector,
      deps,
    );

    // then
    expect(failed).toMatchObject({ kind: 'fail', code: 'CONNECTOR_UNAVAILABLE', retries: 2 });
    expect(retried).toEqual(again);
    expect(await lettersFor('CASE-X-2')).toHaveLength(1);
  });

  it('should time out when the exchange hangs and refuse an invalid date', async () => {
    // given
    agencies.faults.set('document-exchange', { timeoutRate: 1 });

    // when
    const hung = await handleJob(
      { ...job('x-3', letter), customHeaders: { timeout: 100 } },
      exchangeDocumentConnector,
      deps,
    );
    agencies.faults.clear();
    const invalid = await handleJob(
      job('x-4', { ...letter, date: '28/11/2026' }),
      exchangeDocumentConnector,
      deps,
    );

    // then
    expect(hung).toMatchObject({ kind: 'fail', code: 'CONNECTOR_TIMEOUT' });
    expect(invalid.kind === 'fail' && invalid.errorMessage).toContain(
      'date: date must be YYYY-MM-DD',
    );
  });

  it('should continue a job that died after submitting, without a second letter', async () => {
    // given an earlier delivery of job x-5 that created and submitted the letter, then died
    const post = (path: string, key: string, body: unknown) =>
      fetch(`${agencies.urls['document-exchange']}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-api-key': agencies.apiKeys['document-exchange'],
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
      });
    const variables = { ...letter, caseRef: 'CASE-X-5' };
    const created = (await (
      await post('/letters', 'x-5:create', {
        ...variables,
        classification: 'ordinary',
        attachments: [],
      })
    ).json()) as { id: string };
    await post(`/letters/${created.id}/submit`, 'x-5:submit', { actingDepartment: 'DSI' });

    // when the job is delivered again
    const outcome = await handleJob(job('x-5', variables), exchangeDocumentConnector, deps);

    // then
    expect(outcome).toMatchObject({
      kind: 'complete',
      variables: { exchange: { letterId: created.id, status: 'DELIVERED' } },
    });
    expect(await lettersFor('CASE-X-5')).toHaveLength(1);
  });
});
