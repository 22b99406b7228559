import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { paged, pagedSchema, pageQuerySchema, pageWindow } from '../api/pagination';
import { Role } from '../identity/Principal';

const draftSchema = z.object({
  id: z.string(),
  processId: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

interface DraftRow {
  id: string;
  process_id: string;
  data: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

const present = (r: DraftRow): z.infer<typeof draftSchema> => ({
  id: r.id,
  processId: r.process_id,
  data: r.data,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const idParams = z.object({ id: z.uuid() });
/** Drafts are not validated (they are unfinished), only bounded. */
const draftData = z
  .record(z.string(), z.unknown())
  .refine((d) => JSON.stringify(d).length <= 256 * 1024, 'a draft holds at most 256 kB of data');

/** Unfinished applications a citizen saves and resumes; only their owner sees them. */
export function draftRoutes(): ApiRoute[] {
  const citizen = [Role.Citizen] as const;
  return [
    defineRoute({
      method: 'post',
      path: '/api/applications/drafts',
      summary: 'Save an unfinished application',
      tag: 'applications',
      auth: 'required',
      roles: citizen,
      status: 201,
      body: z.object({ processId: z.string().min(1).max(64), data: draftData }),
      response: draftSchema,
      async handle({ tx, principal, body, auditTarget }) {
        const service = await tx.query('select 1 from catalogue_service where process_id = $1', [
          body.processId,
        ]);
        if (service.rows.length === 0) throw apiErrors.notFound('The service');
        const { rows } = await tx.query<DraftRow>(
          `insert into application_draft (id, owner_account_id, process_id, data)
           values ($1, $2, $3, $4) returning *`,
          [randomUUID(), principal.accountId, body.processId, JSON.stringify(body.data)],
        );
        const row = rows[0] as DraftRow;
        auditTarget(`draft:${row.id}`);
        return present(row);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/applications/drafts',
      summary: 'Your saved drafts, newest first',
      tag: 'applications',
      auth: 'required',
      roles: citizen,
      audit: 'personal-data',
      query: pageQuerySchema,
      response: pagedSchema(draftSchema),
      async handle({ tx, principal, query }) {
        const { limit, offset } = pageWindow(query);
        const { rows } = await tx.query<DraftRow & { total: number }>(
          `select *, count(*) over ()::int as total from application_draft
            where owner_account_id = $1 order by updated_at desc limit $2 offset $3`,
          [principal.accountId, limit, offset],
        );
        return paged(rows.map(present), query, rows[0]?.total ?? 0);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/applications/drafts/:id',
      summary: 'One of your drafts',
      tag: 'applications',
      auth: 'required',
      roles: citizen,
      audit: 'personal-data',
      params: idParams,
      response: draftSchema,
      async handle({ tx, principal, params }) {
        const { rows } = await tx.query<DraftRow>(
          'select * from application_draft where id = $1 and owner_account_id = $2',
          [params.id, principal.accountId],
        );
        if (!rows[0]) throw apiErrors.notFound('The draft');
        return present(rows[0]);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/applications/drafts/:id',
      summary: 'Replace the data of one of your drafts',
      tag: 'applications',
      auth: 'required',
      roles: citizen,
      params: idParams,
      body: z.object({ data: draftData }),
      response: draftSchema,
      async handle({ tx, principal, params, body, auditTarget }) {
        const { rows } = await tx.query<DraftRow>(
          `update application_draft set data = $3, updated_at = now()
            where id = $1 and owner_account_id = $2 returning *`,
          [params.id, principal.accountId, JSON.stringify(body.data)],
        );
        if (!rows[0]) throw apiErrors.notFound('The draft');
        auditTarget(`draft:${params.id}`);
        return present(rows[0]);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/applications/drafts/:id',
      summary: 'Delete one of your drafts',
      tag: 'applications',
      auth: 'required',
      roles: citizen,
      status: 204,
      params: idParams,
      async handle({ tx, principal, params, auditTarget }) {
        const { rows } = await tx.query(
          'delete from application_draft where id = $1 and owner_account_id = $2 returning id',
          [params.id, principal.accountId],
        );
        if (rows.length === 0) throw apiErrors.notFound('The draft');
        auditTarget(`draft:${params.id}`);
        return undefined;
      },
    }),
  ];
}
