import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, el } from '@balcao/engine/testing';
import { ModelOwners } from '../src/modeling/ModelOwners';
import type { SignedIn } from './apiHarness';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';
import { eventually } from './eventually';

// The supervisors' monitor over real HTTP: a worker fails a job with no retries left, the
// incident shows on the monitor, the supervisor retries it and the job can be worked again.

const processId = 'monitor-payment-check';
const model = bpmn(
  processId,
  [el.start('s'), el.service('check', 'monitor-check-payment'), el.end('e')],
  [
    ['s', 'check'],
    ['check', 'e'],
  ],
);

// Two steps, so an instance can stand between them: check done, approve open.
const historyProcess = 'monitor-history';
const historyModel = bpmn(
  historyProcess,
  [
    el.start('s'),
    el.service('check', 'monitor-history-check'),
    el.service('approve', 'monitor-history-approve'),
    el.end('e'),
  ],
  [
    ['s', 'check'],
    ['check', 'approve'],
    ['approve', 'e'],
  ],
);

interface Detail {
  diagram: Record<'active' | 'completed' | 'terminated' | 'failed', string[]>;
  history: { elementId: string; state: string; startedAt: string; endedAt: string | null }[];
  variables: { name: string; value: string; truncated: boolean; scope: string }[];
}

interface Dashboard {
  bucket: string;
  throughput: { start: string; started: number; completed: number }[];
  backlog: {
    processId: string;
    agency: string;
    openInstances: number;
    openTasks: number;
    incidents: number;
  }[];
}

interface Incident {
  key: string;
  instanceKey: string;
  elementId: string;
  state: string;
  errorMessage: string;
}

describe('monitor: instances, incidents and retry', { timeout: 180_000 }, () => {
  let t: TestBalcao;
  let supervisor: SignedIn;
  let instanceKey: string;

  const activate = () =>
    t.camunda.getZeebeGrpcApiClient().activateJobs({
      type: 'monitor-check-payment',
      worker: 'test',
      timeout: 30_000,
      maxJobsToActivate: 1,
      requestTimeout: -1,
      fetchVariable: [],
    });

  beforeAll(async () => {
    t = await startTestBalcao();
    supervisor = await t.signIn('supervisor');
    const zeebe = t.camunda.getZeebeGrpcApiClient();
    await zeebe.deployResource({ name: `${processId}.bpmn`, process: Buffer.from(model) });
    // Deployed as the modeler would for DSI, the supervisor's agency.
    await new ModelOwners().record(t.balcao.db, 'process', processId, 'DSI');
    instanceKey = (await zeebe.createProcessInstance({ bpmnProcessId: processId, variables: {} }))
      .processInstanceKey;
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  it('should show a failed job as an incident the supervisor retries', async () => {
    // given: the worker fails the job with no retries left
    const job = await eventually('the payment check job', async () => (await activate())[0]);
    await t.camunda.getZeebeGrpcApiClient().failJob({
      jobKey: job.key,
      retries: 0,
      errorMessage: 'payment service down',
      retryBackOff: 0,
    });
    const incident = await eventually('the incident on the monitor', async () => {
      const list = (await (await supervisor.call('/api/monitor/incidents')).json()) as {
        items: Incident[];
      };
      return list.items.find((i) => i.instanceKey === instanceKey);
    });
    expect(incident).toMatchObject({ elementId: 'check', errorMessage: 'payment service down' });
    const instances = (await (
      await supervisor.call(`/api/monitor/instances?processId=${processId}&state=ACTIVE`)
    ).json()) as { items: { key: string; hasIncident: boolean; agency: string }[] };
    expect(instances.items).toEqual([
      expect.objectContaining({ key: instanceKey, hasIncident: true, agency: 'DSI' }),
    ]);
    const detail = (await (
      await supervisor.call(`/api/monitor/instances/${instanceKey}`)
    ).json()) as {
      bpmnXml: string;
      diagram: { failed: string[] };
      incidents: Incident[];
    };
    expect(detail.bpmnXml).toContain('monitor-check-payment');
    expect(detail.diagram.failed).toEqual(['check']);
    expect(detail.incidents.map((i) => i.key)).toEqual([incident.key]);
    expect(await activate()).toEqual([]);

    // when
    const retried = await supervisor.call(`/api/monitor/incidents/${incident.key}/retry`, {
      method: 'POST',
      body: {},
    });

    // then: resolved, and the job can be activated again
    expect(retried.status).toBe(200);
    expect(((await retried.json()) as Incident).state).toBe('RESOLVED');
    const again = await eventually('the job after the retry', async () => (await activate())[0]);
    expect(again.key).toBe(job.key);
    const open = (await (await supervisor.call('/api/monitor/incidents')).json()) as {
      items: Incident[];
    };
    expect(open.items.map((i) => i.key)).not.toContain(incident.key);
    const twice = await supervisor.call(`/api/monitor/incidents/${incident.key}/retry`, {
      method: 'POST',
      body: {},
    });
    // The engine keeps no resolved incidents: a second retry finds nothing to retry.
    expect(twice.status).toBe(404);
  });

  it('should refuse citizens and clerks', async () => {
    for (const login of ['citizen', 'dsi-clerk']) {
      const who = await t.signIn(login);
      expect((await who.call('/api/monitor/instances')).status).toBe(403);
      expect((await who.call('/api/monitor/incidents')).status).toBe(403);
      expect(
        (await who.call('/api/monitor/incidents/1/retry', { method: 'POST', body: {} })).status,
      ).toBe(403);
    }
  });

  it("should hide another agency's instances from a supervisor", async () => {
    const other = `${processId}-dsf`;
    const zeebe = t.camunda.getZeebeGrpcApiClient();
    await zeebe.deployResource({
      name: `${other}.bpmn`,
      process: Buffer.from(model.replaceAll(processId, other)),
    });
    await new ModelOwners().record(t.balcao.db, 'process', other, 'DSF');
    const { processInstanceKey } = await zeebe.createProcessInstance({
      bpmnProcessId: other,
      variables: {},
    });
    const list = (await (
      await supervisor.call(`/api/monitor/instances?processId=${other}`)
    ).json()) as {
      items: unknown[];
    };
    expect(list.items).toEqual([]);
    expect((await supervisor.call(`/api/monitor/instances/${processInstanceKey}`)).status).toBe(
      404,
    );
    const admin = await t.signIn('admin');
    const all = (await (await admin.call(`/api/monitor/instances?processId=${other}`)).json()) as {
      items: { key: string }[];
    };
    expect(all.items.map((i) => i.key)).toEqual([processInstanceKey]);
  });

  describe('history, variables and dashboard', () => {
    const work = async (type: string, variables: Record<string, string | number>) => {
      const zeebe = t.camunda.getZeebeGrpcApiClient();
      const job = await eventually(`a ${type} job`, async () => {
        const jobs = await zeebe.activateJobs({
          type,
          worker: 'test',
          timeout: 30_000,
          maxJobsToActivate: 1,
          requestTimeout: -1,
          fetchVariable: [],
        });
        return jobs[0];
      });
      await zeebe.completeJob({ jobKey: job.key, variables });
      return job.processInstanceKey;
    };

    beforeAll(async () => {
      await t.camunda.getZeebeGrpcApiClient().deployResource({
        name: `${historyProcess}.bpmn`,
        process: Buffer.from(historyModel),
      });
      await new ModelOwners().record(t.balcao.db, 'process', historyProcess, 'DSI');
    }, 60_000);

    it("should show an instance's finished and open steps, in order, and its variables", async () => {
      // given: the check is done (it raised the fee), the approval is open
      const zeebe = t.camunda.getZeebeGrpcApiClient();
      const { processInstanceKey } = await zeebe.createProcessInstance({
        bpmnProcessId: historyProcess,
        variables: { caseRef: 'M-1', fee: 10, letter: 'x'.repeat(1000) },
      });
      await work('monitor-history-check', { fee: 25 });

      // when
      const response = await supervisor.call(`/api/monitor/instances/${processInstanceKey}`);

      // then
      expect(response.status).toBe(200);
      const detail = (await response.json()) as Detail;
      expect(detail.diagram).toEqual({
        active: ['approve'],
        completed: ['s', 'check'],
        terminated: [],
        failed: [],
      });
      expect(detail.history.map((h) => [h.elementId, h.state])).toEqual([
        ['s', 'COMPLETED'],
        ['check', 'COMPLETED'],
        ['approve', 'ACTIVE'],
      ]);
      const check = detail.history[1]!;
      expect(Date.parse(check.endedAt!)).toBeGreaterThanOrEqual(Date.parse(check.startedAt));
      expect(detail.history[2]!.endedAt).toBeNull();
      expect(detail.variables.map((v) => [v.name, v.value, v.truncated, v.scope])).toEqual([
        ['caseRef', '"M-1"', false, 'process'],
        ['fee', '25', false, 'process'],
        ['letter', `"${'x'.repeat(299)}`, true, 'process'],
      ]);
    });

    it("should audit each look at an instance's variables: who, which instance, from where", async () => {
      // given
      const { processInstanceKey } = await t.camunda
        .getZeebeGrpcApiClient()
        .createProcessInstance({ bpmnProcessId: historyProcess, variables: { caseRef: 'M-2' } });

      // when
      const response = await supervisor.call(`/api/monitor/instances/${processInstanceKey}`);

      // then
      expect(response.status).toBe(200);
      const { rows } = await t.balcao.db.query(
        `select a.login, l.source_ip, l.details->>'outcome' as outcome
           from audit_log l join account a on a.id::text = l.actor
          where l.action = 'GET /api/monitor/instances/:key' and l.target = $1`,
        [`instance:${processInstanceKey}`],
      );
      expect(rows).toEqual([
        { login: 'supervisor', source_ip: expect.stringMatching(/127\.0\.0\.1$/), outcome: 'ok' },
      ]);
    });

    it('should count started and completed instances per day and the open work per process', async () => {
      // given: one instance runs to its end, another waits at its check
      const zeebe = t.camunda.getZeebeGrpcApiClient();
      const done = await zeebe.createProcessInstance({
        bpmnProcessId: historyProcess,
        variables: {},
      });
      for (const type of ['monitor-history-check', 'monitor-history-approve'])
        await eventually(`the ${type} job of the finishing instance`, async () => {
          const key = await work(type, {});
          return key === done.processInstanceKey ? key : undefined;
        });
      await zeebe.createProcessInstance({ bpmnProcessId: historyProcess, variables: {} });

      // when
      const response = await supervisor.call('/api/monitor/dashboard?days=7');

      // then
      expect(response.status).toBe(200);
      const dashboard = (await response.json()) as Dashboard;
      expect(dashboard.bucket).toBe('day');
      expect(dashboard.throughput).toHaveLength(7);
      const today = dashboard.throughput.at(-1)!;
      expect(today.completed).toBeGreaterThanOrEqual(1);
      expect(today.started).toBeGreaterThanOrEqual(today.completed);
      const row = dashboard.backlog.find((b) => b.processId === historyProcess);
      expect(row).toMatchObject({ incidents: 0 });
      expect(row!.openInstances).toBeGreaterThanOrEqual(1);
      // Only the supervisor's agency: DSF's copy of the payment check is not counted.
      expect(dashboard.backlog.every((b) => b.agency === 'DSI')).toBe(true);
    });

    it('should answer hours for one day, refuse a bad range and refuse citizens', async () => {
      const hourly = (await (
        await supervisor.call('/api/monitor/dashboard?days=1')
      ).json()) as Dashboard;
      expect(hourly.bucket).toBe('hour');
      expect(hourly.throughput).toHaveLength(24);
      const bad = await supervisor.call('/api/monitor/dashboard?days=400');
      expect(bad.status).toBe(400);
      expect(JSON.stringify(await bad.json())).toContain('days');
      const citizen = await t.signIn('citizen');
      expect((await citizen.call('/api/monitor/dashboard')).status).toBe(403);
    });
  });
});
