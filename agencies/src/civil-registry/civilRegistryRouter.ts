import { randomUUID } from 'node:crypto';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { parseInput } from '../http/parseInput';
import type { AgencyState } from '../state/StateStore';
import type { AccessLogEntry } from './AccessLog';
import { auditContext, type AuditContext } from './auditContext';
import { documentTypeSchema, findPersonByRef, findPersons } from './findPersons';
import { kinshipOf } from './kinship';
import type { CivilRegistryData, Person } from './Person';
import { presentPerson } from './presentPerson';

export const LookupResult = {
  Found: 'FOUND',
  NotFound: 'NOT_FOUND',
  MultipleMatches: 'MULTIPLE_MATCHES',
  AccessDenied: 'ACCESS_DENIED',
} as const;
export type LookupResult = (typeof LookupResult)[keyof typeof LookupResult];

const lookupSchema = z.object({
  documentType: documentTypeSchema.default('MACAO_ID'),
  documentNumber: z.string().trim().min(1).max(40),
  nationality: z.string().trim().length(3, 'nationality is an ISO 3166 alpha-3 code').optional(),
});
const kinshipSchema = z.object({
  personA: z.string().trim().min(1).max(40),
  personB: z.string().trim().min(1).max(40),
});
const noFields = z.object({});

interface Deps {
  data: CivilRegistryData;
  state: AgencyState;
  save: () => void;
  now: () => Date;
}

/** DSAJ/DSI stand-in: person lookup, birth/marriage/death records and kinship checks. */
export function civilRegistryRouter(deps: Deps): Router {
  const router = Router();
  const log = (
    audit: AuditContext,
    operation: AccessLogEntry['operation'],
    subject: string,
    result: string,
  ) => {
    deps.state.accessLog.push({
      id: randomUUID(),
      at: deps.now().toISOString(),
      requester: audit.requester,
      purpose: audit.purpose,
      caseNumber: audit.caseNumber,
      operation,
      subject,
      result,
    });
    deps.save();
  };

  const lookup: RequestHandler = (req, res) => {
    const input = auditContext(req, lookupSchema);
    const matches = findPersons(
      deps.data,
      input.documentType,
      input.documentNumber,
      input.nationality,
    );
    const subject = `${input.documentType}:${input.documentNumber}`;
    const [only] = matches;
    if (only === undefined)
      return answer(res, 404, LookupResult.NotFound, () =>
        log(input, 'LOOKUP', subject, 'NOT_FOUND'),
      );
    if (matches.length > 1) {
      log(input, 'LOOKUP', subject, LookupResult.MultipleMatches);
      res.status(409).json({
        result: LookupResult.MultipleMatches,
        matches: matches.length,
        message: 'Several persons hold this document: add nationality to narrow the lookup.',
      });
      return;
    }
    if (only.sealed)
      return answer(res, 403, LookupResult.AccessDenied, () =>
        log(input, 'LOOKUP', subject, 'ACCESS_DENIED'),
      );
    log(input, 'LOOKUP', subject, LookupResult.Found);
    res.json({ result: LookupResult.Found, person: presentPerson(deps.data, only) });
  };
  router.get('/persons/lookup', lookup);
  router.post('/persons/lookup', lookup);

  /** Resolves the path's person, logging and answering NOT_FOUND / ACCESS_DENIED itself. */
  const withPerson =
    (
      operation: AccessLogEntry['operation'],
      then: (req: Request, res: Response, person: Person, audit: AuditContext) => void,
    ): RequestHandler =>
    (req, res) => {
      const audit = auditContext(req, noFields);
      const ref = String(req.params.personRef);
      const person = findPersonByRef(deps.data, ref);
      if (person === undefined)
        return answer(res, 404, LookupResult.NotFound, () =>
          log(audit, operation, ref, 'NOT_FOUND'),
        );
      if (person.sealed)
        return answer(res, 403, LookupResult.AccessDenied, () =>
          log(audit, operation, ref, 'ACCESS_DENIED'),
        );
      then(req, res, person, audit);
    };

  router.get(
    '/persons/:personRef/birth-record',
    withPerson('BIRTH_RECORD', (_req, res, person, audit) => {
      const record = deps.data.births.get(person.personId);
      log(audit, 'BIRTH_RECORD', person.personId, record === undefined ? 'NOT_FOUND' : 'FOUND');
      if (record === undefined) return answer(res, 404, LookupResult.NotFound);
      res.json({ result: LookupResult.Found, record });
    }),
  );
  router.get(
    '/persons/:personRef/marriage-records',
    withPerson('MARRIAGE_RECORDS', (_req, res, person, audit) => {
      const records = deps.data.marriages.filter((m) => m.spouseIds.includes(person.personId));
      log(audit, 'MARRIAGE_RECORDS', person.personId, 'FOUND');
      res.json({ result: LookupResult.Found, records });
    }),
  );
  router.get(
    '/persons/:personRef/death-record',
    withPerson('DEATH_RECORD', (_req, res, person, audit) => {
      const record = deps.data.deaths.get(person.personId);
      log(audit, 'DEATH_RECORD', person.personId, record === undefined ? 'NOT_FOUND' : 'FOUND');
      if (record === undefined) return answer(res, 404, LookupResult.NotFound);
      res.json({ result: LookupResult.Found, record });
    }),
  );

  router.get('/kinship', (req, res) => {
    const input = auditContext(req, kinshipSchema);
    const subject = `${input.personA}~${input.personB}`;
    const a = findPersonByRef(deps.data, input.personA);
    const b = findPersonByRef(deps.data, input.personB);
    if (a === undefined || b === undefined)
      return answer(res, 404, LookupResult.NotFound, () =>
        log(input, 'KINSHIP', subject, 'NOT_FOUND'),
      );
    if (a.sealed || b.sealed)
      return answer(res, 403, LookupResult.AccessDenied, () =>
        log(input, 'KINSHIP', subject, 'ACCESS_DENIED'),
      );
    const relation = kinshipOf(deps.data, a, b);
    log(input, 'KINSHIP', subject, relation);
    res.json({ result: LookupResult.Found, personA: a.personId, personB: b.personId, relation });
  });
  return router;
}

const accessLogQuerySchema = z.object({
  caseNumber: z.string().optional(),
  requester: z.string().optional(),
});

/** GET access-log: the registry's own audit trail, filtered by case number and requester. */
export function accessLogHandler(state: AgencyState): RequestHandler {
  return (req, res) => {
    const filter = parseInput(accessLogQuerySchema, req.query, 'query');
    const entries = state.accessLog.filter(
      (e) =>
        (filter.caseNumber === undefined || e.caseNumber === filter.caseNumber) &&
        (filter.requester === undefined || e.requester === filter.requester),
    );
    res.json({ entries });
  };
}

function answer(res: Response, status: number, result: LookupResult, before?: () => void): void {
  before?.();
  res.status(status).json({ result });
}
