import { describe, expect, it } from 'vitest';
import { isBalcaoError } from '@balcao/platform';
import { staticTokenAuthenticator } from './Authenticator';
import { authenticatorFor, authRequired } from './authRequired';

describe('gateway authentication by bind address', () => {
  it('should run open on a loopback bind outside production', () => {
    // given
    const binds = ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'];

    // when
    const required = binds.map((host) => authRequired({ host, nodeEnv: 'development' }));

    // then
    expect(required).toEqual([false, false, false, false, false]);
  });

  it('should require tokens on any other bind, or in production', () => {
    // given
    const binds = [
      { host: '0.0.0.0', nodeEnv: 'development' },
      { host: '::', nodeEnv: 'development' },
      { host: '10.0.0.5', nodeEnv: 'test' },
      { host: 'balcao.gov.mo', nodeEnv: 'development' },
      { host: '127.0.0.1', nodeEnv: 'production' },
    ];

    // when
    const required = binds.map((bind) => authRequired(bind));

    // then
    expect(required).toEqual([true, true, true, true, true]);
  });

  it('should refuse to start a non-loopback bind without an authenticator, naming the variable', () => {
    // when
    const attempt = () =>
      authenticatorFor(
        {
          host: '0.0.0.0',
          nodeEnv: 'development',
          what: 'Zeebe gRPC gateway',
          variable: 'GATEWAY_ADDRESS',
        },
        undefined,
      );

    // then
    expect(attempt).toThrow(/GATEWAY_ADDRESS/);
    try {
      attempt();
    } catch (error) {
      expect(isBalcaoError(error, 'GATEWAY_AUTH_REQUIRED')).toBe(true);
    }
  });

  it('should accept only the configured static tokens', async () => {
    // given
    const authenticate = staticTokenAuthenticator([
      'first-token-0123456789',
      'second-token-0123456789',
    ]);

    // when
    const known = await authenticate('second-token-0123456789');
    const unknown = await authenticate('second-token-012345678X');

    // then
    expect(known).toEqual({ id: 'static-token-2' });
    expect(unknown).toBeUndefined();
  });
});
