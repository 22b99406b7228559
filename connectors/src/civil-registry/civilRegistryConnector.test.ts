import { startAgencies, type RunningAgencies } from '@balcao/agencies';
import { createLogger } from '@balcao/platform';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agencyEndpointsFromStandIns } from '../runtime/AgencyEndpoints';
import { handleJob, type JobDeps, type JobLike } from '../runtime/handleJob';
import { civilRegistryConnector } from './civilRegistryConnector';

let agencies: RunningAgencies;
let deps: JobDeps;

beforeAll(async () => {
  agencies = await startAgencies({ port: 0, faultSeed: 1 });
  deps = {
    secrets: {},
    agencies: agencyEndpointsFromStandIns(agencies),
    log: createLogger({ level: 'silent', format: 'json' }),
    defaultTimeoutMs: 2_000,
    defaultRetryBackoffMs: 500,
    defaultRetries: 3,
  };
});
afterAll(() => agencies.close());
beforeEach(() => agencies.faults.clear());

const audit = {
  requester: 'clerk-1',
  purpose: 'criminal record certificate',
  caseNumber: 'CASE-2026-0001',
};

function job(
  variables: Record<string, unknown>,
  customHeaders: Record<string, unknown> = {},
  retries = 3,
): JobLike {
  return {
    key: `job-${Math.random()}`,
    type: civilRegistryConnector.type,
    processInstanceKey: '1',
    bpmnProcessId: 'p',
    elementId: 'lookup',
    retries,
    variables: { ...audit, ...variables },
    customHeaders,
  };
}

describe('civilRegistryConnector', () => {
  it('should find the demo citizen by ID number and log who, why and for which case', async () => {
    // when
    const outcome = await handleJob(
      job(
        { operation: 'lookupPerson', documentNumber: '1234567(8)' },
        { resultExpression: '={ applicant: response.person }' },
      ),
      civilRegistryConnector,
      deps,
    );

    // then
    expect(outcome).toMatchObject({
      kind: 'complete',
      variables: { applicant: { personId: 'P0001', name: { portuguese: 'CHAN TAI MAN' } } },
    });
    const log = await fetch(
      `${agencies.urls['civil-registry']}/access-log?caseNumber=CASE-2026-0001`,
      {
        headers: { 'x-api-key': agencies.apiKeys['civil-registry'] },
      },
    );
    const { entries } = (await log.json()) as { entries: { requester: string; purpose: string }[] };
    expect(entries).toContainEqual(
      expect.objectContaining({ requester: 'clerk-1', purpose: audit.purpose }),
    );
  });

  it('should look up by passport with the nationality, records and kinship', async () => {
    // when
    const passport = await handleJob(
      job(
        {
          operation: 'lookupPerson',
          documentType: 'PASSPORT',
          documentNumber: 'E12345678',
          nationality: 'PRT',
        },
        { resultVariable: 'r' },
      ),
      civilRegistryConnector,
      deps,
    );
    const death = await handleJob(
      job({ operation: 'deathRecord', person: 'P0003' }, { resultVariable: 'r' }),
      civilRegistryConnector,
      deps,
    );
    const marriage = await handleJob(
      job({ operation: 'marriageRecords', person: 'P0001' }, { resultVariable: 'r' }),
      civilRegistryConnector,
      deps,
    );
    const kinship = await handleJob(
      job(
        { operation: 'kinship', personA: 'P0006', personB: 'P0001' },
        { resultExpression: '={ relation: response.relation }' },
      ),
      civilRegistryConnector,
      deps,
    );

    // then
    expect(passport).toMatchObject({ variables: { r: { person: { personId: 'P0009' } } } });
    expect(death).toMatchObject({ variables: { r: { result: 'FOUND', record: {} } } });
    expect(marriage).toMatchObject({
      variables: { r: { records: [{ spouseIds: expect.arrayContaining(['P0001', 'P0002']) }] } },
    });
    expect(kinship).toEqual({ kind: 'complete', variables: { relation: 'SIBLING' } });
  });

  it('should throw BPMN errors for not found, several matches, sealed records and missing records', async () => {
    // when
    const outcomes = await Promise.all([
      handleJob(
        job({ operation: 'lookupPerson', documentNumber: '19999999' }),
        civilRegistryConnector,
        deps,
      ),
      handleJob(
        job({ operation: 'lookupPerson', documentType: 'PASSPORT', documentNumber: 'E12345678' }),
        civilRegistryConnector,
        deps,
      ),
      handleJob(
        job({ operation: 'lookupPerson', documentNumber: '17777777' }),
        civilRegistryConnector,
        deps,
      ),
      handleJob(job({ operation: 'birthRecord', person: 'P0008' }), civilRegistryConnector, deps),
    ]);

    // then
    expect(outcomes.map((o) => o.kind === 'error' && o.errorCode)).toEqual([
      'PERSON_NOT_FOUND',
      'PERSON_MULTIPLE_MATCHES',
      'PERSON_ACCESS_DENIED',
      'RECORD_NOT_FOUND',
    ]);
  });

  it('should raise an incident naming the field when the purpose is missing', async () => {
    // when
    const outcome = await handleJob(
      job({ operation: 'lookupPerson', documentNumber: '12345678', purpose: '' }),
      civilRegistryConnector,
      deps,
    );

    // then
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0, code: 'CONNECTOR_INVALID_INPUT' });
    expect(outcome.kind === 'fail' && outcome.errorMessage).toContain('purpose');
  });

  it('should retry on 5xx with backoff and raise an incident when retries run out', async () => {
    // given
    agencies.faults.set('civil-registry', { errorRate: 1 });

    // when
    const first = await handleJob(
      job({ operation: 'lookupPerson', documentNumber: '12345678' }, {}, 3),
      civilRegistryConnector,
      deps,
    );
    const last = await handleJob(
      job({ operation: 'lookupPerson', documentNumber: '12345678' }, {}, 1),
      civilRegistryConnector,
      deps,
    );

    // then
    expect(first).toMatchObject({
      kind: 'fail',
      code: 'CONNECTOR_UNAVAILABLE',
      retries: 2,
      retryBackOff: 500,
    });
    expect(last).toMatchObject({ kind: 'fail', code: 'CONNECTOR_UNAVAILABLE', retries: 0 });
  });

  it('should fail with a retryable timeout when the registry does not answer', async () => {
    // given
    agencies.faults.set('civil-registry', { timeoutRate: 1 });

    // when
    const outcome = await handleJob(
      job({ operation: 'lookupPerson', documentNumber: '12345678' }, { timeout: 100 }),
      civilRegistryConnector,
      deps,
    );

    // then
    expect(outcome).toMatchObject({ kind: 'fail', code: 'CONNECTOR_TIMEOUT', retries: 2 });
  });
});
