import { startAgencies, type RunningAgencies } from '@balcao/agencies';
import {
  FileDocumentSink,
  MemoryInAppNoticeSink,
  agencyEndpointsFromStandIns,
  civilRegistryConnector,
  createPaymentWebhookHandler,
  exchangeDocumentConnector,
  issueDocumentConnector,
  letterActionConnector,
  macaoHolidays,
  notifyConnector,
  paymentConnector,
  startConnectors,
  taxConnector,
  workingDaysConnector,
  type RunningConnectors,
} from '@balcao/connectors';
import { startGrpcGateway, type GrpcGateway } from '@balcao/engine';
import { TestEngine } from '@balcao/engine/testing';
import { createLogger } from '@balcao/platform';
import { Camunda8 } from '@camunda8/sdk';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { libraryResources } from '../catalogue/libraryEntries';
import { milestonesOf, type Milestone } from './milestonesOf';

type Zeebe = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

/**
 * The whole library on a test engine (controllable clock) with its Zeebe gateway, the real
 * connectors as Zeebe workers against the stand-in agencies, and a payment webhook
 * receiver playing the server's part. One per test file.
 */
export class ScenarioHarness {
  private constructor(
    readonly t: TestEngine,
    readonly agencies: RunningAgencies,
    readonly notices: MemoryInAppNoticeSink,
    /** Where issued certificates are stored (for `verifyDocument`). */
    readonly documents: FileDocumentSink,
    private readonly gateway: GrpcGateway,
    private readonly zeebe: Zeebe,
    private readonly connectors: RunningConnectors,
    private readonly webhookReceiver: Server,
    private readonly documentsDir: string,
  ) {}

  static async start(): Promise<ScenarioHarness> {
    const log = createLogger({ level: 'silent', format: 'json' });
    const t = await TestEngine.start();
    const deployed = await t.engine.deploy(libraryResources());
    if (deployed.warnings.length > 0) throw new Error(deployed.warnings.join('\n'));
    const gateway = await startGrpcGateway({
      engine: t.engine,
      db: t.db,
      log,
      address: '127.0.0.1:0',
    });
    const agencies = await startAgencies({ port: 0, faultSeed: 1 });
    const zeebe = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateway.port}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'none',
      ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
    } as ConstructorParameters<typeof Camunda8>[0]).getZeebeGrpcApiClient();
    const webhookReceiver = await startWebhookReceiver(
      createPaymentWebhookHandler({ zeebe, webhookSecret: agencies.webhookSecret, log }),
    );
    const notices = new MemoryInAppNoticeSink();
    const documentsDir = mkdtempSync(join(tmpdir(), 'balcao-library-'));
    const documents = new FileDocumentSink(documentsDir);
    const connectors = startConnectors({
      zeebe,
      log,
      agencies: agencyEndpointsFromStandIns(agencies),
      defaultTimeoutMs: 5_000,
      connectors: [
        civilRegistryConnector,
        taxConnector,
        exchangeDocumentConnector,
        letterActionConnector,
        issueDocumentConnector({
          sink: documents,
          verificationBaseUrl: 'https://balcao.example/verify',
        }),
        notifyConnector({ inApp: notices }),
        // Deadlines count from the engine's (test-controlled) clock.
        workingDaysConnector({ holidays: macaoHolidays(), now: () => new Date(t.clock.now()) }),
        paymentConnector({
          callbackUrl: `http://127.0.0.1:${(webhookReceiver.address() as AddressInfo).port}/hooks/payment`,
        }),
      ],
    });
    return new ScenarioHarness(
      t,
      agencies,
      notices,
      documents,
      gateway,
      zeebe,
      connectors,
      webhookReceiver,
      documentsDir,
    );
  }

  async startApplication(processId: string, variables: Record<string, unknown>): Promise<number> {
    const created = await this.t.engine.createProcessInstance({
      bpmnProcessId: processId,
      variables,
    });
    return Number(created.processInstanceKey);
  }

  /**
   * Polls until `probe` gives a value: the workers run on their own, over gRPC. The limit is
   * generous because a busy machine (two cores, several suites) slows every step down.
   */
  async waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    for (let attempt = 0; attempt < 3_000; attempt++) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`Expected ${what}, but it did not happen within 60 s.`);
  }

  /** The open user task of an element anywhere in the instance tree of `rootKey`. */
  waitForUserTask(rootKey: number, elementId: string): Promise<number> {
    return this.waitFor(`user task ${elementId}`, async () => {
      const r = await this.t.db.query<{ key: string }>(
        `select key from engine_user_task
          where record->>'elementId' = $1 and state = 'CREATED' and process_instance_key = any($2)`,
        [elementId, [...(await this.instanceTree(rootKey))]],
      );
      return r.rows[0] === undefined ? undefined : Number(r.rows[0].key);
    });
  }

  /** Waits for the open user task of an element, as `waitForUserTask`, and completes it. */
  async completeTask(
    rootKey: number,
    elementId: string,
    variables: Record<string, unknown>,
  ): Promise<number> {
    const key = await this.waitForUserTask(rootKey, elementId);
    await this.t.engine.completeUserTask({ key, variables });
    return key;
  }

  /** The candidate groups a user task was offered to. */
  async candidateGroups(taskKey: number): Promise<string[] | undefined> {
    const r = await this.t.db.query<{ candidate_groups: string[] }>(
      'select candidate_groups from engine_user_task where key = $1',
      [taskKey],
    );
    return r.rows[0]?.candidate_groups;
  }

  /** Waits until an element is active (a wait state reached) anywhere in the instance tree. */
  waitForElement(rootKey: number, elementId: string): Promise<true> {
    return this.waitFor(`element ${elementId}`, async () => {
      const tree = await this.instanceTree(rootKey);
      const reached = (await this.t.events()).some(
        (e) =>
          e.valueType === 'PROCESS_INSTANCE' &&
          e.intent === 'ELEMENT_ACTIVATED' &&
          e.value.elementId === elementId &&
          tree.has(Number(e.processInstanceKey)),
      );
      return reached ? true : undefined;
    });
  }

  /** Waits for the instance to end; an incident anywhere in its tree fails at once. */
  waitForEnd(rootKey: number): Promise<string> {
    return this.waitFor('the application to end', async () => {
      for (const key of await this.instanceTree(rootKey)) {
        const incident = (await this.t.incidents(key))[0];
        if (incident) throw new Error(`Incident at ${incident.elementId}: ${incident.message}`);
      }
      const state = await this.t.instanceState(rootKey);
      return state === undefined || state === 'ACTIVE' ? undefined : state;
    });
  }

  /** Settles the open payment of an application at the provider, as the citizen would. */
  async settlePayment(rootKey: number, outcome: 'complete' | 'fail'): Promise<void> {
    const id = await this.waitFor('a started payment', () => this.startedPayment(rootKey));
    const res = await fetch(`${this.agencies.urls.payment}/payments/${id}/${outcome}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': this.agencies.apiKeys.payment },
      body: JSON.stringify(outcome === 'complete' ? { method: 'mpay' } : { reason: 'declined' }),
    });
    if (!res.ok) throw new Error(`Settling payment ${id} answered ${res.status}.`);
  }

  /** Milestones (en label) of the elements activated in the instance tree, in order. */
  async milestones(rootKey: number): Promise<Milestone[]> {
    return milestonesOf(await this.t.events(), await this.instanceTree(rootKey));
  }

  async instanceTree(rootKey: number): Promise<Set<number>> {
    const keys = new Set([rootKey]);
    for (const e of await this.t.events()) {
      const parent = Number(e.value.parentProcessInstanceKey);
      if (e.processInstanceKey !== undefined && keys.has(parent))
        keys.add(Number(e.processInstanceKey));
    }
    return keys;
  }

  /** Templates of the in-app notices of a case, in order. */
  inAppTemplates(caseRef: string): string[] {
    return this.notices.notices.filter((n) => n.caseRef === caseRef).map((n) => n.template);
  }

  /** Notices the stand-in notification gateway sent to a recipient for a case. */
  async standInNotices(
    recipient: string,
    caseRef: string,
  ): Promise<{ channel: string; template: string; personalisation: Record<string, unknown> }[]> {
    const res = await fetch(
      `${this.agencies.urls.notification}/notices?recipient=${encodeURIComponent(recipient)}&caseRef=${encodeURIComponent(caseRef)}`,
      { headers: { 'x-api-key': this.agencies.apiKeys.notification } },
    );
    return (
      (await res.json()) as {
        notices: { channel: string; template: string; personalisation: Record<string, unknown> }[];
      }
    ).notices;
  }

  /** Letters at the stand-in document exchange matching a filter (`caseRef`, `receiverDepartment`, …). */
  async letters(filter: Record<string, string>): Promise<Record<string, unknown>[]> {
    const url = `${this.agencies.urls['document-exchange']}/letters?${new URLSearchParams(filter).toString()}`;
    const headers = { 'x-api-key': this.agencies.apiKeys['document-exchange'] };
    // A kept-alive socket the stand-in has just closed resets the first read: ask once more.
    const res = await fetch(url, { headers }).catch(() => fetch(url, { headers }));
    return ((await res.json()) as { letters: Record<string, unknown>[] }).letters;
  }

  /**
   * Opens or closes a department's mailbox at the stand-in document exchange: while closed,
   * letters sent to it are not delivered (agencies/README.md, "Document exchange").
   */
  async setMailbox(department: string, accepting: boolean, reason?: string): Promise<void> {
    const res = await fetch(
      `${this.agencies.urls['document-exchange']}/mailboxes/${encodeURIComponent(department)}`,
      {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          'x-api-key': this.agencies.apiKeys['document-exchange'],
        },
        body: JSON.stringify({ accepting, ...(reason === undefined ? {} : { reason }) }),
      },
    );
    if (!res.ok) throw new Error(`Setting the mailbox of ${department} answered ${res.status}.`);
  }

  async close(): Promise<void> {
    await this.connectors.close();
    await this.zeebe.close(1_000);
    await this.gateway.stop();
    await this.agencies.close();
    await new Promise((resolve) => this.webhookReceiver.close(resolve));
    await this.t.close();
    rmSync(this.documentsDir, { recursive: true, force: true });
  }

  /** The payment request (connector result) of the tree not settled yet. */
  private async startedPayment(rootKey: number): Promise<string | undefined> {
    const r = await this.t.db.query<{ value: { paymentId?: string } }>(
      `select value from engine_variable where name = 'paymentRequest' and process_instance_key = any($1)`,
      [[...(await this.instanceTree(rootKey))]],
    );
    const ids = r.rows.map((row) => row.value.paymentId).filter((id) => id !== undefined);
    for (const id of ids.reverse()) {
      const res = await fetch(`${this.agencies.urls.payment}/payments/${id}`, {
        headers: { 'x-api-key': this.agencies.apiKeys.payment },
      });
      const payment = (await res.json()) as { status: string };
      if (payment.status === 'started') return id;
    }
    return undefined;
  }
}

function startWebhookReceiver(
  handle: (body: Buffer, signature: string | undefined) => Promise<unknown>,
): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(Buffer.concat(chunks), req.headers['x-signature'] as string | undefined).then(
        () => res.writeHead(204).end(),
        () => res.writeHead(400).end(),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
