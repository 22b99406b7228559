import { describe, expect, it } from 'vitest';
import { base32Encode, totpCode, verifyTotp } from './totp';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1 seed "12345678901234567890".
  const secret = base32Encode(Buffer.from('12345678901234567890'));

  it('should match the RFC 6238 test vectors', () => {
    // when / then
    expect(totpCode(secret, 59_000, 8)).toBe('94287082');
    expect(totpCode(secret, 1_111_111_109_000, 8)).toBe('07081804');
    expect(totpCode(secret, 2_000_000_000_000, 8)).toBe('69279037');
  });

  it('should accept the neighbouring step and refuse codes further away', () => {
    // given
    const now = 1_700_000_000_000;

    // when / then
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, now - 90_000), now)).toBe(false);
    expect(verifyTotp(secret, 'abcdef', now)).toBe(false);
  });
});
