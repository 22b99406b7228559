import { startAgencies, type RunningAgencies } from '@balcao/agencies';
import { Engine, engineMigrations, startGrpcGateway, type GrpcGateway } from '@balcao/engine';
import { bpmn, el } from '@balcao/engine/testing';
import { createLogger, migrate, type Database } from '@balcao/platform';
import { openTestDatabase } from '@balcao/platform/testing';
import { Camunda8 } from '@camunda8/sdk';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civilRegistryConnector } from '../civil-registry/civilRegistryConnector';
import { createPaymentWebhookHandler } from '../payment/handlePaymentWebhook';
import { paymentConnector } from '../payment/paymentConnector';
import { taxConnector, taxDebtErrorExpression } from '../tax/taxConnector';
import { agencyEndpointsFromStandIns } from './AgencyEndpoints';
import { defineConnector } from './defineConnector';
import { startConnectors, type RunningConnectors } from './startConnectors';

const log = createLogger({ level: 'silent', format: 'json' });
let db: Database;
let engine: Engine;
let gateway: GrpcGateway;
let agencies: RunningAgencies;
let zeebe: ReturnType<Camunda8['getZeebeGrpcApiClient']>;
let connectors: RunningConnectors;
let webhookReceiver: Server;
// Payments the connector created, read by the test to settle them at the provider.
const createdPayments: { paymentId: string }[] = [];

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
    // A retried CreateProcessInstanceWithResult would start a second instance: no client retries.
    ZEEBE_GRPC_CLIENT_RETRY: false,
  } as ConstructorParameters<typeof Camunda8>[0]).getZeebeGrpcApiClient();
  // The server will mount handlePaymentWebhook; here a bare HTTP receiver plays that role.
  const handlePaymentWebhook = createPaymentWebhookHandler({
    zeebe,
    webhookSecret: agencies.webhookSecret,
    log,
  });
  webhookReceiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handlePaymentWebhook(
        Buffer.concat(chunks),
        req.headers['x-signature'] as string | undefined,
      ).then(
        () => res.writeHead(204).end(),
        () => res.writeHead(400).end(),
      );
    });
  });
  await new Promise<void>((resolve) => webhookReceiver.listen(0, '127.0.0.1', resolve));
  const payment = paymentConnector({
    callbackUrl: `http://127.0.0.1:${(webhookReceiver.address() as AddressInfo).port}/payment-webhook`,
  });
  connectors = startConnectors({
    zeebe,
    connectors: [
      civilRegistryConnector,
      taxConnector,
      defineConnector({
        ...payment,
        run: async (input, ctx) => {
          const result = (await payment.run(input, ctx)) as { paymentId: string };
          createdPayments.push(result);
          return result;
        },
      }),
    ],
    agencies: agencyEndpointsFromStandIns(agencies),
    log,
    defaultTimeoutMs: 2_000,
  });
  await zeebe.deployResource({ name: 'lookup.bpmn', process: Buffer.from(lookupProcess) });
  await zeebe.deployResource({ name: 'tax.bpmn', process: Buffer.from(taxProcess) });
  await zeebe.deployResource({ name: 'pay.bpmn', process: Buffer.from(payProcess) });
});

afterAll(async () => {
  await connectors.close();
  await zeebe.close(1_000);
  await gateway.stop();
  await engine.stop();
  await agencies.close();
  await new Promise((resolve) => webhookReceiver.close(resolve));
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

const payProcess = bpmn(
  'pay-fee',
  [
    el.start('start'),
    el.service(
      'requestPayment',
      'balcao:payment:1',
      `${el.io([
        ['=caseRef', 'caseRef'],
        ['=60', 'amountMop'],
        ['=[{ description: "Certificate fee", amountMop: 60 }]', 'items'],
      ])}<zeebe:taskHeaders><zeebe:header key="resultVariable" value="paymentRequest" /></zeebe:taskHeaders>`,
    ),
    el.messageCatch('paid', 'Msg_paid'),
    el.end('end'),
  ],
  [
    ['start', 'requestPayment'],
    ['requestPayment', 'paid'],
    ['paid', 'end'],
  ],
  el.message('Msg_paid', 'payment-completed', '=caseRef'),
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

  it(
    'should wait for payment-completed published from the provider webhook',
    { timeout: 90_000 },
    async () => {
      // given an instance that requested a payment
      const finished = zeebe.createProcessInstanceWithResult({
        bpmnProcessId: 'pay-fee',
        variables: { caseRef: 'CASE-E2E-PAY' },
        requestTimeout: 60_000,
      });
      let created: { paymentId: string } | undefined;
      for (let i = 0; i < 1200 && !created; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        created = createdPayments[0];
      }

      // when the citizen pays at the provider
      await fetch(`${agencies.urls.payment}/payments/${created?.paymentId}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': agencies.apiKeys.payment },
        body: JSON.stringify({ method: 'mpay' }),
      });

      // then
      const result = await finished;
      expect(result.variables).toMatchObject({
        paymentRequest: { paymentId: created?.paymentId, status: 'started' },
        payment: { id: created?.paymentId, status: 'completed', method: 'mpay' },
      });
    },
  );
});
