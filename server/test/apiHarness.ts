import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Router } from 'express';
import { createLogger, migrate, type Database } from '@balcao/platform';
import { openTestDatabase } from '@balcao/platform/testing';
import { createApiRouter, type ApiRouterDeps } from '../src/api/createApiRouter';
import { seedDemoAccounts } from '../src/identity/demoAccounts';
import { createApp } from '../src/http/createApp';

export interface TestApi {
  url: string;
  db: Database;
  server: Server;
  resetTokens: { login: string; token: string }[];
  close(): Promise<void>;
}

export const serverMigrations = {
  namespace: 'server',
  dir: fileURLToPath(new URL('../migrations', import.meta.url)),
};

/**
 * The API on a real HTTP server (port 0) over a fresh test database with the demo accounts;
 * `routers` adds plain Express routers after it (webhooks, the OAuth endpoint, web apps).
 */
export async function startTestApi(
  options: Partial<Pick<ApiRouterDeps, 'routes' | 'bodyLimit' | 'oidc' | 'requestsPerMinute'>> & {
    routers?: (db: Database) => Router[] | Promise<Router[]>;
  } = {},
): Promise<TestApi> {
  const db = await openTestDatabase();
  const log = createLogger({ level: 'silent' });
  await migrate(db, [serverMigrations]);
  await seedDemoAccounts(db);
  const resetTokens: TestApi['resetTokens'] = [];
  const { routers, ...apiOptions } = options;
  const router = createApiRouter({
    db,
    log,
    ...apiOptions,
    async deliverPasswordReset({ login, token }) {
      resetTokens.push({ login, token });
    },
  });
  const app = createApp({
    log,
    readiness: { notReadyReason: async () => undefined },
    routers: [router, ...((await routers?.(db)) ?? [])].map((r) => ({ path: '/', router: r })),
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    server,
    resetTokens,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

export interface SignedIn {
  cookie: string;
  csrf: string;
  /** fetch with the session cookie and CSRF header. */
  call(path: string, init?: { method?: string; body?: unknown; csrf?: boolean }): Promise<Response>;
}

export async function signIn(
  api: { url: string },
  login: string,
  password: string,
  totpCode?: string,
): Promise<SignedIn> {
  const res = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password, ...(totpCode ? { totpCode } : {}) }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${login} failed: ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie,
    csrf: csrfToken,
    call: (path, init = {}) =>
      fetch(`${api.url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          cookie,
          ...(init.csrf === false ? {} : { 'x-csrf-token': csrfToken }),
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
  };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
