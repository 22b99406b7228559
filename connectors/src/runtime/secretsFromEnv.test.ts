import { describe, expect, it } from 'vitest';
import { resolveSecrets } from './resolveSecrets';
import { secretsFromEnv } from './secretsFromEnv';

describe('secretsFromEnv', () => {
  it('should take prefixed variables as secrets that references resolve to', () => {
    // given
    const env = { CONNECTOR_SECRET_TAX_KEY: 'k-1', CONNECTOR_SECRET_EMPTY: '', PATH: '/bin' };

    // when
    const secrets = secretsFromEnv(env);

    // then
    expect(secrets).toEqual({ TAX_KEY: 'k-1' });
    expect(resolveSecrets({ headers: ['Key {{ secrets.TAX_KEY }}'] }, secrets)).toEqual({
      headers: ['Key k-1'],
    });
  });
});
