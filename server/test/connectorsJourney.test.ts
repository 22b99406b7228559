import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@balcao/platform';
import { createScratchPostgres } from '@balcao/platform/testing';
import { bpmn, el } from '@balcao/engine/testing';
import { loadServerConfig } from '../src/config/serverConfig';
import { startBalcao, type Balcao } from '../src/boot/startBalcao';

// What `npm start` brings up together: engine, gateway, stand-in agencies and the connectors.
// A process deployed through the Camunda SDK reaches the tax office and issues a certificate
// that the public verification page confirms.
const tax = (id: string) =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="balcao:tax:1" retries="3" /><zeebe:ioMapping><zeebe:input source="=taxpayerNumber" target="taxpayerNumber" /></zeebe:ioMapping><zeebe:taskHeaders><zeebe:header key="resultVariable" value="taxClearance" /><zeebe:header key="errorExpression" value="=if response.status = &#34;DEBT_OUTSTANDING&#34; then bpmnError(&#34;TAX_DEBT_OUTSTANDING&#34;, &#34;debts&#34;, { taxClearance: response }) else null" /></zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask>`;
const issue = (id: string) =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="balcao:document-issue:1" /><zeebe:ioMapping><zeebe:input source="=caseRef" target="caseRef" /><zeebe:input source="Tax clearance certificate" target="title" /><zeebe:input source="DSF" target="issuer" /><zeebe:input source="en" target="language" /><zeebe:input source="={ name: applicantName }" target="applicant" /><zeebe:input source="=90" target="validDays" /></zeebe:ioMapping><zeebe:taskHeaders><zeebe:header key="resultVariable" value="certificate" /></zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask>`;

const model = bpmn(
  'tax-clearance-demo',
  [
    el.start('s'),
    tax('check'),
    issue('issue'),
    '<bpmn:boundaryEvent id="debt" attachedToRef="check"><bpmn:errorEventDefinition errorRef="Debt" /></bpmn:boundaryEvent>',
    el.end('issued'),
    el.end('refused'),
  ],
  [
    ['s', 'check'],
    ['check', 'issue'],
    ['issue', 'issued'],
    ['debt', 'refused'],
  ],
  el.error('Debt', 'TAX_DEBT_OUTSTANDING'),
);

describe('npm start with connectors and stand-in agencies', { timeout: 120_000 }, () => {
  let balcao: Balcao;
  let dataDir: string;
  let camunda: Camunda8;
  let scratch: { url: string; drop(): Promise<void> } | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'balcao-journey-'));
    // A database of its own on the server: earlier runs' deployments must not show here.
    if (process.env.DATABASE_URL) scratch = await createScratchPostgres(process.env.DATABASE_URL);
    const config = loadServerConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: scratch?.url,
      PORT: '0',
      GATEWAY_ADDRESS: '127.0.0.1:0',
      AGENCIES_PORT: '0',
    });
    balcao = await startBalcao(config, createLogger({ level: 'silent' }));
    camunda = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://${balcao.gatewayAddress}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'none',
      ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
    } as ConstructorParameters<typeof Camunda8>[0]);
    await camunda
      .getZeebeGrpcApiClient()
      .deployResource({ name: 'tax-clearance-demo.bpmn', process: Buffer.from(model) });
  }, 120_000);

  afterAll(async () => {
    await camunda?.getZeebeGrpcApiClient().close(1000);
    await balcao?.close();
    await scratch?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('should check a clear taxpayer at the tax office and issue a verifiable certificate', async () => {
    // when
    const result = await camunda.getZeebeGrpcApiClient().createProcessInstanceWithResult({
      bpmnProcessId: 'tax-clearance-demo',
      variables: {
        taxpayerNumber: '12345678',
        caseRef: '2026-DSF-000001',
        applicantName: 'CHAN TAI MAN',
      },
      requestTimeout: 60_000,
    });

    // then
    const variables = result.variables as {
      taxClearance: { status: string };
      certificate: { verificationCode: string };
    };
    expect(variables.taxClearance.status).toBe('CLEAR');
    const code = variables.certificate.verificationCode;
    const api = (await (await fetch(`${balcao.httpUrl}/api/verify/${code}`)).json()) as {
      status: string;
    };
    expect(api.status).toBe('GENUINE');
    const page = await (await fetch(`${balcao.httpUrl}/verify?code=${code}&lang=en`)).text();
    expect(page).toContain('This certificate is genuine and unaltered.');
    const forged = (await (
      await fetch(`${balcao.httpUrl}/api/verify/${code}`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf' },
        body: Buffer.from('%PDF-1.7 forged'),
      })
    ).json()) as { status: string };
    expect(forged.status).toBe('ALTERED');
  });

  it('should take the debt path when the tax office reports outstanding debts', async () => {
    // when
    const result = await camunda.getZeebeGrpcApiClient().createProcessInstanceWithResult({
      bpmnProcessId: 'tax-clearance-demo',
      variables: { taxpayerNumber: '51234567', caseRef: '2026-DSF-000002', applicantName: 'WONG' },
      requestTimeout: 60_000,
    });

    // then
    const variables = result.variables as {
      taxClearance: { status: string };
      certificate?: unknown;
    };
    expect(variables.taxClearance.status).toBe('DEBT_OUTSTANDING');
    expect(variables.certificate).toBeUndefined();
  });
});
