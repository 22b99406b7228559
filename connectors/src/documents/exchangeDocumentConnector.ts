import { z } from 'zod';
import { agencyRequest } from '../runtime/agencyRequest';
import { defineConnector, type ConnectorContext } from '../runtime/defineConnector';

const department = z.string().min(1);

export const exchangeDocumentInputSchema = z.object({
  senderDepartment: department,
  receiverDepartment: department,
  fileReference: z.string().min(1, 'fileReference is required'),
  number: z.string().min(1, 'number is required (the letter number)'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'),
  signer: z.string().min(1, 'signer is required'),
  classification: z.enum(['ordinary', 'confidential', 'secret']).default('ordinary'),
  subject: z.string().min(1, 'subject is required'),
  body: z.string().optional(),
  attachments: z
    .array(
      z.object({
        name: z.string().min(1),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 hex digits'),
        size: z.number().int().min(0),
      }),
    )
    .default([]),
  caseRef: z.string().optional(),
  /** A letter sent before and not delivered: it is sent again instead of a new one. */
  letterId: z.string().min(1).nullish(),
});

/**
 * Sends an official letter to another agency through the document exchange: draft, submit,
 * sign and send, and returns the delivery evidence (document hash, times, receipt id). Every
 * step has its own idempotency key derived from the job key, so a job retried half-way
 * replays the steps already done and continues. A letter the receiver did not take comes
 * back with status `SENT` and its `deliveryFailure`; with `letterId` it is sent again.
 */
export const exchangeDocumentConnector = defineConnector({
  type: 'balcao:document-exchange:1',
  input: exchangeDocumentInputSchema,
  async run(input, ctx) {
    const { senderDepartment, letterId, ...letter } = input;
    let id = letterId ?? undefined;
    if (id === undefined) {
      const created = await agencyRequest(ctx.agencies.documentExchange, ctx, {
        method: 'POST',
        path: '/letters',
        idempotencyKey: `${ctx.idempotencyKey}:create`,
        body: { senderDepartment, ...letter },
      });
      id = (created.body as { id: string }).id;
      await act(ctx, id, 'submit', senderDepartment);
      await act(ctx, id, 'sign', senderDepartment);
    }
    const sent = (await act(ctx, id, 'send', senderDepartment)) as {
      status: string;
      evidence: unknown;
      deliveryFailure?: unknown;
    };
    return {
      letterId: id,
      status: sent.status,
      evidence: sent.evidence,
      deliveryFailure: sent.deliveryFailure ?? null,
    };
  },
});

async function act(ctx: ConnectorContext, id: string, action: string, actingDepartment: string) {
  const response = await agencyRequest(ctx.agencies.documentExchange, ctx, {
    method: 'POST',
    path: `/letters/${encodeURIComponent(id)}/${action}`,
    idempotencyKey: `${ctx.idempotencyKey}:${action}`,
    body: { actingDepartment },
  });
  return response.body;
}
