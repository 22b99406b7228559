import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgencies, type RunningAgencies } from '@balcao/agencies';
import { createScratchPostgres } from '@balcao/platform/testing';
import { startBalcaoNode, type BalcaoNode } from './balcaoNode';
import { deployChaosProcess, eventually, queryEngine, recipientOf } from './chaosProcess';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('a stand-in agency that fails for a while', { timeout: 600_000 }, () => {
  let scratch: { url: string; drop(): Promise<void> };
  let agencies: RunningAgencies;
  let node: BalcaoNode;

  beforeAll(async () => {
    scratch = await createScratchPostgres(adminUrl);
    // Seeded faults: the same requests fail the same way on every run.
    agencies = await startAgencies({ port: 0, faultSeed: 11 });
    node = await startBalcaoNode({
      databaseUrl: scratch.url,
      agenciesUrl: agencies.url,
      nodeId: 'chaos-outage',
    });
    await deployChaosProcess(node.camunda);
  }, 600_000);

  afterAll(async () => {
    await node?.stop();
    await agencies?.close();
    await scratch?.drop();
  }, 120_000);

  it('should retry with back-off, raise incidents, and complete every instance once resolved', async () => {
    // given: every call to the notification gateway fails with a 5xx or hangs past the timeout
    const count = 10;
    agencies.faults.set('notification', { errorRate: 0.5, timeoutRate: 0.5 });
    const zeebe = node.camunda.getZeebeGrpcApiClient();
    for (let n = 0; n < count; n++)
      await zeebe.createProcessInstance({
        bpmnProcessId: 'chaos',
        variables: { email: recipientOf('outage', n), caseRef: `outage-${n}` },
      });

    // when: each job spends its three attempts, then becomes an incident
    const incidents = await eventually('an incident for every instance', async () => {
      const rows = await queryEngine<{ key: string; job_key: string; message: string }>(
        scratch.url,
        `select key::text, job_key::text, record->>'errorMessage' as message from engine_incident`,
      );
      return rows.length === count ? rows : undefined;
    });
    const attempts = await queryEngine<{ times: number }>(
      scratch.url,
      `select count(*)::int as times from engine_event
        where value_type = 'JOB' and intent = 'FAILED' group by key`,
    );
    // (read outside fault injection: the notices list itself is down with the agency)
    const effectsDuringOutage = await Promise.all(
      incidents.map(async (incident) => {
        const res = await fetch(
          `${agencies.urls.notification}/effects?idempotencyKey=${incident.job_key}:email`,
          { headers: { 'x-api-key': agencies.apiKeys.notification } },
        );
        return ((await res.json()) as { effects: number }).effects;
      }),
    );

    // then: three failed attempts per job, and nothing sent while the agency was down
    expect(attempts.map((a) => a.times)).toEqual(Array(count).fill(3));
    for (const incident of incidents)
      expect(incident.message).toMatch(/^CONNECTOR_(UNAVAILABLE|TIMEOUT): /);
    expect(effectsDuringOutage).toEqual(Array(count).fill(0));

    // when: the agency recovers and an operator resolves the incidents
    agencies.faults.clear('notification');
    for (const incident of incidents) {
      await zeebe.updateJobRetries({ jobKey: incident.job_key, retries: 1 });
      await zeebe.resolveIncident({ incidentKey: incident.key });
    }

    // then: every instance completes, each applicant notified once
    await eventually('every instance completed after recovery', async () => {
      const rows = await queryEngine<{ c: number }>(
        scratch.url,
        `select count(*)::int as c from engine_process_instance where state = 'COMPLETED'`,
      );
      return rows[0]!.c === count ? true : undefined;
    });
    expect(await notices()).toBe(count);
  });

  async function notices(): Promise<number> {
    let total = 0;
    for (let n = 0; n < 10; n++) {
      const res = await fetch(
        `${agencies.urls.notification}/notices?recipient=${encodeURIComponent(recipientOf('outage', n))}`,
        { headers: { 'x-api-key': agencies.apiKeys.notification } },
      );
      total += ((await res.json()) as { notices: unknown[] }).notices.length;
    }
    return total;
  }
});
