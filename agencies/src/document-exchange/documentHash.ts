import { createHash } from 'node:crypto';
import { stableStringify } from '../idempotency/command';
import type { Letter } from './Letter';

/** SHA-256 over the letter's content and attachment digests: what the evidence vouches for. */
export function documentHash(letter: Letter): string {
  const content = {
    senderDepartment: letter.senderDepartment,
    receiverDepartment: letter.receiverDepartment,
    fileReference: letter.fileReference,
    number: letter.number,
    date: letter.date,
    signer: letter.signer,
    classification: letter.classification,
    subject: letter.subject,
    body: letter.body,
    attachments: letter.attachments,
  };
  return createHash('sha256').update(stableStringify(content)).digest('hex');
}
