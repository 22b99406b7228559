import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, signIn, startTestApi, type SignedIn, type TestApi } from '../../test/apiHarness';
import { apiErrors } from '../api/apiErrors';
import { defineRoute } from '../api/defineRoute';
import { paged, pageQuerySchema, pageWindow } from '../api/pagination';
import { requireAgencyAnalyst, requireGroupTask, requireOwner } from './authorize';

// Stand-in resources, so the rules are tested over HTTP as real routes will use them.
const applications = new Map([
  ['app-1', { owner: 'citizen' }],
  ['app-2', { owner: 'someone-else' }],
]);
const tasks = new Map([
  ['task-dsi', { candidateGroups: ['dsi-crc-clerks'] }],
  ['task-dsf', { candidateGroups: ['dsf-clerks'] }],
]);

const routes = [
  defineRoute({
    method: 'get',
    path: '/api/test/persons/:id',
    summary: 'test',
    tag: 'test',
    auth: 'required',
    roles: ['clerk'],
    audit: 'personal-data',
    params: z.object({ id: z.string() }),
    async handle({ params, auditTarget }) {
      auditTarget(params.id, { purpose: 'verify applicant' });
      return { id: params.id, name: 'CHAN TAI MAN' };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/test/applications/:id',
    summary: 'test',
    tag: 'test',
    auth: 'required',
    params: z.object({ id: z.string() }),
    async handle({ principal, params }) {
      const app = applications.get(params.id);
      const owned = app && {
        ownerAccountId: app.owner === principal.login ? principal.accountId : app.owner,
      };
      requireOwner(principal, owned, 'The application');
      return { id: params.id };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/test/tasks/:id/complete',
    summary: 'test',
    tag: 'test',
    auth: 'required',
    params: z.object({ id: z.string() }),
    async handle({ principal, params }) {
      requireGroupTask(principal, tasks.get(params.id));
      return { completed: params.id };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/test/deployments',
    summary: 'test',
    tag: 'test',
    auth: 'required',
    roles: ['analyst', 'admin'],
    body: z.object({ agency: z.string().min(2) }),
    async handle({ principal, body }) {
      requireAgencyAnalyst(principal, body.agency);
      return { deployed: body.agency };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/test/numbers',
    summary: 'test',
    tag: 'test',
    auth: 'public',
    query: pageQuerySchema,
    async handle({ query }) {
      const all = Array.from({ length: 45 }, (_, i) => i + 1);
      const { limit, offset } = pageWindow(query);
      return paged(all.slice(offset, offset + limit), query, all.length);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/test/boom',
    summary: 'test',
    tag: 'test',
    auth: 'public',
    async handle() {
      if (applications.size > 0) throw new Error('secret database detail');
      throw apiErrors.notFound('x');
    },
  }),
];

describe('authorization of every kind of resource', () => {
  let api: TestApi;
  let citizen: SignedIn;
  let dsiClerk: SignedIn;
  let analyst: SignedIn;
  beforeAll(async () => {
    api = await startTestApi({ routes });
    [citizen, dsiClerk, analyst] = await Promise.all([
      signIn(api, 'citizen', 'demo-citizen'),
      signIn(api, 'dsi-clerk', 'demo-clerk'),
      signIn(api, 'analyst', 'demo-analyst'),
    ]);
  });
  afterAll(async () => {
    await api.close();
  });

  it("should answer 404 to a citizen reading another citizen's application, as for a missing one", async () => {
    // when
    const own = await citizen.call('/api/test/applications/app-1');
    const other = await citizen.call('/api/test/applications/app-2');
    const missing = await citizen.call('/api/test/applications/app-9');

    // then
    expect(own.status).toBe(200);
    expect(other.status).toBe(404);
    const otherBody = (await other.json()) as { error: { message: string } };
    const missingBody = (await missing.json()) as { error: { message: string } };
    expect(otherBody.error.message).toBe(missingBody.error.message);
    expect(otherBody.error.message).not.toContain('someone-else');
  });

  it("should refuse a clerk completing another group's task with 404", async () => {
    // when
    const own = await dsiClerk.call('/api/test/tasks/task-dsi/complete', { method: 'POST' });
    const other = await dsiClerk.call('/api/test/tasks/task-dsf/complete', { method: 'POST' });
    const byCitizen = await citizen.call('/api/test/tasks/task-dsi/complete', { method: 'POST' });

    // then
    expect(own.status).toBe(200);
    expect(other.status).toBe(404);
    expect(byCitizen.status).toBe(404);
  });

  it('should refuse an analyst deploying for another agency, and a clerk deploying at all', async () => {
    // when
    const own = await analyst.call('/api/test/deployments', {
      method: 'POST',
      body: { agency: 'DSI' },
    });
    const other = await analyst.call('/api/test/deployments', {
      method: 'POST',
      body: { agency: 'DSF' },
    });
    const clerk = await dsiClerk.call('/api/test/deployments', {
      method: 'POST',
      body: { agency: 'DSI' },
    });

    // then
    expect(own.status).toBe(200);
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(clerk.status).toBe(403);
  });

  it('should audit refused state-changing requests with who, what and from where', async () => {
    // when
    await dsiClerk.call('/api/test/tasks/task-dsf/complete', { method: 'POST' });

    // then
    const { rows } = await api.db.query<{ actor: string; source_ip: string; details: unknown }>(
      `select a.actor, a.source_ip, a.details from audit_log a join account c on c.id = a.actor
        where c.login = 'dsi-clerk' and a.action = 'POST /api/test/tasks/:id/complete' order by seq`,
    );
    expect(rows.map((r) => r.details)).toContainEqual({ outcome: 'refused', code: 'NOT_FOUND' });
    expect(rows.map((r) => r.details)).toContainEqual({ outcome: 'ok' });
    expect(rows[0]?.source_ip).toMatch(/127\.0\.0\.1/);
  });

  it('should audit a personal-data lookup with who and what', async () => {
    // when
    const res = await dsiClerk.call('/api/test/persons/P0001');

    // then
    expect(res.status).toBe(200);
    const { rows } = await api.db.query<{ login: string; target: string; details: unknown }>(
      `select c.login, a.target, a.details from audit_log a join account c on c.id = a.actor
        where a.action = 'GET /api/test/persons/:id'`,
    );
    expect(rows).toEqual([
      {
        login: 'dsi-clerk',
        target: 'P0001',
        details: { outcome: 'ok', purpose: 'verify applicant' },
      },
    ]);
  });

  it('should answer 400 with field errors, page lists, and hide unexpected errors', async () => {
    // when
    const invalid = await analyst.call('/api/test/deployments', {
      method: 'POST',
      body: { agency: 1 },
    });
    const page = await fetch(`${api.url}/api/test/numbers?page=3&pageSize=20`);
    const badPage = await fetch(`${api.url}/api/test/numbers?pageSize=1000`);
    const boom = await fetch(`${api.url}/api/test/boom`, { headers: { 'x-request-id': 'req-42' } });

    // then
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'agency', in: 'body' }] },
    });
    expect(await page.json()).toEqual({
      items: [41, 42, 43, 44, 45],
      page: { page: 3, pageSize: 20, total: 45, hasMore: false },
    });
    expect(badPage.status).toBe(400);
    expect(boom.status).toBe(500);
    expect(boom.headers.get('x-request-id')).toBe('req-42');
    const text = await boom.text();
    expect(text).not.toContain('secret');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'INTERNAL', requestId: 'req-42' } });
  });

  it('should answer 415 for a non-JSON body and 413 for a body over the limit', async () => {
    // when
    const form = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'login=citizen&password=demo-citizen',
    });
    const huge = await postJson(`${api.url}/api/auth/login`, {
      login: 'x'.repeat(2_000_000),
      password: 'x',
    });

    // then
    expect(form.status).toBe(415);
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});
