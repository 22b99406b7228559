import type { LetterStatus } from './Letter';

/** Every action on a letter: the statuses it may start from and where it leads. */
export const letterTransitions = {
  submit: { from: ['DRAFT'], to: 'IN_APPROVAL', by: 'sender' },
  sign: { from: ['IN_APPROVAL'], to: 'SIGNED', by: 'sender' },
  reject: { from: ['IN_APPROVAL'], to: 'REJECTED', by: 'sender' },
  // From SENT: sending again a letter the receiver's mailbox refused.
  send: { from: ['SIGNED', 'SENT'], to: 'SENT', by: 'sender' },
  register: { from: ['DELIVERED'], to: 'REGISTERED', by: 'receiver' },
  return: { from: ['DELIVERED', 'REGISTERED'], to: 'RETURNED', by: 'receiver' },
  assign: { from: ['REGISTERED', 'ASSIGNED'], to: 'ASSIGNED', by: 'receiver' },
  reply: { from: ['ASSIGNED'], to: 'REPLIED', by: 'receiver' },
  close: { from: ['ASSIGNED', 'REPLIED'], to: 'CLOSED', by: 'receiver' },
} as const satisfies Record<
  string,
  { from: readonly LetterStatus[]; to: LetterStatus; by: 'sender' | 'receiver' }
>;

export type LetterAction = keyof typeof letterTransitions;
