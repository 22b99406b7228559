import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, type Database } from '@balcao/platform';
import { openTestDatabase } from '@balcao/platform/testing';
import { serverMigrations } from '../../../test/apiHarness';
import { AccessTokens } from './accessTokens';

describe('OAuth access tokens', () => {
  let db: Database;
  let tokens: AccessTokens;
  const principal = { accountId: 'a-1', login: 'admin', role: 'admin' as const };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db, [serverMigrations]);
    tokens = await AccessTokens.load(db);
  });

  afterAll(async () => {
    await db.close();
  });

  it('should accept its own unexpired token and share the key between nodes', async () => {
    // given: a second node loads the key from the same database
    const other = await AccessTokens.load(db);

    // when
    const token = tokens.issue(principal, 60);

    // then
    expect(other.verify(token)).toMatchObject({ sub: 'a-1', login: 'admin', role: 'admin' });
  });

  it('should refuse a tampered or expired token', () => {
    // given
    const token = tokens.issue(principal, 60, Date.parse('2026-01-01T00:00:00Z'));
    const [head, , signature] = token.split('.');
    const forged = `${head}.${Buffer.from(JSON.stringify({ sub: 'a-1', login: 'admin', role: 'admin', iat: 0, exp: 9999999999, iss: 'balcao' })).toString('base64url')}.${signature}`;

    // then
    expect(tokens.verify(forged)).toBeUndefined();
    expect(tokens.verify(token, Date.parse('2026-01-01T00:01:01Z'))).toBeUndefined();
    expect(tokens.verify(token, Date.parse('2026-01-01T00:00:30Z'))).toBeDefined();
  });
});
