import { z } from 'zod';
import type { Database, Queryable } from '@balcao/platform';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { paged, pagedSchema, pageQuerySchema, pageWindow } from '../api/pagination';
import type { Principal } from '../identity/Principal';
import { agencyClaims } from './deployModels';
import type { ModelOwners } from './ModelOwners';
import { draftSchema } from './modelingSchemas';

const roles = ['analyst', 'admin'] as const;
const tag = 'modeling';
const params = z.object({
  kind: z.enum(['process', 'form']),
  id: z.string().min(1).max(200),
});

interface DraftRow {
  kind: 'process' | 'form';
  resource_id: string;
  agency: string;
  name: string;
  content?: string;
  base_version: number | null;
  updated_by: string;
  updated_at: Date | string;
}

/**
 * Drafts: an analyst saves work in progress on a process or form of their agency (one draft per
 * id, shared by the agency's analysts); deploying it removes the draft.
 */
export function modelingDraftRoutes(deps: { db: Database; owners: ModelOwners }): ApiRoute[] {
  const find = async (tx: Queryable, principal: Principal, kind: string, id: string) => {
    const rows = await tx.query<DraftRow>(
      'select * from modeling_draft where kind = $1 and resource_id = $2',
      [kind, id],
    );
    const row = rows.rows[0];
    if (!row || !(principal.role === 'admin' || row.agency === principal.agency))
      throw apiErrors.notFound('The draft');
    return row;
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/modeling/drafts',
      summary: "Your agency's drafts (without their content), last saved first",
      tag,
      auth: 'required',
      roles,
      query: pageQuerySchema,
      response: pagedSchema(draftSchema),
      async handle({ tx, principal, query }) {
        const { limit, offset } = pageWindow(query);
        const rows = await tx.query<DraftRow & { total: number }>(
          `select kind, resource_id, agency, name, base_version, updated_by, updated_at,
                  count(*) over ()::int as total
             from modeling_draft where $1::text is null or agency = $1
            order by updated_at desc, kind, resource_id limit $2 offset $3`,
          [principal.role === 'admin' ? null : (principal.agency ?? ''), limit, offset],
        );
        return paged(rows.rows.map(present), query, rows.rows[0]?.total ?? 0);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/modeling/drafts/:kind/:id',
      summary: 'A draft with its content (BPMN XML or Form.io JSON text)',
      tag,
      auth: 'required',
      roles,
      params,
      response: draftSchema,
      async handle({ tx, principal, params: p }) {
        return present(await find(tx, principal, p.kind, p.id));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/modeling/drafts/:kind/:id',
      summary: 'Save a draft of a process or form of your agency',
      tag,
      auth: 'required',
      roles,
      params,
      body: z.object({
        name: z.string().min(1).max(300),
        content: z.string().min(1),
        baseVersion: z.number().int().min(1).nullish(),
      }),
      response: draftSchema,
      async handle({ tx, principal, params: p, body, auditTarget }) {
        const file = p.kind === 'process' ? 'draft.bpmn' : 'draft.form';
        const claims = await agencyClaims({ db: tx, owners: deps.owners }, principal, [
          { name: file, content: body.content },
        ]);
        const claim = claims.find((c) => c.kind === p.kind && c.id === p.id);
        if (!claim)
          throw apiErrors.unprocessable(
            `The draft's content has no ${p.kind} with id ${p.id}; save it under the id it declares.`,
          );
        const rows = await tx.query<DraftRow>(
          `insert into modeling_draft (kind, resource_id, agency, name, content, base_version, updated_by)
           values ($1, $2, $3, $4, $5, $6, $7)
           on conflict (kind, resource_id) do update set agency = excluded.agency,
             name = excluded.name, content = excluded.content, base_version = excluded.base_version,
             updated_by = excluded.updated_by, updated_at = now()
           returning *`,
          [
            p.kind,
            p.id,
            claim.agency,
            body.name,
            body.content,
            body.baseVersion ?? null,
            principal.login,
          ],
        );
        auditTarget(`draft:${p.kind}:${p.id}`);
        return present(rows.rows[0]!);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/modeling/drafts/:kind/:id',
      summary: 'Discard a draft',
      tag,
      auth: 'required',
      roles,
      params,
      async handle({ tx, principal, params: p, auditTarget }) {
        await find(tx, principal, p.kind, p.id);
        await tx.query('delete from modeling_draft where kind = $1 and resource_id = $2', [
          p.kind,
          p.id,
        ]);
        auditTarget(`draft:${p.kind}:${p.id}`);
        return undefined;
      },
    }),
  ];
}

function present(row: DraftRow) {
  return {
    kind: row.kind,
    id: row.resource_id,
    agency: row.agency,
    name: row.name,
    baseVersion: row.base_version,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at).toISOString(),
    ...(row.content === undefined ? {} : { content: row.content }),
  };
}
