import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startAgencies, type RunningAgencies } from '@balcao/agencies';
import { createLogger } from '@balcao/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyEndpointsFromStandIns } from '../runtime/AgencyEndpoints';
import { handleJob, type JobDeps, type JobLike } from '../runtime/handleJob';
import { httpConnector } from './httpConnector';

let agencies: RunningAgencies;
let oauth: Server;
let oauthUrl: string;
let deps: JobDeps;
const tokenRequests: string[] = [];

beforeAll(async () => {
  agencies = await startAgencies({ port: 0, faultSeed: 1 });
  // A token endpoint and an API that wants its token, like an agency behind OAuth.
  oauth = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/token') {
        tokenRequests.push(body);
        res.end(
          JSON.stringify({ access_token: 'tok-abc', token_type: 'Bearer', expires_in: 3600 }),
        );
      } else {
        res.statusCode = req.headers.authorization === 'Bearer tok-abc' ? 200 : 401;
        res.end(JSON.stringify({ authorization: req.headers.authorization ?? null }));
      }
    });
  });
  await new Promise<void>((resolve) => oauth.listen(0, '127.0.0.1', resolve));
  oauthUrl = `http://127.0.0.1:${(oauth.address() as AddressInfo).port}`;
  deps = {
    secrets: {
      TAX_KEY: agencies.apiKeys.tax,
      NOTIFY_KEY: agencies.apiKeys.notification,
      CLIENT_SECRET: 's3cret-value',
    },
    agencies: agencyEndpointsFromStandIns(agencies),
    log: createLogger({ level: 'silent', format: 'json' }),
    defaultTimeoutMs: 2_000,
    defaultRetryBackoffMs: 1_000,
    defaultRetries: 3,
  };
});
afterAll(async () => {
  await agencies.close();
  await new Promise((resolve) => oauth.close(resolve));
});

function job(
  key: string,
  variables: Record<string, unknown>,
  customHeaders: Record<string, unknown> = { resultVariable: 'http' },
  retries = 3,
): JobLike {
  return {
    key,
    type: httpConnector.type,
    processInstanceKey: '1',
    bpmnProcessId: 'p',
    elementId: 'call',
    retries,
    variables,
    customHeaders,
  };
}

describe('httpConnector', () => {
  it('should GET JSON with a header taken from a secret', async () => {
    // when
    const outcome = await handleJob(
      job(
        'h-1',
        {
          url: `${agencies.urls.tax}/clearance/12345678`,
          headers: { 'X-Api-Key': '{{secrets.TAX_KEY}}' },
        },
        { resultExpression: '={ status: response.body.status, code: response.status }' },
      ),
      httpConnector,
      deps,
    );

    // then
    expect(outcome).toEqual({ kind: 'complete', variables: { status: 'CLEAR', code: 200 } });
  });

  it('should fetch an OAuth client-credentials token and send it as bearer', async () => {
    // when
    const outcome = await handleJob(
      job('h-2', {
        url: `${oauthUrl}/api`,
        authentication: {
          type: 'oauth-client-credentials',
          tokenUrl: `${oauthUrl}/token`,
          clientId: 'balcao',
          clientSecret: '{{secrets.CLIENT_SECRET}}',
          scope: 'read',
        },
      }),
      httpConnector,
      deps,
    );

    // then
    expect(outcome).toMatchObject({
      kind: 'complete',
      variables: { http: { status: 200, body: { authorization: 'Bearer tok-abc' } } },
    });
    expect(tokenRequests.at(-1)).toBe(
      'grant_type=client_credentials&client_id=balcao&client_secret=s3cret-value&scope=read',
    );
  });

  it('should reuse an OAuth token until it expires', async () => {
    // given
    const auth = {
      type: 'oauth-client-credentials',
      tokenUrl: `${oauthUrl}/token`,
      clientId: 'cached',
      clientSecret: 'x',
    };
    const before = tokenRequests.length;

    // when
    await handleJob(
      job('h-2a', { url: `${oauthUrl}/api`, authentication: auth }),
      httpConnector,
      deps,
    );
    const second = await handleJob(
      job('h-2b', { url: `${oauthUrl}/api`, authentication: auth }),
      httpConnector,
      deps,
    );

    // then
    expect(second).toMatchObject({ kind: 'complete' });
    expect(tokenRequests.length - before).toBe(1);
  });

  it('should send basic and bearer credentials', async () => {
    // when
    const basic = await handleJob(
      job('h-3', {
        url: `${oauthUrl}/api`,
        authentication: { type: 'basic', username: 'u', password: 'p' },
      }),
      httpConnector,
      deps,
    );
    const bearer = await handleJob(
      job('h-4', { url: `${oauthUrl}/api`, authentication: { type: 'bearer', token: 'tok-abc' } }),
      httpConnector,
      deps,
    );

    // then
    expect(basic).toMatchObject({ kind: 'fail', retries: 0, code: 'CONNECTOR_UNAUTHORIZED' });
    expect(bearer).toMatchObject({ kind: 'complete' });
  });

  it('should throw HTTP_404 as a BPMN error with the response', async () => {
    // when
    const outcome = await handleJob(
      job('h-5', {
        url: `${agencies.urls['document-exchange']}/letters/NOPE`,
        headers: { 'X-Api-Key': agencies.apiKeys['document-exchange'] },
      }),
      httpConnector,
      deps,
    );

    // then
    expect(outcome).toMatchObject({
      kind: 'error',
      errorCode: 'HTTP_404',
      variables: { httpResponse: { status: 404 } },
    });
  });

  it('should POST once for two deliveries of the same job', async () => {
    // given
    const variables = {
      method: 'POST',
      url: `${agencies.urls.notification}/notices`,
      headers: { 'X-Api-Key': '{{secrets.NOTIFY_KEY}}' },
      body: { channel: 'sms', recipient: '+85366123456', senderAgency: 'DSI', template: 'ready@1' },
    };

    // when
    await handleJob(job('h-6', variables), httpConnector, deps);
    await handleJob(job('h-6', variables), httpConnector, deps);

    // then
    const response = await fetch(`${agencies.urls.notification}/effects?idempotencyKey=h-6`, {
      headers: { 'x-api-key': agencies.apiKeys.notification },
    });
    expect(await response.json()).toMatchObject({ effects: 1 });
  });

  it('should retry a 5xx and time out a hanging call', async () => {
    // given
    const variables = {
      url: `${agencies.urls.tax}/clearance/12345678`,
      headers: { 'X-Api-Key': '{{secrets.TAX_KEY}}' },
    };
    agencies.faults.set('tax', { errorRate: 1 });
    const failed = await handleJob(job('h-7', variables), httpConnector, deps);
    agencies.faults.set('tax', { timeoutRate: 1 });

    // when
    const hung = await handleJob(job('h-7', variables, { timeout: 100 }, 2), httpConnector, deps);
    agencies.faults.clear();

    // then
    expect(failed).toMatchObject({ kind: 'fail', code: 'CONNECTOR_UNAVAILABLE', retries: 2 });
    expect(hung).toMatchObject({
      kind: 'fail',
      code: 'CONNECTOR_TIMEOUT',
      retries: 1,
      retryBackOff: 2_000,
    });
  });
});
