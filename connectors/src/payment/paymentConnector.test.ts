import { startAgencies, type RunningAgencies } from '@balcao/agencies';
import { createLogger } from '@balcao/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyEndpointsFromStandIns } from '../runtime/AgencyEndpoints';
import { handleJob, type JobDeps, type JobLike } from '../runtime/handleJob';
import { paymentConnector } from './paymentConnector';

let agencies: RunningAgencies;
let deps: JobDeps;
const connector = paymentConnector({ callbackUrl: 'http://127.0.0.1:9/hooks/payment' });

beforeAll(async () => {
  agencies = await startAgencies({
    port: 0,
    faultSeed: 1,
    webhook: { maxAttempts: 1, retryDelayMs: 10, timeoutMs: 100 },
  });
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

const request = {
  caseRef: 'CASE-P-1',
  amountMop: 60,
  items: [{ description: 'Certificate fee', amountMop: 60 }],
  language: 'en',
};

function job(key: string, variables: Record<string, unknown>, retries = 3): JobLike {
  return {
    key,
    type: connector.type,
    processInstanceKey: '1',
    bpmnProcessId: 'p',
    elementId: 'pay',
    retries,
    variables,
    customHeaders: { resultVariable: 'payment' },
  };
}

describe('paymentConnector', () => {
  it('should create a payment request and return a pay link in the applicant language', async () => {
    // when
    const outcome = await handleJob(job('p-1', request), connector, deps);

    // then
    expect(outcome).toMatchObject({
      kind: 'complete',
      variables: { payment: { status: 'started' } },
    });
    const payment =
      outcome.kind === 'complete'
        ? (outcome.variables.payment as { payUrl: string; paymentId: string })
        : undefined;
    expect(payment?.payUrl).toMatch(/\/payment\/pay\/.+\?lang=en$/);
    const page = await fetch(payment?.payUrl ?? '');
    expect(page.status).toBe(200);
  });

  it('should create one payment for two deliveries of the same job', async () => {
    // when
    const first = await handleJob(job('p-2', request), connector, deps);
    const second = await handleJob(job('p-2', request), connector, deps);

    // then
    expect(first).toEqual(second);
    const response = await fetch(`${agencies.urls.payment}/effects?idempotencyKey=p-2`, {
      headers: { 'x-api-key': agencies.apiKeys.payment },
    });
    expect(await response.json()).toMatchObject({ effects: 1 });
  });

  it('should raise an incident when the provider refuses amounts that do not add up', async () => {
    // when
    const outcome = await handleJob(job('p-3', { ...request, amountMop: 61 }), connector, deps);

    // then
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0, code: 'CONNECTOR_REJECTED' });
  });

  it('should retry on 5xx and time out when the provider hangs', async () => {
    // given
    agencies.faults.set('payment', { errorRate: 1 });
    const failed = await handleJob(job('p-4', request), connector, deps);
    agencies.faults.set('payment', { timeoutRate: 1 });

    // when
    const hung = await handleJob(
      { ...job('p-4', request, 1), customHeaders: { timeout: 100 } },
      connector,
      deps,
    );
    agencies.faults.clear();

    // then
    expect(failed).toMatchObject({ kind: 'fail', code: 'CONNECTOR_UNAVAILABLE', retries: 2 });
    expect(hung).toMatchObject({ kind: 'fail', code: 'CONNECTOR_TIMEOUT', retries: 0 });
  });
});
