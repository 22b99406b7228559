import { createHash } from 'node:crypto';
import type { DocumentSink, IssuedDocument } from './DocumentSink';

export const VerificationStatus = {
  /** The code was issued by us (and, when bytes are given, they are the bytes we issued). */
  Genuine: 'GENUINE',
  /** The code is ours but the given file differs from what was issued. */
  Altered: 'ALTERED',
  /** No certificate was issued with this code. */
  Unknown: 'UNKNOWN',
} as const;

export type VerificationStatus = (typeof VerificationStatus)[keyof typeof VerificationStatus];

export interface Verification {
  status: VerificationStatus;
  /** What the public page may show: never the file itself. */
  document: Pick<
    IssuedDocument,
    'verificationCode' | 'title' | 'issuer' | 'caseRef' | 'issuedAt' | 'validUntil' | 'sha256'
  > | null;
}

/**
 * Says whether a certificate code is genuine and, given the file a person holds, whether it
 * is unaltered (its SHA-256 equals the hash recorded at issue). Also re-hashes the stored
 * copy, so a tampered store does not vouch for itself.
 */
export async function verifyDocument(
  sink: DocumentSink,
  code: string,
  bytes?: Uint8Array,
): Promise<Verification> {
  const found = await sink.getByCode(code.trim().toUpperCase());
  if (!found) return { status: VerificationStatus.Unknown, document: null };
  const { document } = found;
  const summary = {
    verificationCode: document.verificationCode,
    title: document.title,
    issuer: document.issuer,
    caseRef: document.caseRef,
    issuedAt: document.issuedAt,
    validUntil: document.validUntil,
    sha256: document.sha256,
  };
  const intact =
    sha256(found.bytes) === document.sha256 &&
    (bytes === undefined || sha256(bytes) === document.sha256);
  return {
    status: intact ? VerificationStatus.Genuine : VerificationStatus.Altered,
    document: summary,
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
