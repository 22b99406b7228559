import { z } from 'zod';
import type { Camunda8 } from '@camunda8/sdk';
import type { Database } from '@balcao/platform';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { Role } from '../identity/Principal';
import { findPublishedCall, isClosed } from './openCalls';
import { macaoDate } from './startFieldErrors';

/** Long enough for an opinion still being moderated after the close to get the report. */
const REPORT_TTL_MS = 180 * 24 * 3_600_000;

/**
 * The organiser of a closed call (P9: a consultation) publishes its report: every application
 * still open for the call gets the service's `reportMessage`, one message each (a message
 * reaches one instance), with `report: { url, applicationsCounted }`.
 */
export function openCallReportRoutes(deps: {
  db: Database;
  camunda: Camunda8;
  now?: () => Date;
}): ApiRoute[] {
  const now = deps.now ?? (() => new Date());
  return [
    defineRoute({
      method: 'post',
      path: '/api/open-calls/:ref/report',
      summary:
        "The organiser's staff: publish the report of a closed call (a consultation) to everyone who took part",
      tag: 'applications',
      auth: 'required',
      roles: [Role.Clerk, Role.Supervisor, Role.Admin],
      status: 202,
      transaction: false,
      params: z.object({ ref: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/) }),
      body: z.object({ url: z.url({ protocol: /^https?$/ }).max(500) }),
      response: z.object({ ref: z.string(), applicationsTold: z.number().int() }),
      async handle({ principal, params, body, auditTarget }) {
        const found = await findPublishedCall(deps.db, params.ref);
        const reportMessage = found?.sheet.openCalls.reportMessage;
        if (!found || !reportMessage) throw apiErrors.notFound(`The call ${params.ref}`);
        const organiser = found.call.organiser ?? found.sheet.agency;
        if (principal.role !== Role.Admin && principal.agency !== organiser)
          throw apiErrors.forbidden(
            `publish the report of ${params.ref}: staff of ${organiser}, its organiser, do`,
          );
        if (!isClosed(found.call, now()))
          throw apiErrors.conflict(
            `Expected ${params.ref} to be closed, but it is open until ${macaoDate(new Date(found.call.closesAt), 'en')}. Publish the report after it closes.`,
          );
        const { rows } = await deps.db.query<{ number: string }>(
          `select number from application
            where process_id = $1 and closed_at is null and data->$2->>'ref' = $3
            order by submitted_at`,
          [found.processId, found.sheet.openCalls.variable, params.ref],
        );
        const zeebe = deps.camunda.getZeebeGrpcApiClient();
        for (const { number } of rows)
          await zeebe.publishMessage({
            name: reportMessage,
            correlationKey: number,
            messageId: `${params.ref}:report:${number}`,
            timeToLive: REPORT_TTL_MS,
            variables: { report: { url: body.url, applicationsCounted: rows.length } },
          });
        auditTarget(`open-call:${params.ref}`, { applicationsTold: rows.length });
        return { ref: params.ref, applicationsTold: rows.length };
      },
    }),
  ];
}
