import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/apiHarness';

describe('OpenAPI, metrics, request ids and CORS', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ requestsPerMinute: 30 });
  });
  afterAll(async () => {
    await api.close();
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
