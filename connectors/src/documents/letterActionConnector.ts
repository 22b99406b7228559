import { z } from 'zod';
import { agencyRequest } from '../runtime/agencyRequest';
import { defineConnector } from '../runtime/defineConnector';

/** What a receiving department does with a delivered letter at the document exchange. */
export const LetterAction = {
  Register: 'register',
  Assign: 'assign',
  Reply: 'reply',
  Close: 'close',
  Return: 'return',
} as const;

export const letterActionInputSchema = z.object({
  letterId: z.string().min(1, 'letterId is required (the id the exchange returned on sending)'),
  action: z.enum([
    LetterAction.Register,
    LetterAction.Assign,
    LetterAction.Reply,
    LetterAction.Close,
    LetterAction.Return,
  ]),
  actingDepartment: z.string().min(1, 'actingDepartment is required (the receiving department)'),
  by: z.string().min(1).optional(),
  assignee: z.string().min(1).optional(),
  replyLetterId: z.string().min(1).optional(),
  reason: z.string().min(1).optional(),
  note: z.string().optional(),
});

/**
 * Moves a delivered letter on at the document exchange on the receiver's side (register,
 * assign, reply, close, return), so the sender sees its progress. The job key is the
 * idempotency key: a retried job acts once.
 */
export const letterActionConnector = defineConnector({
  type: 'balcao:document-exchange-action:1',
  input: letterActionInputSchema,
  async run(input, ctx) {
    const { letterId, action, ...body } = input;
    const response = await agencyRequest(ctx.agencies.documentExchange, ctx, {
      method: 'POST',
      path: `/letters/${encodeURIComponent(letterId)}/${action}`,
      body,
    });
    const letter = response.body as {
      id: string;
      status: string;
      registrationNumber: string | null;
      assignee: string | null;
      replyLetterId: string | null;
    };
    return {
      letterId: letter.id,
      status: letter.status,
      registrationNumber: letter.registrationNumber,
      assignee: letter.assignee,
      replyLetterId: letter.replyLetterId,
    };
  },
});
