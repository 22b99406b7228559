import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '@balcao/platform';
import type { Principal } from '../Principal';

export interface AccessTokenClaims {
  sub: string;
  login: string;
  role: Principal['role'];
  iat: number;
  exp: number;
  iss: 'balcao';
}

/**
 * OAuth access tokens are JWTs signed with HS256 by a key every node shares (kept in the
 * database): checking one costs a hash, not a database round trip, on every gateway call.
 */
export class AccessTokens {
  private constructor(private readonly key: Buffer) {}

  static async load(db: Queryable): Promise<AccessTokens> {
    await db.query(
      'insert into server_signing_key (id, key) values (1, $1) on conflict (id) do nothing',
      [randomBytes(32).toString('base64')],
    );
    const row = (await db.query<{ key: string }>('select key from server_signing_key where id = 1'))
      .rows[0]!;
    return new AccessTokens(Buffer.from(row.key, 'base64'));
  }

  issue(
    principal: Pick<Principal, 'accountId' | 'login' | 'role'>,
    ttlSeconds: number,
    nowMs = Date.now(),
  ): string {
    const iat = Math.floor(nowMs / 1000);
    const claims: AccessTokenClaims = {
      sub: principal.accountId,
      login: principal.login,
      role: principal.role,
      iat,
      exp: iat + ttlSeconds,
      iss: 'balcao',
    };
    const head = encode({ alg: 'HS256', typ: 'JWT' });
    const body = encode(claims);
    return `${head}.${body}.${this.sign(`${head}.${body}`)}`;
  }

  /** The claims of a genuine, unexpired token; undefined otherwise. */
  verify(token: string, nowMs = Date.now()): AccessTokenClaims | undefined {
    const [head, body, signature] = token.split('.');
    if (!head || !body || !signature) return undefined;
    const expected = Buffer.from(this.sign(`${head}.${body}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const header = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as AccessTokenClaims;
      if (header.alg !== 'HS256' || claims.iss !== 'balcao' || claims.exp * 1000 <= nowMs)
        return undefined;
      return claims;
    } catch {
      return undefined;
    }
  }

  private sign(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
