import type { Request } from 'express';
import { z } from 'zod';
import { parseInput } from '../http/parseInput';

const auditSchema = z.object({
  requester: z.string().trim().min(1, 'requester must not be empty').max(200),
  purpose: z.string().trim().min(1, 'purpose must not be empty').max(500),
  caseNumber: z.string().trim().min(1, 'caseNumber must not be empty').max(100),
});

export type AuditContext = z.infer<typeof auditSchema>;

/**
 * Every registry read must say who asks (header `X-Requester` or field `requester`), why
 * (`purpose`) and for which case (`caseNumber`); GET reads them from the query string.
 */
export function auditContext<S extends z.ZodObject>(
  req: Request,
  schema: S,
): AuditContext & z.infer<S> {
  const source = (req.method === 'GET' ? req.query : req.body) as
    Record<string, unknown> | undefined;
  const input = { ...source, requester: req.get('X-Requester') ?? source?.requester };
  return parseInput(
    auditSchema.extend(schema.shape) as unknown as z.ZodType<AuditContext & z.infer<S>>,
    input,
    req.method === 'GET' ? 'query' : 'body',
  );
}
