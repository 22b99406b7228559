import { z } from 'zod';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { paged, pagedSchema, pageQueryOf, pageWindow } from '../api/pagination';
import { createApiToken, listApiTokens, revokeApiToken } from './apiTokens';
import { findAccountById } from './accounts';
import { requestPasswordReset, resetPassword } from './passwordReset';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

export interface AccountRouteOptions {
  /** Sends the reset token to the person (e-mail / SMS); the API never returns it. */
  deliverPasswordReset(message: { accountId: string; login: string; token: string }): Promise<void>;
}

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

/** Two-factor enrolment, password reset and API tokens. */
export function accountRoutes(options: AccountRouteOptions): ApiRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/me/totp',
      summary: 'Start two-factor enrolment: returns a new TOTP secret and otpauth URI',
      tag: 'identity',
      auth: 'required',
      response: z.object({ secret: z.string(), uri: z.string() }),
      async handle({ tx, principal }) {
        const account = await findAccountById(tx, principal.accountId);
        if (account?.totp_enabled) {
          throw apiErrors.conflict('Two-factor sign-in is already on for this account.');
        }
        const secret = newTotpSecret();
        await tx.query('update account set totp_secret = $2 where id = $1', [
          principal.accountId,
          secret,
        ]);
        return { secret, uri: totpUri(secret, principal.login) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/me/totp/confirm',
      summary: 'Finish two-factor enrolment with a code from the authenticator app',
      tag: 'identity',
      auth: 'required',
      body: z.object({ code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code') }),
      async handle({ tx, principal, body }) {
        const account = await findAccountById(tx, principal.accountId);
        if (!account?.totp_secret || !verifyTotp(account.totp_secret, body.code, Date.now())) {
          throw apiErrors.unprocessable(
            'The code does not match. Enter the current code from the app.',
          );
        }
        await tx.query('update account set totp_enabled = true where id = $1', [
          principal.accountId,
        ]);
        return undefined;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/password-reset',
      summary: 'Ask for a password reset; answers the same whether the login exists or not',
      tag: 'identity',
      auth: 'public',
      status: 202,
      body: z.object({ login: z.string().min(1).max(200) }),
      response: z.object({ status: z.literal('requested') }),
      rateLimit: { limit: 5, windowSeconds: 60 },
      async handle({ tx, body, auditTarget }) {
        const issued = await requestPasswordReset(tx, body.login);
        if (issued) {
          auditTarget(issued.accountId);
          await options.deliverPasswordReset({ ...issued, login: body.login });
        }
        return { status: 'requested' as const };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/password-reset/confirm',
      summary: 'Set a new password with a reset token (single use, 30 minutes)',
      tag: 'identity',
      auth: 'public',
      body: z.object({ token: z.string().min(1), newPassword: z.string().min(10).max(1000) }),
      rateLimit: { limit: 10, windowSeconds: 60 },
      async handle({ tx, body, auditTarget }) {
        auditTarget(await resetPassword(tx, body.token, body.newPassword));
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/me/tokens',
      summary: 'API tokens of the signed-in account (never the secrets)',
      tag: 'identity',
      auth: 'required',
      query: pageQueryOf(100),
      response: pagedSchema(tokenSchema),
      async handle({ tx, principal, query }) {
        const { items, total } = await listApiTokens(tx, principal.accountId, pageWindow(query));
        return paged(items, query, total);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/me/tokens',
      summary: 'Create an API token for machine clients; the token is shown only once',
      tag: 'identity',
      auth: 'required',
      status: 201,
      body: z.object({ name: z.string().min(1).max(100) }),
      response: z.object({ id: z.string(), token: z.string() }),
      async handle({ tx, principal, body, auditTarget }) {
        const created = await createApiToken(tx, principal.accountId, body.name);
        auditTarget(created.id);
        return created;
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/me/tokens/:id',
      summary: 'Revoke an API token',
      tag: 'identity',
      auth: 'required',
      params: z.object({ id: z.uuid() }),
      async handle({ tx, principal, params, auditTarget }) {
        auditTarget(params.id);
        if (!(await revokeApiToken(tx, principal.accountId, params.id))) {
          throw apiErrors.notFound('The API token');
        }
        return undefined;
      },
    }),
  ];
}
