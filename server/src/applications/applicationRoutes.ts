import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '@balcao/platform';
import { validateSubmission, type FormDefinition } from '@balcao/forms';
import type { DocumentSink } from '@balcao/connectors';
import { formValidationFailed } from '../api/formValidationFailed';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { paged, pagedSchema, pageQuerySchema, pageWindow } from '../api/pagination';
import { findService } from '../catalogue/catalogueQueries';
import { Role, type Principal } from '../identity/Principal';
import type { HolidayCalendar } from '../sla/HolidayCalendar';
import type { Tracker } from '../tracking/Tracker';
import type { Database } from '@balcao/platform';
import type { Camunda8 } from '@camunda8/sdk';
import { documentsOf, findApplicationByNumber, type ApplicationRow } from './applicationQueries';
import { nextApplicationNumber } from './applicationNumbers';
import type { ApplicationStarter } from './ApplicationStarter';
import { ApplicationStatus } from './ApplicationStatus';
import { resolveStartVariables } from './resolveStartVariables';
import { applicationContext } from './applicationContext';
import { agencyApplications, slaFilters } from './agencyApplications';
import {
  applicationDetailSchema,
  applicationSummarySchema,
  presentDetail,
  presentSummary,
} from './presentApplication';

export interface ApplicationRouteDeps {
  db: Database;
  camunda: Camunda8;
  starter: ApplicationStarter;
  tracker: Tracker;
  holidays: HolidayCalendar;
  /** Issued certificates (bytes), for downloads. */
  certificates: DocumentSink | undefined;
  now?: () => Date;
}

const numberParams = z.object({ number: z.string().regex(/^\d{4}-[A-Z]{2,10}-\d{6}$/) });
const language = z.enum(['zh-Hant', 'pt', 'en']);

/** Applying for a service and following it: the citizen's side of an application. */
export function applicationRoutes(deps: ApplicationRouteDeps): ApiRoute[] {
  const now = deps.now ?? (() => new Date());
  const context = (tx: Queryable, row: ApplicationRow) =>
    applicationContext(tx, row, deps.holidays, now());
  /** Owners see their applications; staff of the agency too. Others get 404. */
  const readable = async (tx: Queryable, principal: Principal, number: string) => {
    const row = await findApplicationByNumber(tx, number);
    const staffOfAgency =
      principal.role === 'admin' ||
      (principal.role !== 'citizen' && row !== undefined && principal.agency === row.agency);
    if (!row || (row.owner_account_id !== principal.accountId && !staffOfAgency))
      throw apiErrors.notFound('The application');
    return row;
  };

  return [
    defineRoute({
      method: 'post',
      path: '/api/applications',
      summary:
        'Apply for a service (citizens: portal services; staff: internal requests started by a clerk)',
      tag: 'applications',
      auth: 'required',
      roles: [Role.Citizen, Role.Clerk, Role.Supervisor],
      status: 201,
      transaction: false,
      body: z.object({
        processId: z.string().min(1).max(64),
        data: z.record(z.string(), z.unknown()),
        draftId: z.uuid().optional(),
        language: language.optional(),
      }),
      response: applicationSummarySchema,
      async handle({ principal, body, req, auditTarget }) {
        const service = await findService(deps.db, body.processId);
        // Citizens apply for portal services; staff open internal (G2E) requests for themselves.
        const startedBy = principal.role === Role.Citizen ? 'portal' : 'clerk';
        if (!service || service.sheet.start !== startedBy) throw apiErrors.notFound('The service');
        const lang = body.language ?? preferredLanguage(req.headers['accept-language']);
        const data = await validateStartForm(
          deps.db,
          principal,
          service.startForm,
          body.data,
          lang,
        );
        // What only the server knows (a co-signer's account, the chosen call), kept with the data.
        Object.assign(
          data,
          await resolveStartVariables(deps.db, service.sheet, data, {
            applicant: principal,
            language: lang,
            now: now(),
          }),
        );
        const row = await deps.db.transaction(async (tx) => {
          const number = await nextApplicationNumber(tx, service.sheet.agency, now());
          const { rows } = await tx.query<ApplicationRow>(
            `insert into application (id, number, process_id, agency, current_agency,
                owner_account_id, owner_login, status, data, language, pledge_working_days)
             values ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10) returning *`,
            [
              randomUUID(),
              number,
              service.processId,
              service.sheet.agency,
              principal.accountId,
              principal.login,
              ApplicationStatus.Starting,
              JSON.stringify(data),
              lang,
              service.sheet.processingTime.workingDays,
            ],
          );
          if (body.draftId)
            await tx.query(
              'delete from application_draft where id = $1 and owner_account_id = $2',
              [body.draftId, principal.accountId],
            );
          await tx.query(
            `insert into notification (id, idempotency_key, account_login, case_ref, sender_agency,
                template, language, personalisation)
             values ($1, $2, $3, $4, $5, 'application-received@1', $6, $7)`,
            [
              randomUUID(),
              `received:${number}`,
              principal.login,
              number,
              service.sheet.agency,
              lang,
              JSON.stringify({ caseRef: number }),
            ],
          );
          return rows[0] as ApplicationRow;
        });
        auditTarget(`application:${row.number}`, { processId: row.process_id });
        const started = await deps.starter.start(row);
        return presentSummary(started, await context(deps.db, started));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/applications',
      summary: 'Your applications across all agencies, newest first',
      tag: 'applications',
      auth: 'required',
      roles: [Role.Citizen],
      audit: 'personal-data',
      query: pageQuerySchema.extend({ status: z.string().max(30).optional() }),
      response: pagedSchema(applicationSummarySchema),
      async handle({ tx, principal, query }) {
        const { limit, offset } = pageWindow(query);
        const { rows } = await tx.query<ApplicationRow & { total: number }>(
          `select *, count(*) over ()::int as total from application
            where owner_account_id = $1 and ($2::text is null or status = $2)
            order by submitted_at desc limit $3 offset $4`,
          [principal.accountId, query.status ?? null, limit, offset],
        );
        const items = [];
        for (const row of rows) items.push(presentSummary(row, await context(tx, row)));
        return paged(items, query, rows[0]?.total ?? 0);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/applications/:number',
      summary: 'One application with its timeline, documents and what you owe',
      tag: 'applications',
      auth: 'required',
      audit: 'personal-data',
      params: numberParams,
      response: applicationDetailSchema,
      async handle({ tx, principal, params, auditTarget }) {
        const row = await readable(tx, principal, params.number);
        auditTarget(`application:${row.number}`);
        // Sent together: the connection pipelines them.
        const [ctx, documents] = await Promise.all([context(tx, row), documentsOf(tx, row.id)]);
        return presentDetail(row, { ...ctx, documents });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/agency/applications',
      summary:
        "Supervisors: the agency's open applications by SLA state (warnings and breaches first)",
      tag: 'applications',
      auth: 'required',
      roles: [Role.Supervisor, Role.Admin],
      audit: 'personal-data',
      query: pageQuerySchema.extend({ sla: z.enum(slaFilters).optional() }),
      response: pagedSchema(applicationSummarySchema),
      async handle({ tx, principal, query }) {
        const { rows, total } = await agencyApplications(tx, {
          agency: principal.role === Role.Admin ? null : (principal.agency ?? ''),
          sla: query.sla,
          now: now(),
          holidays: deps.holidays,
          ...pageWindow(query),
        });
        // Presented (timeline, owed tasks) for this page only.
        const items = [];
        for (const row of rows) items.push(presentSummary(row, await context(tx, row)));
        return paged(items, query, total);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/applications/:number/withdraw',
      summary: 'Withdraw your application: the procedure is cancelled',
      tag: 'applications',
      auth: 'required',
      roles: [Role.Citizen],
      transaction: false,
      params: numberParams,
      body: z.object({ reason: z.string().max(500).optional() }),
      response: applicationSummarySchema,
      async handle({ principal, params, body, auditTarget }) {
        const row = await findApplicationByNumber(deps.db, params.number);
        if (!row || row.owner_account_id !== principal.accountId)
          throw apiErrors.notFound('The application');
        if (row.closed_at)
          throw apiErrors.conflict(
            `Application ${row.number} is already ${row.status}; it cannot be withdrawn.`,
          );
        if (row.instance_key)
          await deps.camunda
            .getZeebeGrpcApiClient()
            .cancelProcessInstance(row.instance_key)
            .catch((error: unknown) => {
              // Already ended in the engine: withdrawing still closes it here.
              if (!/NOT_FOUND|not found/i.test(String(error))) throw error;
            });
        const { rows } = await deps.db.query<ApplicationRow>(
          `update application set status = $2, closed_at = now(), updated_at = now(),
                  withdraw_reason = $3
            where id = $1 and closed_at is null returning *`,
          [row.id, ApplicationStatus.Withdrawn, body.reason ?? null],
        );
        const closed = rows[0] ?? row;
        auditTarget(`application:${row.number}`);
        deps.tracker.announce(closed);
        return presentSummary(closed, await context(deps.db, closed));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/applications/:number/documents/:code',
      summary: 'Download a certificate issued for the application (PDF)',
      tag: 'applications',
      auth: 'required',
      audit: 'personal-data',
      params: numberParams.extend({ code: z.string().min(4).max(100) }),
      async handle({ tx, principal, params, res, auditTarget }) {
        const row = await readable(tx, principal, params.number);
        const docs = await documentsOf(tx, row.id);
        const doc = docs.find((d) => d.verification_code === params.code);
        const found = doc ? await deps.certificates?.getByCode(doc.verification_code) : undefined;
        if (!found) throw apiErrors.notFound('The document');
        auditTarget(`document:${params.code}`);
        res.setHeader('Content-Type', 'application/pdf');
        res.setHeader(
          'Content-Disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(found.document.fileName)}`,
        );
        res.end(Buffer.from(found.bytes));
        return undefined;
      },
    }),
  ];
}

async function validateStartForm(
  db: Queryable,
  principal: Principal,
  form: FormDefinition | null,
  data: Record<string, unknown>,
  lang: string,
): Promise<Record<string, unknown>> {
  if (!form) return data;
  const result = await validateSubmission(form, data, {
    language: lang,
    // A file field may only point at the applicant's own uploads.
    documentExists: async (ref) => {
      const { rows } = await db.query(
        'select 1 from uploaded_document where document_id = $1 and owner_account_id = $2',
        [ref.documentId, principal.accountId],
      );
      return rows.length > 0;
    },
  });
  if (result.ok) return result.data;
  throw formValidationFailed(result.errors);
}

function preferredLanguage(header: string | undefined): 'zh-Hant' | 'pt' | 'en' {
  const h = (header ?? '').toLowerCase();
  if (h.startsWith('pt')) return 'pt';
  if (h.startsWith('en')) return 'en';
  return 'zh-Hant';
}
