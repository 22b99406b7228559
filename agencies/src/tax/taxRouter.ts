import { createHash } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { normaliseIdNumber } from '../civil-registry/idNumber';
import { AgencyErrorCode, agencyError } from '../http/agencyErrors';
import { parseInput } from '../http/parseInput';
import { command } from '../idempotency/command';
import type { IdempotencyStore } from '../idempotency/IdempotencyStore';
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
export function taxRouter(deps: {
  taxpayers: Map<string, Taxpayer>;
  now: () => Date;
  idempotency: IdempotencyStore;
}): Router {
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
  // The taxpayer pays every outstanding debt at DSF's counter: the next clearance is CLEAR.
  // Kept in memory only: a restart brings the seeded debts back.
  router.post(
    '/debts/:taxpayerNumber/settlement',
    command(deps.idempotency, 'tax', (req) => {
      const { taxpayerNumber } = parseInput(paramsSchema, req.params, 'params');
      const taxpayer = deps.taxpayers.get(taxpayerNumber);
      if (taxpayer === undefined)
        throw agencyError(
          AgencyErrorCode.NotFound,
          `Taxpayer ${taxpayerNumber} is not registered with DSF.`,
        );
      if (taxpayer.status !== 'DEBT_OUTSTANDING')
        throw agencyError(
          AgencyErrorCode.InvalidTransition,
          `Expected taxpayer ${taxpayerNumber} to have debts outstanding, but the status is ${taxpayer.status}.`,
        );
      const settled = taxpayer.debts;
      taxpayer.debts = [];
      taxpayer.status = 'CLEAR';
      return {
        status: 200,
        body: {
          taxpayerNumber,
          status: taxpayer.status,
          settled,
          settledMop: settled.reduce((sum, d) => sum + d.amountMop, 0),
          settledAt: deps.now().toISOString(),
        },
      };
    }),
  );
  return router;
}

function certificateNumber(taxpayerNumber: string, checkedAt: string): string {
  const day = checkedAt.slice(0, 10).replaceAll('-', '');
  const digest = createHash('sha256').update(`${taxpayerNumber}:${day}`).digest('hex').slice(0, 6);
  return `DSF-CND-${day}-${digest.toUpperCase()}`;
}
