import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { createLogger } from '@balcao/platform';
import { createScratchPostgres } from '@balcao/platform/testing';
import { startBalcao, type Balcao } from '../src/boot/startBalcao';
import { loadServerConfig } from '../src/config/serverConfig';
import { signIn, type SignedIn } from './apiHarness';

/** Demo passwords (server/src/identity/demoAccounts.ts). */
const demoPasswords: Record<string, string> = {
  citizen: 'demo-citizen',
  'dsi-clerk': 'demo-clerk',
  'dsf-clerk': 'demo-clerk',
  'dsaj-clerk': 'demo-clerk',
  'safp-clerk': 'demo-clerk',
  analyst: 'demo-analyst',
  supervisor: 'demo-supervisor',
  admin: 'demo-admin',
};

export interface TestBalcao {
  balcao: Balcao;
  url: string;
  /** A Zeebe client of the test (no auth: the gateway runs open on loopback). */
  camunda: Camunda8;
  signIn(login: string, password?: string): Promise<SignedIn>;
  close(): Promise<void>;
}

/**
 * The whole node as `npm start` runs it (engine, gateway, API, live hub), on ports 0 and a
 * fresh data directory; DATABASE_URL (test:db) switches to a new, empty database on that
 * PostgreSQL server (dropped on close), so runs never see each other's data. Stand-in
 * agencies, connectors and the process library are off unless asked for.
 */
export async function startTestBalcao(
  options: {
    integrations?: boolean;
    library?: boolean;
    env?: Record<string, string>;
    /** The clock of the SLA views (applications, supervisors' list). */
    now?: () => Date;
  } = {},
): Promise<TestBalcao> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'balcao-test-'));
  const scratch = process.env.DATABASE_URL
    ? await createScratchPostgres(process.env.DATABASE_URL)
    : undefined;
  const config = loadServerConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: scratch?.url,
    PORT: '0',
    GATEWAY_ADDRESS: '127.0.0.1:0',
    AGENCIES_PORT: '0',
    AGENCIES: options.integrations ? 'embedded' : 'off',
    CONNECTORS: options.integrations ? 'on' : 'off',
    DEPLOY_LIBRARY: options.library ? 'true' : 'false',
    ...options.env,
  });
  const balcao = await startBalcao(
    config,
    createLogger({ level: (process.env.BALCAO_TEST_LOG ?? 'silent') as 'silent' }),
    options.now ? { now: options.now } : {},
  );
  const camunda = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${balcao.gatewayAddress}`,
    ZEEBE_REST_ADDRESS: balcao.httpUrl,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
  } as ConstructorParameters<typeof Camunda8>[0]);
  return {
    balcao,
    url: balcao.httpUrl,
    camunda,
    signIn: (login, password) =>
      signIn({ url: balcao.httpUrl }, login, password ?? demoPasswords[login] ?? ''),
    async close() {
      await camunda
        .getZeebeGrpcApiClient()
        .close(1000)
        .catch(() => undefined);
      await balcao.close();
      await scratch?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
