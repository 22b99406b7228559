import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpmn, el } from '@balcao/engine/testing';
import { createAccount } from '../src/identity/accounts';
import { ModelOwners } from '../src/modeling/ModelOwners';
import type { SignedIn } from './apiHarness';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';
import { eventually } from './eventually';

// "Pagination everywhere" (issue 7): the lists that answered everything at once answer
// `{ items, page }` like the others, page by page, counting only what the caller may see.

interface Page<T> {
  items: T[];
  page: { page: number; pageSize: number; total: number; hasMore: boolean };
}

const failing = (processId: string) =>
  bpmn(
    processId,
    [el.start('s'), el.service('check', `${processId}-check`), el.end('e')],
    [
      ['s', 'check'],
      ['check', 'e'],
    ],
  );

describe('paged lists', { timeout: 180_000 }, () => {
  let t: TestBalcao;
  const get = async <T>(who: SignedIn, path: string) => {
    const res = await who.call(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as Page<T>;
  };

  beforeAll(async () => {
    t = await startTestBalcao({ library: true });
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  it("should page an account's API tokens and saved views", async () => {
    // given three tokens and three views
    const analyst = await t.signIn('analyst');
    const clerk = await t.signIn('dsi-clerk');
    for (const name of ['ci', 'deploy', 'report']) {
      await analyst.call('/api/me/tokens', { method: 'POST', body: { name } });
      await clerk.call('/api/me/views', {
        method: 'POST',
        body: { name, filter: { view: 'mine' } },
      });
    }

    // when
    const tokens = await get<{ name: string }>(analyst, '/api/me/tokens?pageSize=2');
    const lastToken = await get<{ name: string }>(analyst, '/api/me/tokens?pageSize=2&page=2');
    const views = await get<{ name: string }>(clerk, '/api/me/views?pageSize=2&page=2');
    const allViews = await get<{ name: string }>(clerk, '/api/me/views');

    // then
    expect(tokens.items.map((i) => i.name)).toEqual(['ci', 'deploy']);
    expect(tokens.page).toEqual({ page: 1, pageSize: 2, total: 3, hasMore: true });
    expect(lastToken.items.map((i) => i.name)).toEqual(['report']);
    expect(lastToken.page.hasMore).toBe(false);
    expect(views.items.map((i) => i.name)).toEqual(['report']);
    expect(allViews.items).toHaveLength(3);
    expect(allViews.page).toMatchObject({ pageSize: 100, total: 3 });
    expect(JSON.stringify(allViews.items)).not.toContain('total');
  });

  it("should page the monitor's instances and incidents of the supervisor's agency only", async () => {
    // given three DSI instances with two incidents, then DSF's (newer: they sort first)
    const zeebe = t.camunda.getZeebeGrpcApiClient();
    const instances: Record<string, string[]> = {};
    for (const [processId, agency, count] of [
      ['paged-dsi', 'DSI', 3],
      ['paged-dsf', 'DSF', 2],
    ] as const) {
      await zeebe.deployResource({
        name: `${processId}.bpmn`,
        process: Buffer.from(failing(processId)),
      });
      await new ModelOwners().record(t.balcao.db, 'process', processId, agency);
      instances[processId] = [];
      for (let i = 0; i < count; i += 1)
        instances[processId].push(
          (await zeebe.createProcessInstance({ bpmnProcessId: processId, variables: {} }))
            .processInstanceKey,
        );
      for (let i = 0; i < Math.min(count, 2); i += 1) {
        const job = await eventually(`a ${processId} job`, async () => {
          const jobs = await zeebe.activateJobs({
            type: `${processId}-check`,
            worker: 'test',
            timeout: 30_000,
            maxJobsToActivate: 1,
            requestTimeout: -1,
            fetchVariable: [],
          });
          return jobs[0];
        });
        await zeebe.failJob({ jobKey: job.key, retries: 0, errorMessage: 'down', retryBackOff: 0 });
      }
    }
    const supervisor = await t.signIn('supervisor');
    const admin = await t.signIn('admin');
    await eventually('the incidents', async () => {
      const all = await get(admin, '/api/monitor/incidents');
      return all.page.total === 4 ? all : undefined;
    });

    // when
    const first = await get<{ key: string; agency: string }>(
      supervisor,
      '/api/monitor/instances?pageSize=2',
    );
    const second = await get<{ key: string; agency: string }>(
      supervisor,
      '/api/monitor/instances?pageSize=2&page=2',
    );
    const incidents = await get<{ processId: string }>(
      supervisor,
      '/api/monitor/incidents?pageSize=1',
    );
    const everyone = await get(admin, '/api/monitor/instances?pageSize=1');
    const foreign = await get(supervisor, '/api/monitor/instances?processId=paged-dsf');

    // then: full pages of DSI's, newest first, counted without DSF's
    expect([...first.items, ...second.items].map((i) => i.key)).toEqual(
      [...instances['paged-dsi']!].reverse(),
    );
    expect(first.page).toEqual({ page: 1, pageSize: 2, total: 3, hasMore: true });
    expect(second.page.hasMore).toBe(false);
    expect(first.items.every((i) => i.agency === 'DSI')).toBe(true);
    expect(incidents.items).toEqual([expect.objectContaining({ processId: 'paged-dsi' })]);
    expect(incidents.page).toMatchObject({ total: 2, hasMore: true });
    expect(everyone.page.total).toBe(5);
    expect(foreign).toMatchObject({ items: [], page: { total: 0 } });
  });

  it('should page who a supervisor may give a task to', async () => {
    // given a task of a group with two more clerks in it
    for (const login of ['paged-clerk-a', 'paged-clerk-b'])
      await createAccount(t.balcao.db, {
        login,
        displayName: login,
        role: 'clerk',
        agency: 'DSI',
        groups: ['paged-group'],
        password: 'paged-clerk-pw',
      });
    const zeebe = t.camunda.getZeebeGrpcApiClient();
    const model = bpmn(
      'paged-review',
      [
        el.start('s'),
        el.user(
          'review',
          `<zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="paged-group" /><zeebe:taskHeaders><zeebe:header key="balcao:agency" value="DSI" /></zeebe:taskHeaders>`,
        ),
        el.end('e'),
      ],
      [
        ['s', 'review'],
        ['review', 'e'],
      ],
    );
    await zeebe.deployResource({ name: 'paged-review.bpmn', process: Buffer.from(model) });
    await zeebe.createProcessInstance({ bpmnProcessId: 'paged-review', variables: {} });
    const supervisor = await t.signIn('supervisor');
    const task = await eventually('the review task', async () => {
      const list = await get<{ id: string }>(supervisor, '/api/tasks?processId=paged-review');
      return list.items[0];
    });

    // when
    const first = await get<{ login: string }>(
      supervisor,
      `/api/tasks/${task.id}/assignees?pageSize=1`,
    );
    const second = await get<{ login: string }>(
      supervisor,
      `/api/tasks/${task.id}/assignees?pageSize=1&page=2`,
    );
    const all = await get<{ login: string }>(supervisor, `/api/tasks/${task.id}/assignees`);

    // then
    expect(all.items.map((a) => a.login)).toEqual(['paged-clerk-a', 'paged-clerk-b']);
    expect(all.page).toMatchObject({ pageSize: 100, total: 2, hasMore: false });
    expect(first.items.map((a) => a.login)).toEqual(['paged-clerk-a']);
    expect(first.page).toMatchObject({ total: 2, hasMore: true });
    expect(second.items.map((a) => a.login)).toEqual(['paged-clerk-b']);
  });

  it("should page the modeler's processes, forms and drafts", async () => {
    // given the DSI analyst's library processes and forms, and three drafts
    const analyst = await t.signIn('analyst');
    const draft = (id: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t"><bpmn:process id="${id}" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process></bpmn:definitions>`;
    for (const id of ['dsi-paged-a', 'dsi-paged-b', 'dsi-paged-c'])
      expect(
        (
          await analyst.call(`/api/modeling/drafts/process/${id}`, {
            method: 'PUT',
            body: { name: id, content: draft(id) },
          })
        ).status,
      ).toBe(200);

    // when
    type Process = { processId: string; versions: unknown[] };
    const all = await get<Process>(analyst, '/api/modeling/processes?pageSize=100');
    const second = await get<Process>(analyst, '/api/modeling/processes?pageSize=2&page=2');
    const searched = await get<Process>(analyst, '/api/modeling/processes?q=DSI-PAGED-&pageSize=2');
    const forms = await get<{ formId: string }>(analyst, '/api/modeling/forms?pageSize=1');
    const drafts = await get<{ id: string }>(analyst, '/api/modeling/drafts?pageSize=2');

    // then
    const ids = all.items.map((p) => p.processId);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(ids).toContain('criminal-record-certificate');
    expect(second.items.map((p) => p.processId)).toEqual(ids.slice(2, 4));
    expect(second.page.total).toBe(ids.length);
    expect(searched.items.map((p) => p.processId)).toEqual(['dsi-paged-a', 'dsi-paged-b']);
    expect(searched.page).toMatchObject({ total: 3, hasMore: true });
    expect(forms.items).toHaveLength(1);
    expect(forms.page.total).toBeGreaterThan(1);
    expect(drafts.items.map((d) => d.id)).toEqual(['dsi-paged-c', 'dsi-paged-b']);
    expect(drafts.page).toMatchObject({ total: 3, hasMore: true });
  });
});
