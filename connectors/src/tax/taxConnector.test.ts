import { startAgencies, type RunningAgencies } from '@balcao/agencies';
import { createLogger } from '@balcao/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyEndpointsFromStandIns } from '../runtime/AgencyEndpoints';
import { handleJob, type JobDeps, type JobLike } from '../runtime/handleJob';
import { taxConnector, taxDebtErrorExpression } from './taxConnector';

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

const headers = { resultVariable: 'taxClearance', errorExpression: taxDebtErrorExpression };

function job(taxpayerNumber: string, retries = 3): JobLike {
  return {
    key: `job-${taxpayerNumber}`,
    type: taxConnector.type,
    processInstanceKey: '1',
    bpmnProcessId: 'p',
    elementId: 'tax',
    retries,
    variables: { taxpayerNumber },
    customHeaders: headers,
  };
}

describe('taxConnector', () => {
  it('should return the clearance of a taxpayer without debts', async () => {
    // when
    const outcome = await handleJob(job('1234567(8)'), taxConnector, deps);

    // then
    expect(outcome).toMatchObject({
      kind: 'complete',
      variables: { taxClearance: { status: 'CLEAR', debts: [] } },
    });
  });

  it('should throw TAX_DEBT_OUTSTANDING with the debts list', async () => {
    // when
    const outcome = await handleJob(job('80000002'), taxConnector, deps);

    // then
    expect(outcome).toMatchObject({
      kind: 'error',
      errorCode: 'TAX_DEBT_OUTSTANDING',
      errorMessage: 'Outstanding tax debts: MOP 51250',
      variables: {
        taxClearance: { debts: [{ taxType: 'INDUSTRIAL_TAX' }, { inEnforcement: true }] },
      },
    });
  });

  it('should answer NOT_REGISTERED as a status the model decides on', async () => {
    // when
    const outcome = await handleJob(job('19999999'), taxConnector, deps);

    // then
    expect(outcome).toMatchObject({
      kind: 'complete',
      variables: { taxClearance: { status: 'NOT_REGISTERED' } },
    });
  });

  it('should retry a 5xx and raise an incident on the last retry', async () => {
    // given
    agencies.faults.set('tax', { errorRate: 1 });

    // when
    const second = await handleJob(job('12345678', 2), taxConnector, deps);
    const last = await handleJob(job('12345678', 1), taxConnector, deps);
    agencies.faults.clear();

    // then
    expect(second).toMatchObject({
      kind: 'fail',
      code: 'CONNECTOR_UNAVAILABLE',
      retries: 1,
      retryBackOff: 2_000,
    });
    expect(last).toMatchObject({ kind: 'fail', retries: 0 });
  });

  it('should time out when the tax office hangs', async () => {
    // given
    agencies.faults.set('tax', { timeoutRate: 1 });

    // when
    const outcome = await handleJob(
      { ...job('12345678'), customHeaders: { ...headers, timeout: 100 } },
      taxConnector,
      deps,
    );
    agencies.faults.clear();

    // then
    expect(outcome).toMatchObject({ kind: 'fail', code: 'CONNECTOR_TIMEOUT', retries: 2 });
  });
});
