import { z } from 'zod';

export const LetterStatus = {
  Draft: 'DRAFT',
  InApproval: 'IN_APPROVAL',
  Signed: 'SIGNED',
  Sent: 'SENT',
  Delivered: 'DELIVERED',
  Registered: 'REGISTERED',
  Assigned: 'ASSIGNED',
  Replied: 'REPLIED',
  Closed: 'CLOSED',
  Rejected: 'REJECTED',
  Returned: 'RETURNED',
} as const;
export type LetterStatus = (typeof LetterStatus)[keyof typeof LetterStatus];

const attachmentSchema = z.object({
  name: z.string().trim().min(1).max(200),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256'),
  size: z.number().int().min(0),
});

export const newLetterSchema = z.object({
  senderDepartment: z.string().trim().min(1).max(100),
  receiverDepartment: z.string().trim().min(1).max(100),
  fileReference: z.string().trim().min(1).max(100),
  number: z.string().trim().min(1).max(100),
  date: z.iso.date(),
  signer: z.string().trim().min(1).max(200),
  classification: z.enum(['ordinary', 'confidential', 'secret']).default('ordinary'),
  subject: z.string().trim().min(1).max(500),
  body: z.string().max(100_000).default(''),
  attachments: z.array(attachmentSchema).max(50).default([]),
  caseRef: z.string().trim().min(1).max(100).optional(),
});
export type NewLetter = z.infer<typeof newLetterSchema>;

export interface DeliveryEvidence {
  documentHash: string;
  sentAt: string;
  deliveredAt: string;
  receiptId: string;
}

/** Why the last sending did not reach the receiver (its mailbox refused it). */
export interface DeliveryFailure {
  at: string;
  reason: string;
}

export interface Letter extends NewLetter {
  id: string;
  status: LetterStatus;
  createdAt: string;
  updatedAt: string;
  history: { status: LetterStatus; at: string; by: string | null; note: string | null }[];
  evidence: DeliveryEvidence | null;
  /** Set while a sent letter is undelivered (status SENT); cleared when it is delivered. */
  deliveryFailure: DeliveryFailure | null;
  registrationNumber: string | null;
  assignee: string | null;
  replyLetterId: string | null;
  reason: string | null;
}
