import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBalcao, type TestBalcao } from '../balcaoHarness';
import type { SignedIn } from '../apiHarness';
import {
  bodyArbitrary,
  openApiOperations,
  pathArbitrary,
  type OpenApiOperation,
} from './openApiRoutes';

// Fixed seeds and few runs: the suite stays fast and a failure replays the same way.
const seed = 11;
const numRuns = 10;

describe('bad input through a whole node', { timeout: 300_000 }, () => {
  let node: TestBalcao;
  let admin: SignedIn;
  let operations: OpenApiOperation[];

  beforeAll(async () => {
    // Ten requests per route: more than the default rate of one client address allows.
    node = await startTestBalcao({
      env: { UPLOAD_MAX_MB: '1', API_REQUESTS_PER_MINUTE: '10000' },
    });
    admin = await node.signIn('admin');
    const doc = (await (await fetch(`${node.url}/api/openapi.json`)).json()) as Parameters<
      typeof openApiOperations
    >[0];
    // Signing out last keeps the session for the other routes.
    operations = openApiOperations(doc).sort(
      (a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')),
    );
  }, 300_000);

  afterAll(async () => {
    await node?.close();
  }, 60_000);

  it('should answer random bodies on every route of the OpenAPI document without a 5xx', async () => {
    // given
    expect(operations.length).toBeGreaterThan(5);
    const seen: string[] = [];

    for (const op of operations) {
      // when
      await fc.assert(
        fc.asyncProperty(
          pathArbitrary(op.path),
          bodyArbitrary(op.body),
          fc.oneof(fc.constant('admin'), fc.constant('none'), cookieArbitrary),
          fileNameArbitrary,
          async (path, body, who, fileName) => {
            const res = await fetch(`${node.url}${path}`, {
              method: op.method,
              headers: {
                ...(who === 'admin'
                  ? { cookie: admin.cookie, 'x-csrf-token': admin.csrf }
                  : who === 'none'
                    ? {}
                    : { cookie: who }),
                'x-file-name': fileName,
                ...(op.method === 'GET' ? {} : { 'content-type': 'application/json' }),
              },
              ...(op.method === 'GET' ? {} : { body: JSON.stringify(body) }),
            });
            const text = await res.text();

            // then
            seen.push(`${op.method} ${op.path} ${res.status}`);
            expect(
              res.status,
              `${op.method} ${path} ${JSON.stringify(body)}: ${text}`,
            ).toBeLessThan(500);
            if (res.status >= 400) {
              const answer = JSON.parse(text) as { error: { code: string; message: string } };
              expect(answer.error.message.length).toBeGreaterThan(0);
            }
          },
        ),
        { seed, numRuns },
      );
    }
    expect(new Set(seen.map((s) => s.split(' ').slice(0, 2).join(' '))).size).toBe(
      operations.length,
    );
  });

  it('should answer 413 with a clear message for an oversized body on every route that takes one', async () => {
    // given
    const big = JSON.stringify({ padding: 'x'.repeat(1_100_000) });
    const withBody = operations.filter((op) => op.method !== 'GET');

    for (const op of withBody) {
      // when
      const res = await fetch(`${node.url}${op.path.replace(/\{\w+\}/g, 'x')}`, {
        method: op.method,
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrf,
          'content-type': 'application/json',
        },
        body: big,
      });

      // then
      expect(res.status, `${op.method} ${op.path}`).toBe(413);
      const answer = (await res.json()) as { error: { code: string; message: string } };
      expect(answer.error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(answer.error.message).toMatch(/too large/);
    }
  });

  it('should refuse an upload over UPLOAD_MAX_MB with 413, declared or streamed', async () => {
    // given
    const citizen = await node.signIn('citizen');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1_200_000, 0x20)]);
    const headers = {
      cookie: citizen.cookie,
      'x-csrf-token': citizen.csrf,
      'content-type': 'application/pdf',
      'x-file-name': 'big.pdf',
    };

    // when
    const declared = await fetch(`${node.url}/api/documents`, {
      method: 'POST',
      headers,
      body: pdf,
    });
    const streamed = await fetch(`${node.url}/api/documents`, {
      method: 'POST',
      headers,
      body: new Blob([pdf]).stream(),
      duplex: 'half',
    });

    // then
    for (const res of [declared, streamed]) {
      expect(res.status).toBe(413);
      const answer = (await res.json()) as { error: { message: string } };
      expect(answer.error.message).toMatch(/limit of 1(\.0)? MB/);
    }
  });

  it('should answer the /v2 API with 413 for an oversized body and 400 for broken JSON', async () => {
    // when
    const broken = await fetch(`${node.url}/v2/process-instances/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"filter": ',
    });

    // The server answers before reading the whole body, so read the answer as curl would.
    const big = await postUnread(
      `${node.url}/v2/process-instances/search`,
      JSON.stringify({ filter: { padding: 'x'.repeat(5_000_000) } }),
    );

    // then
    expect(big.status).toBe(413);
    expect((JSON.parse(big.body) as { detail: string }).detail).toMatch(/at most 4 MB/);
    expect(broken.status).toBe(400);
  });

  it('should reject hostile BPMN over gRPC DeployResource and keep serving', async () => {
    // given
    const zeebe = node.camunda.getZeebeGrpcApiClient();
    const hostile = {
      'xxe.bpmn': `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</definitions>`,
      'laughs.bpmn': `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&c;</definitions>`,
      'deep.bpmn': `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</definitions>`,
      'garbage.bpmn': '\u0000\u0001<<<>>>not xml',
    };

    for (const [name, xml] of Object.entries(hostile)) {
      // when
      const error = await zeebe.deployResource({ name, process: Buffer.from(xml) }).then(
        () => undefined,
        (e: unknown) => e as { code?: number; details?: string; message: string },
      );

      // then
      expect(error, name).toBeDefined();
      expect(error?.message, name).toContain(name);
      expect(error?.code ?? 3, name).toBe(3);
    }
    expect(await freshStatus(`${node.url}/health`)).toBe(200);
  });
});

// On a new connection: a pooled keep-alive socket may have been closed by the server after an
// earlier test's oversized body, which would be a reset of the client's pool, not of the node.
function freshStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

// Session cookies that are forged, truncated or badly escaped.
const cookieArbitrary = fc
  .tuple(fc.constantFrom('balcao_session', 'balcao_csrf', 'x'), fc.string({ maxLength: 40 }))
  .map(([name, value]) => `${name}=${value.replace(/[;\r\n]/g, '')}`);

// File names as browsers send them (percent-encoded) and broken escapes.
const fileNameArbitrary = fc.oneof(
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.string({ unit: fc.constantFrom('%', 'E', '0', 'z', 'a', '.'), maxLength: 12 }),
);

// POSTs JSON and resolves with the answer even if the server closes before the body is sent.
function postUnread(url: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (error) => setTimeout(() => reject(error), 1000));
    req.end(body);
  });
}
