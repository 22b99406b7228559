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
      elements: { elementId: string; state: string }[];
      incidents: Incident[];
    };
    expect(detail.bpmnXml).toContain('monitor-check-payment');
    expect(detail.elements).toContainEqual({ elementId: 'check', state: 'ACTIVE' });
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
});
