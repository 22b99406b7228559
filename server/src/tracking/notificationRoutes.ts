import { z } from 'zod';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { paged, pagedSchema, pageQuerySchema, pageWindow } from '../api/pagination';

const notificationSchema = z.object({
  id: z.string(),
  caseRef: z.string().nullable(),
  senderAgency: z.string(),
  template: z.string(),
  language: z.string(),
  personalisation: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

interface Row {
  id: string;
  case_ref: string | null;
  sender_agency: string;
  template: string;
  language: string;
  personalisation: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
  total: number;
}

/** The notification centre: in-app notices for the signed-in account. */
export function notificationRoutes(): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/notifications',
      summary: 'Your notices, newest first (with the unread count)',
      tag: 'notifications',
      auth: 'required',
      audit: 'none',
      query: pageQuerySchema.extend({ unread: z.stringbool().optional() }),
      response: pagedSchema(notificationSchema).extend({ unread: z.number() }),
      async handle({ tx, principal, query }) {
        const { limit, offset } = pageWindow(query);
        const { rows } = await tx.query<Row>(
          `select *, count(*) over ()::int as total from notification
            where account_login = $1 and (not $2 or read_at is null)
            order by created_at desc limit $3 offset $4`,
          [principal.login, query.unread ?? false, limit, offset],
        );
        const unread = await tx.query<{ n: number }>(
          'select count(*)::int as n from notification where account_login = $1 and read_at is null',
          [principal.login],
        );
        return {
          ...paged(
            rows.map((r) => ({
              id: r.id,
              caseRef: r.case_ref,
              senderAgency: r.sender_agency,
              template: r.template,
              language: r.language,
              personalisation: r.personalisation,
              createdAt: new Date(r.created_at).toISOString(),
              readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
            })),
            query,
            rows[0]?.total ?? 0,
          ),
          unread: unread.rows[0]?.n ?? 0,
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/:id/read',
      summary: 'Mark a notice as read',
      tag: 'notifications',
      auth: 'required',
      params: z.object({ id: z.uuid() }),
      async handle({ tx, principal, params, auditTarget }) {
        auditTarget(`notification:${params.id}`);
        const { rows } = await tx.query(
          `update notification set read_at = coalesce(read_at, now())
            where id = $1 and account_login = $2 returning id`,
          [params.id, principal.login],
        );
        if (rows.length === 0) throw apiErrors.notFound('The notice');
        return undefined;
      },
    }),
  ];
}
