import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestHandler } from 'express';
import type { AgencyName } from '../AgencyName';
import { AgencyErrorCode, agencyError } from '../http/agencyErrors';
import type { FaultController } from './FaultController';

/**
 * Applies the agency's current faults to a request. A hung request is never answered: the
 * client's own timeout ends it (and closing the server drops its connection).
 */
export function injectFaults(faults: FaultController, agency: AgencyName): RequestHandler {
  return async (_req, _res, next) => {
    const decision = faults.decide(agency);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.outcome === 'hang') return;
    if (decision.outcome === 'error') {
      throw agencyError(
        AgencyErrorCode.FaultInjected,
        `The ${agency} stand-in failed on purpose (fault injection): try again later.`,
      );
    }
    next();
  };
}
