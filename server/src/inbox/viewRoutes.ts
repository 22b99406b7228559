import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { paged, pagedSchema, pageQueryOf, pageWindow } from '../api/pagination';

const viewSchema = z.object({
  id: z.string(),
  name: z.string(),
  filter: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** Saved inbox filters, per account. */
export function viewRoutes(): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/me/views',
      summary: 'Your saved inbox views',
      tag: 'inbox',
      auth: 'required',
      audit: 'none',
      query: pageQueryOf(100),
      response: pagedSchema(viewSchema),
      async handle({ tx, principal, query }) {
        const { limit, offset } = pageWindow(query);
        const { rows } = await tx.query<z.infer<typeof viewSchema> & { total?: number }>(
          `select id, name, filter, count(*) over ()::int as total from inbox_view
            where owner_account_id = $1 order by name, id limit $2 offset $3`,
          [principal.accountId, limit, offset],
        );
        const total = rows[0]?.total ?? 0;
        return paged(
          rows.map(({ total: _, ...view }) => view),
          query,
          total,
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/me/views',
      summary: 'Save an inbox view (same name replaces it)',
      tag: 'inbox',
      auth: 'required',
      status: 201,
      body: z.object({
        name: z.string().trim().min(1).max(60),
        filter: z.record(z.string().max(30), z.union([z.string().max(100), z.number()])),
      }),
      response: viewSchema,
      async handle({ tx, principal, body }) {
        const { rows } = await tx.query<z.infer<typeof viewSchema>>(
          `insert into inbox_view (id, owner_account_id, name, filter) values ($1, $2, $3, $4)
           on conflict (owner_account_id, name) do update set filter = excluded.filter
           returning id, name, filter`,
          [randomUUID(), principal.accountId, body.name, JSON.stringify(body.filter)],
        );
        return rows[0] as z.infer<typeof viewSchema>;
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/me/views/:id',
      summary: 'Delete a saved view',
      tag: 'inbox',
      auth: 'required',
      params: z.object({ id: z.uuid() }),
      async handle({ tx, principal, params }) {
        const { rows } = await tx.query(
          'delete from inbox_view where id = $1 and owner_account_id = $2 returning id',
          [params.id, principal.accountId],
        );
        if (rows.length === 0) throw apiErrors.notFound('The view');
        return undefined;
      },
    }),
  ];
}
