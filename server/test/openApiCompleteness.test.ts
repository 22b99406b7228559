import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';

// The OpenAPI document is built from the defineRoute routes: a route mounted any other way
// under /api would be served but not described. This walks what the node really mounted.

interface Operation {
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}

describe('the OpenAPI document', { timeout: 180_000 }, () => {
  let t: TestBalcao;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    // With connectors and stand-in agencies, so every router of `npm start` is mounted.
    t = await startTestBalcao({ integrations: true });
    paths = ((await (await fetch(`${t.url}/api/openapi.json`)).json()) as { paths: typeof paths })
      .paths;
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  it('should describe every /api route the node serves', () => {
    // given every route of every router, the document itself aside
    const served = t.balcao
      .routes()
      .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/openapi.json');

    // when
    const undescribed = served.filter(
      (r) => !paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()],
    );

    // then
    expect(served.length).toBeGreaterThan(50);
    expect(served).toEqual(
      expect.arrayContaining([
        { method: 'GET', path: '/api/verify/:code' },
        { method: 'POST', path: '/api/verify/:code' },
      ]),
    );
    expect(undescribed).toEqual([]);
  });

  it('should describe the PDF a certificate check takes and the answers of the modeler', () => {
    // then
    expect(paths['/api/verify/{code}']?.post?.requestBody?.content).toHaveProperty(
      'application/pdf',
    );
    const modeling = Object.entries(paths).filter(([path]) => path.startsWith('/api/modeling/'));
    const withoutAnswer = modeling.flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method, op]) => {
          const [status, answer] = Object.entries(op.responses)[0]!;
          // Deleting answers 204; the process XML is XML.
          return method !== 'delete' && !path.endsWith('/xml') && status && !answer.content;
        })
        .map(([method]) => `${method} ${path}`),
    );
    expect(modeling.length).toBeGreaterThan(5);
    expect(withoutAnswer).toEqual([]);
  });

  it('should verify a certificate code over the documented route', async () => {
    // when
    const unknown = await fetch(`${t.url}/api/verify/NO-SUCH-CODE`);
    const wrongType = await fetch(`${t.url}/api/verify/NO-SUCH-CODE`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'not a pdf',
    });

    // then
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ status: 'UNKNOWN', document: null });
    expect(wrongType.status).toBe(415);
    expect(((await wrongType.json()) as { error: { message: string } }).error.message).toContain(
      'application/pdf',
    );
  });
});
