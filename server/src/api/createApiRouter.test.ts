import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/apiHarness';
import { webApps } from '../http/webApps';

describe('OpenAPI, metrics, request ids, security headers and CORS', () => {
  let api: TestApi;
  let portal: string;
  beforeAll(async () => {
    // given a built portal served beside the API, as `npm start` does
    portal = await mkdtemp(path.join(os.tmpdir(), 'balcao-portal-'));
    await writeFile(path.join(portal, 'index.html'), '<!doctype html><title>portal</title>');
    api = await startTestApi({
      requestsPerMinute: 30,
      routers: () => [webApps([{ mount: '/', dir: portal }])],
    });
  });
  afterAll(async () => {
    await api.close();
    await rm(portal, { recursive: true, force: true });
  });

  it('should serve an OpenAPI 3.1 document built from the request schemas', async () => {
    // when
    const res = await fetch(`${api.url}/api/openapi.json`);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };

    // then
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/me/tokens/{id}']),
    );
    expect(
      doc.paths['/api/auth/login']?.post?.requestBody?.content['application/json']?.schema,
    ).toMatchObject({
      type: 'object',
      required: ['login', 'password'],
    });
  });

  it('should expose Prometheus metrics with the route pattern as label', async () => {
    // given
    await fetch(`${api.url}/api/me`);

    // when
    const res = await fetch(`${api.url}/metrics`);
    const text = await res.text();

    // then
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    expect(text).toMatch(
      /balcao_http_requests_total\{method="GET",route="\/api\/me",status="401"\} 1/,
    );
  });

  it('should give every answer a request id and no CORS headers', async () => {
    // when
    const res = await fetch(`${api.url}/api/me`, { headers: { origin: 'https://evil.example' } });

    // then
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("should send helmet's security headers on API answers and web pages", async () => {
    // when
    const apiAnswer = await fetch(`${api.url}/api/me`);
    const page = await fetch(`${api.url}/applications`, { headers: { accept: 'text/html' } });

    // then
    expect(await page.text()).toContain('<title>portal</title>');
    for (const res of [apiAnswer, page]) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('should answer 429 with Retry-After once an address exceeds the API rate', async () => {
    // when
    const answers = [];
    for (let i = 0; i < 31; i += 1) answers.push((await fetch(`${api.url}/api/me`)).status);
    const limited = await fetch(`${api.url}/api/me`);

    // then
    expect(answers.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });
});
