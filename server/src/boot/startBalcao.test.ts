import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Camunda8 } from '@camunda8/sdk';
import { ZBClient } from 'zeebe-node';
import { createLogger } from '@balcao/platform';
import { createScratchPostgres, testDatabaseKind } from '@balcao/platform/testing';
import { loadServerConfig } from '../config/serverConfig';
import { createApiToken } from '../identity/apiTokens';
import { findAccountByLogin } from '../identity/accounts';
import { startBalcao, type Balcao } from './startBalcao';

const log = createLogger({ level: 'silent' });

describe(`startBalcao with the engine gateway (${testDatabaseKind})`, { timeout: 90_000 }, () => {
  const cleanups: (() => Promise<unknown>)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  }, 60_000);

  async function databaseEnv(): Promise<Record<string, string>> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'balcao-boot-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) return { DATA_DIR: dataDir };
    const scratch = await createScratchPostgres(adminUrl);
    cleanups.push(() => scratch.drop());
    return { DATA_DIR: dataDir, DATABASE_URL: scratch.url };
  }

  it('should serve the Zeebe gateway and Camunda /v2 beside the HTTP API', async () => {
    // given
    const config = loadServerConfig({
      ...(await databaseEnv()),
      PORT: '0',
      GATEWAY_ADDRESS: '127.0.0.1:0',
      NODE_ID: 'boot-test',
      AGENCIES: 'off',
    });
    const balcao: Balcao = await startBalcao(config, log);
    cleanups.push(() => balcao.close());
    const zbc = new ZBClient(balcao.gatewayAddress, { useTLS: false, loglevel: 'NONE' });
    cleanups.push(() => zbc.close(1000));

    // when
    const topology = await zbc.topology();
    const v2 = await fetch(`${balcao.httpUrl}/v2/topology`);

    // then
    expect(topology.brokers.map((b) => `${b.host}:${b.port}`)).toEqual([balcao.gatewayAddress]);
    expect(v2.status).toBe(200);
    expect(await v2.json()).toMatchObject({ partitionsCount: 1, clusterSize: 1 });
  });

  it('should require identity API tokens on the gateway and /v2 in production', async () => {
    // given
    const config = loadServerConfig({
      ...(await databaseEnv()),
      PORT: '0',
      GATEWAY_ADDRESS: '127.0.0.1:0',
      NODE_ENV: 'production',
      AGENCIES: 'off',
      SEED_DEMO_ACCOUNTS: 'true',
      PAYMENT_WEBHOOK_SECRET: 'a-real-secret-for-this-test',
    });
    const balcao: Balcao = await startBalcao(config, log);
    cleanups.push(() => balcao.close());
    const analyst = await findAccountByLogin(balcao.db, 'analyst');
    const { token } = await createApiToken(balcao.db, analyst!.id, 'ci');

    // when
    const anonymous = await fetch(`${balcao.httpUrl}/v2/topology`);
    const withToken = await fetch(`${balcao.httpUrl}/v2/topology`, {
      headers: { authorization: `Bearer ${token}` },
    });

    // then
    expect(anonymous.status).toBe(401);
    expect(withToken.status).toBe(200);
  });

  it('should refuse at deploy a form whose definition carries JavaScript, naming the component', async () => {
    // given
    const config = loadServerConfig({
      ...(await databaseEnv()),
      PORT: '0',
      GATEWAY_ADDRESS: '127.0.0.1:0',
      AGENCIES: 'off',
    });
    const balcao: Balcao = await startBalcao(config, log);
    cleanups.push(() => balcao.close());
    const zbc = new ZBClient(balcao.gatewayAddress, { useTLS: false, loglevel: 'NONE' });
    cleanups.push(() => zbc.close(1000));
    const form = {
      formId: 'crc-apply',
      title: { 'zh-Hant': '申請', pt: 'Pedido', en: 'Application' },
      display: 'form',
      components: [
        {
          type: 'textfield',
          key: 'idNumber',
          input: true,
          calculateValue: "require('child_process').execSync('id')",
        },
      ],
    };

    // when
    const attempt = zbc.deployResource({
      name: 'apply.form.json',
      form: Buffer.from(JSON.stringify(form)),
    });

    // then
    await expect(attempt).rejects.toThrow(
      /Component "idNumber": custom JavaScript in calculateValue is not allowed/,
    );
  });

  it('should let a Zeebe client in production sign in with OAuth client credentials', async () => {
    // given
    const config = loadServerConfig({
      ...(await databaseEnv()),
      PORT: '0',
      GATEWAY_ADDRESS: '127.0.0.1:0',
      NODE_ENV: 'production',
      AGENCIES: 'off',
      SEED_DEMO_ACCOUNTS: 'true',
      PAYMENT_WEBHOOK_SECRET: 'a-real-secret-for-this-test',
    });
    const balcao: Balcao = await startBalcao(config, log);
    cleanups.push(() => balcao.close());
    const admin = await findAccountByLogin(balcao.db, 'admin');
    const { token } = await createApiToken(balcao.db, admin!.id, 'worker');
    const sdk = (secret: string) =>
      new Camunda8({
        ZEEBE_GRPC_ADDRESS: `grpc://${balcao.gatewayAddress}`,
        CAMUNDA_AUTH_STRATEGY: 'OAUTH',
        CAMUNDA_OAUTH_URL: `${balcao.httpUrl}/oauth/token`,
        ZEEBE_CLIENT_ID: 'admin',
        ZEEBE_CLIENT_SECRET: secret,
        CAMUNDA_TOKEN_DISK_CACHE_DISABLE: true,
        CAMUNDA_LOG_LEVEL: 'none',
        ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
        ZEEBE_GRPC_CLIENT_RETRY: false,
      } as ConstructorParameters<typeof Camunda8>[0]).getZeebeGrpcApiClient();
    const good = sdk(token);
    const bad = sdk('blc_not-a-real-token');
    cleanups.push(
      () => good.close(1000),
      () => bad.close(1000),
    );

    // when
    const topology = await good.topology();
    const refused = await bad.topology().then(
      () => 'accepted',
      (error: unknown) => String(error),
    );

    // then
    expect(topology.brokers).toHaveLength(1);
    expect(refused).toMatch(/invalid_client|401|Failed to get token/);
  });
});
