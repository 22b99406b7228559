import { startAgencies, type RunningAgencies } from '@balcao/agencies';
import { Engine, engineMigrations, startGrpcGateway, type GrpcGateway } from '@balcao/engine';
import { bpmn, el } from '@balcao/engine/testing';
import { createLogger, migrate, type Database } from '@balcao/platform';
import { openTestDatabase } from '@balcao/platform/testing';
import { Camunda8 } from '@camunda8/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civilRegistryConnector } from '../civil-registry/civilRegistryConnector';
import { taxConnector, taxDebtErrorExpression } from '../tax/taxConnector';
import { agencyEndpointsFromStandIns } from './AgencyEndpoints';
import { startConnectors, type RunningConnectors } from './startConnectors';

const log = createLogger({ level: 'silent', format: 'json' });
let db: Database;
let engine: Engine;
let gateway: GrpcGateway;
let agencies: RunningAgencies;
let zeebe: ReturnType<Camunda8['getZeebeGrpcApiClient']>;
let connectors: RunningConnectors;

beforeAll(async () => {
  db = await openTestDatabase();
  await migrate(db, [engineMigrations]);
  engine = await Engine.start({ db, log, schedulerIntervalMs: 50 });
  gateway = await startGrpcGateway({ engine, db, log, address: '127.0.0.1:0' });
  agencies = await startAgencies({ port: 0, faultSeed: 1 });
  zeebe = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateway.port}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
  } as ConstructorParameters<typeof Camunda8>[0]).getZeebeGrpcApiClient();
  connectors = startConnectors({
    zeebe,
    connectors: [civilRegistryConnector, taxConnector],
    agencies: agencyEndpointsFromStandIns(agencies),
    log,
    defaultTimeoutMs: 2_000,
  });
  await zeebe.deployResource({ name: 'lookup.bpmn', process: Buffer.from(lookupProcess) });
  await zeebe.deployResource({ name: 'tax.bpmn', process: Buffer.from(taxProcess) });
});

afterAll(async () => {
  await connectors.close();
  await zeebe.close(1_000);
  await gateway.stop();
  await engine.stop();
  await agencies.close();
  await db.close();
});

// As an analyst would model it from the civil-registry template, with a boundary event.
const lookupProcess = bpmn(
  'verify-person',
  [
    el.start('start'),
    el
      .service(
        'lookup',
        'balcao:civil-registry:1',
        `${el.io([
          ['="lookupPerson"', 'operation'],
          ['=idNumber', 'documentNumber'],
          ['="clerk-1"', 'requester'],
          ['="criminal record certificate"', 'purpose'],
          ['=caseRef', 'caseNumber'],
        ])}<zeebe:taskHeaders><zeebe:header key="resultExpression" value="={ applicant: response.person.personId }" /><zeebe:header key="retries" value="2" /><zeebe:header key="retryBackoff" value="50" /></zeebe:taskHeaders>`,
      )
      .replace(
        '<zeebe:taskDefinition type="balcao:civil-registry:1" />',
        '<zeebe:taskDefinition type="balcao:civil-registry:1" retries="2" />',
      ),
    el.boundaryError('notFound', 'lookup', 'Error_notFound'),
    el.script('markNotFound', '="not found"', 'outcome'),
    el.end('found'),
    el.end('missing'),
  ],
  [
    ['start', 'lookup'],
    ['lookup', 'found'],
    ['notFound', 'markNotFound'],
    ['markNotFound', 'missing'],
  ],
  el.error('Error_notFound', 'PERSON_NOT_FOUND'),
);

const taxProcess = bpmn(
  'tax-check',
  [
    el.start('start'),
    el.service(
      'clearance',
      'balcao:tax:1',
      `${el.io([['=taxpayer', 'taxpayerNumber']])}<zeebe:taskHeaders><zeebe:header key="resultVariable" value="taxClearance" /><zeebe:header key="errorExpression" value="${taxDebtErrorExpression.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" /></zeebe:taskHeaders>`,
    ),
    el.boundaryError('debts', 'clearance', 'Error_debt'),
    el.script('markDebt', '="debt"', 'outcome'),
    el.end('clear'),
    el.end('owed'),
  ],
  [
    ['start', 'clearance'],
    ['clearance', 'clear'],
    ['debts', 'markDebt'],
    ['markDebt', 'owed'],
  ],
  el.error('Error_debt', 'TAX_DEBT_OUTSTANDING'),
);

async function incidentsOf(processInstanceKey: string): Promise<{ error_type: string }[]> {
  const { rows } = await db.query(
    'select error_type from engine_incident where process_instance_key = $1',
    [processInstanceKey],
  );
  return rows as { error_type: string }[];
}

describe('startConnectors over the Zeebe gateway', () => {
  it('should complete the connector task with the mapped result', async () => {
    // when
    const result = await zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'verify-person',
      variables: { idNumber: '1234567(8)', caseRef: 'CASE-E2E-1' },
      requestTimeout: 10_000,
    });

    // then
    expect(result.variables).toMatchObject({ applicant: 'P0001' });
  });

  it('should take the error boundary event when the person is not found', async () => {
    // when
    const result = await zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'verify-person',
      variables: { idNumber: '19999999', caseRef: 'CASE-E2E-2' },
      requestTimeout: 10_000,
    });

    // then
    expect(result.variables).toMatchObject({ outcome: 'not found' });
  });

  it('should map tax debts to TAX_DEBT_OUTSTANDING through errorExpression', async () => {
    // when
    const owed = await zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'tax-check',
      variables: { taxpayer: '80000002' },
      requestTimeout: 10_000,
    });
    const clear = await zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'tax-check',
      variables: { taxpayer: '12345678' },
      requestTimeout: 10_000,
    });

    // then
    expect(owed.variables).toMatchObject({ outcome: 'debt' });
    expect(clear.variables).toMatchObject({ taxClearance: { status: 'CLEAR' } });
  });

  it('should retry a 5xx and raise an incident when retries run out', async () => {
    // given
    agencies.faults.set('civil-registry', { errorRate: 1 });

    // when
    const created = await zeebe.createProcessInstance({
      bpmnProcessId: 'verify-person',
      variables: { idNumber: '12345678', caseRef: 'CASE-E2E-3' },
    });
    const key = String(created.processInstanceKey);
    let incidents: { error_type: string }[] = [];
    for (let i = 0; i < 200 && incidents.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      incidents = await incidentsOf(key);
    }
    agencies.faults.clear();

    // then
    expect(incidents).toHaveLength(1);
    const metrics = connectors.metrics()['balcao:civil-registry:1'];
    expect(metrics?.jobs.retried).toBeGreaterThanOrEqual(1);
    expect(metrics?.jobs.incident).toBeGreaterThanOrEqual(1);
  });
});
