import { Metadata } from '@grpc/grpc-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staticTokenAuthenticator } from '../auth/Authenticator';
import { rawGatewayClient } from './rawGatewayClient';
import { restCall } from './restCall';
import { startTestGateway, type TestGateway } from './startTestGateway';

const TOKEN = 'clerk-app-token-0123456789abcdef';

describe('gateway with tokens', { timeout: 60_000 }, () => {
  let gateway: TestGateway;
  let client: ReturnType<typeof rawGatewayClient>;

  beforeEach(async () => {
    gateway = await startTestGateway({ authenticator: staticTokenAuthenticator([TOKEN]) });
    client = rawGatewayClient(gateway.grpcAddress);
  }, 60_000);

  afterEach(async () => {
    client.close();
    await gateway.close();
  }, 60_000);

  const topology = (metadata: Metadata) =>
    client.unary<{ brokers: unknown[] }>('Topology', {}, metadata);

  it('should answer UNAUTHENTICATED over gRPC without a bearer token', async () => {
    // when
    const { error } = await topology(new Metadata());

    // then
    expect(error?.code).toBe(16);
    expect(error?.details).toMatch(/Bearer <token>/);
  });

  it('should serve a gRPC call that carries a known bearer token', async () => {
    // given
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${TOKEN}`);

    // when
    const { error, response } = await topology(metadata);

    // then
    expect(error).toBeNull();
    expect(response?.brokers).toHaveLength(1);
  });

  it('should answer 401 on /v2 without a token and 200 with one', async () => {
    // when
    const without = await restCall(gateway, 'POST', '/v2/user-tasks/search', {});
    const wrong = await restCall(
      gateway,
      'POST',
      '/v2/user-tasks/search',
      {},
      {
        authorization: 'Bearer not-the-token',
      },
    );
    const withToken = await restCall(
      gateway,
      'POST',
      '/v2/user-tasks/search',
      {},
      {
        authorization: `Bearer ${TOKEN}`,
      },
    );

    // then
    expect(without.status).toBe(401);
    expect(without.body).toMatchObject({ status: 401, title: 'UNAUTHENTICATED' });
    expect(wrong.status).toBe(401);
    expect(withToken.status).toBe(200);
    expect(withToken.body).toEqual({ items: [], page: { totalItems: 0 } });
  });
});
