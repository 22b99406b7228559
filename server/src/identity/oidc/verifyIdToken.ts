import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { z } from 'zod';

const headerSchema = z.object({ alg: z.string(), kid: z.string().optional() });
const claimsSchema = z.looseObject({
  iss: z.string(),
  sub: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  nonce: z.string().optional(),
});
export type IdTokenClaims = z.infer<typeof claimsSchema>;

/**
 * Checks an ID token's RS256 signature against the provider's keys, then issuer, audience,
 * expiry and nonce. Returns the claims, or a reason why the token is refused.
 */
export function verifyIdToken(
  token: string,
  keys: readonly JsonWebKey[],
  expected: { issuer: string; clientId: string; nonce: string; nowSeconds: number },
): { claims: IdTokenClaims } | { reason: string } {
  const [headerPart, payloadPart, signaturePart] = token.split('.');
  if (!headerPart || !payloadPart || signaturePart === undefined) return { reason: 'not a JWT' };
  const header = headerSchema.safeParse(decode(headerPart));
  if (!header.success || header.data.alg !== 'RS256') return { reason: 'unsupported algorithm' };
  const jwk = keys.find((k) => k.kty === 'RSA' && (!header.data.kid || k.kid === header.data.kid));
  if (!jwk) return { reason: 'unknown signing key' };
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${headerPart}.${payloadPart}`),
    createPublicKey({ key: jwk, format: 'jwk' }),
    Buffer.from(signaturePart, 'base64url'),
  );
  if (!signed) return { reason: 'bad signature' };
  const claims = claimsSchema.safeParse(decode(payloadPart));
  if (!claims.success) return { reason: 'missing claims' };
  const c = claims.data;
  const audiences = Array.isArray(c.aud) ? c.aud : [c.aud];
  if (c.iss !== expected.issuer) return { reason: 'wrong issuer' };
  if (!audiences.includes(expected.clientId)) return { reason: 'wrong audience' };
  if (c.exp + 60 < expected.nowSeconds) return { reason: 'expired' };
  if (c.nonce !== expected.nonce) return { reason: 'wrong nonce' };
  return { claims: c };
}

function decode(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
