import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { BalcaoError } from '@balcao/platform';
import { ApiErrorCode } from '../../api/ApiErrorCode';
import { defineRoute, type ApiRoute } from '../../api/defineRoute';
import { readCookies } from '../cookies';
import { setSessionCookies } from '../sessionCookies';
import { createSession } from '../sessions';
import { mapOidcClaims } from './mapOidcClaims';
import { oidcOptionsSchema, type OidcOptionsInput } from './oidcOptions';
import { upsertExternalAccount } from './upsertExternalAccount';
import { verifyIdToken } from './verifyIdToken';

const STATE_COOKIE = 'balcao_oidc';
const discoverySchema = z.object({
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
});
const stateSchema = z.object({ state: z.string(), nonce: z.string(), verifier: z.string() });

/** Authorization-code flow with PKCE: `/api/auth/oidc/start` redirects, the callback signs in. */
export function oidcRoutes(input: OidcOptionsInput): ApiRoute[] {
  const options = oidcOptionsSchema.parse(input);
  const issuer = options.issuer.replace(/\/$/, '');
  let discovery: Promise<z.infer<typeof discoverySchema>> | undefined;
  const discover = () => {
    discovery ??= getJson(`${issuer}/.well-known/openid-configuration`).then((json) =>
      discoverySchema.parse(json),
    );
    discovery.catch(() => (discovery = undefined));
    return discovery;
  };

  return [
    defineRoute({
      method: 'get',
      path: '/api/auth/oidc/start',
      summary: 'Redirect to the OIDC provider to sign in',
      tag: 'identity',
      auth: 'public',
      audit: 'none',
      async handle({ req, res }) {
        const endpoints = await discover().catch(unavailable);
        const flow = { state: random(), nonce: random(), verifier: random() };
        res.cookie(STATE_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
          httpOnly: true,
          sameSite: 'lax',
          secure: req.secure,
          path: '/api/auth/oidc',
          maxAge: 10 * 60_000,
        });
        const url = new URL(endpoints.authorization_endpoint);
        url.search = new URLSearchParams({
          response_type: 'code',
          client_id: options.clientId,
          redirect_uri: options.redirectUri,
          scope: options.scopes,
          state: flow.state,
          nonce: flow.nonce,
          code_challenge: createHash('sha256').update(flow.verifier).digest('base64url'),
          code_challenge_method: 'S256',
        }).toString();
        res.redirect(302, url.toString());
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/oidc/callback',
      summary: 'Where the OIDC provider sends the browser back; opens a session',
      tag: 'identity',
      auth: 'public',
      audit: 'write',
      transaction: false,
      query: z.object({ code: z.string().min(1), state: z.string().min(1) }),
      async handle({ tx, query, req, res, auditTarget }) {
        const raw = readCookies(req.headers).get(STATE_COOKIE);
        const flow = stateSchema.safeParse(raw ? decodeState(raw) : undefined);
        if (!flow.success || flow.data.state !== query.state) throw refused('the sign-in expired');
        const endpoints = await discover().catch(unavailable);
        const tokens = await postForm(endpoints.token_endpoint, {
          grant_type: 'authorization_code',
          code: query.code,
          redirect_uri: options.redirectUri,
          client_id: options.clientId,
          client_secret: options.clientSecret,
          code_verifier: flow.data.verifier,
        });
        const idToken = (tokens as { id_token?: unknown } | undefined)?.id_token;
        if (typeof idToken !== 'string') throw refused('the provider sent no ID token');
        const jwks = z
          .object({ keys: z.array(z.looseObject({ kty: z.string() })) })
          .parse(await getJson(endpoints.jwks_uri).catch(unavailable));
        const verified = verifyIdToken(idToken, jwks.keys, {
          issuer,
          clientId: options.clientId,
          nonce: flow.data.nonce,
          nowSeconds: Math.floor(Date.now() / 1000),
        });
        if ('reason' in verified) throw refused(`the ID token was refused (${verified.reason})`);
        const account = await upsertExternalAccount(tx, mapOidcClaims(verified.claims, options));
        auditTarget(account.id, { via: 'oidc' });
        const session = await createSession(tx, account.id);
        setSessionCookies(req, res, session);
        res.clearCookie(STATE_COOKIE, { path: '/api/auth/oidc' });
        res.redirect(302, options.afterLoginPath);
        return undefined;
      },
    }),
  ];
}

function random(): string {
  return randomBytes(32).toString('base64url');
}

function decodeState(raw: string): unknown {
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function refused(why: string): BalcaoError {
  return new BalcaoError(
    ApiErrorCode.OidcFailed,
    `Signing in with the identity provider failed: ${why}. Start again.`,
  );
}

function unavailable(cause: unknown): never {
  throw new BalcaoError(
    ApiErrorCode.Unavailable,
    'The identity provider does not answer. Try again in a few minutes or sign in with a password.',
    { cause, retryable: true },
  );
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.json();
}

async function postForm(url: string, form: Record<string, string>): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    signal: AbortSignal.timeout(10_000),
  }).catch(unavailable);
  if (!res.ok) throw refused(`the provider refused the code (${res.status})`);
  return res.json();
}
