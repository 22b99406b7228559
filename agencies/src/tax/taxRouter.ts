import { createHash } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { normaliseIdNumber } from '../civil-registry/idNumber';
import { parseInput } from '../http/parseInput';
import type { Taxpayer } from './Taxpayer';

const paramsSchema = z.object({
  taxpayerNumber: z
    .string()
    .transform((text) => normaliseIdNumber(text) ?? text.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{8}$/, 'expected an 8-digit taxpayer number or ID number')),
});

/**
 * DSF stand-in. A clearance always answers 200 with a status (NOT_REGISTERED included):
 * "not registered" is an answer about the taxpayer, not a missing endpoint.
 */
export function taxRouter(deps: { taxpayers: Map<string, Taxpayer>; now: () => Date }): Router {
  const router = Router();
  router.get('/clearance/:taxpayerNumber', (req, res) => {
    const { taxpayerNumber } = parseInput(paramsSchema, req.params, 'params');
    const taxpayer = deps.taxpayers.get(taxpayerNumber);
    const checkedAt = deps.now().toISOString();
    if (taxpayer === undefined) {
      res.json({
        taxpayerNumber,
        status: 'NOT_REGISTERED',
        kind: null,
        name: null,
        debts: [],
        totalDebtMop: 0,
        checkedAt,
      });
      return;
    }
    const totalDebtMop = taxpayer.debts.reduce((sum, d) => sum + d.amountMop, 0);
    res.json({
      taxpayerNumber,
      status: taxpayer.status,
      kind: taxpayer.kind,
      name: taxpayer.name,
      debts: taxpayer.debts,
      totalDebtMop,
      reviewReason: taxpayer.reviewReason,
      // A clearance certificate number only when there is something to certify.
      certificateNumber:
        taxpayer.status === 'CLEAR' ? certificateNumber(taxpayerNumber, checkedAt) : null,
      checkedAt,
    });
  });
  return router;
}

function certificateNumber(taxpayerNumber: string, checkedAt: string): string {
  const day = checkedAt.slice(0, 10).replaceAll('-', '');
  const digest = createHash('sha256').update(`${taxpayerNumber}:${day}`).digest('hex').slice(0, 6);
  return `DSF-CND-${day}-${digest.toUpperCase()}`;
}
