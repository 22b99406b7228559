import { z } from 'zod';
import type { Camunda8 } from '@camunda8/sdk';
import type { Database } from '@balcao/platform';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { findService } from '../catalogue/catalogueQueries';
import { Role } from '../identity/Principal';
import { findApplicationByNumber } from './applicationQueries';

/** How long a message waits for its subscription: a double click is then dropped as a duplicate. */
const MESSAGE_TTL_MS = 60_000;

/**
 * Staff of the application's agency tell a waiting procedure what happened outside it (P2: the
 * debts are settled), with the messages its service sheet declares (`staffMessages`). The
 * procedure must wait for it now; the message is correlated by the application's number.
 */
export function staffMessageRoutes(deps: { db: Database; camunda: Camunda8 }): ApiRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/applications/:number/messages/:name',
      summary:
        "Staff of the application's agency: send the procedure a message its service declares (e.g. tax-debts-settled)",
      tag: 'applications',
      auth: 'required',
      roles: [Role.Clerk, Role.Supervisor, Role.Admin],
      status: 202,
      transaction: false,
      params: z.object({
        number: z.string().regex(/^\d{4}-[A-Z]{2,10}-\d{6}$/),
        name: z.string().regex(/^[a-z][a-z0-9-]{2,63}$/),
      }),
      response: z.object({ number: z.string(), message: z.string(), sentAt: z.string() }),
      async handle({ principal, params, auditTarget }) {
        const row = await findApplicationByNumber(deps.db, params.number);
        if (!row || (principal.role !== Role.Admin && principal.agency !== row.agency))
          throw apiErrors.notFound('The application');
        const service = await findService(deps.db, row.process_id);
        const message = service?.sheet.staffMessages?.find((m) => m.name === params.name);
        if (!message) throw apiErrors.notFound(`The message ${params.name} of ${row.process_id}`);
        const waiting =
          row.instance_key && !row.closed_at
            ? await activeElement(deps.camunda, row.instance_key, message.waitingAt)
            : undefined;
        if (!waiting)
          throw apiErrors.conflict(
            `Expected application ${row.number} to wait for "${message.label.en}", but it does not wait for it now. Reload the application.`,
          );
        await deps.camunda.getZeebeGrpcApiClient().publishMessage({
          name: message.name,
          correlationKey: row.number,
          messageId: `${row.number}:${message.name}:${waiting}`,
          timeToLive: MESSAGE_TTL_MS,
          variables: {},
        });
        auditTarget(`application:${row.number}`, { message: message.name });
        return { number: row.number, message: message.name, sentAt: new Date().toISOString() };
      },
    }),
  ];
}

/** The key of the element instance where the process instance waits, if it does. */
async function activeElement(
  camunda: Camunda8,
  processInstanceKey: string,
  elementId: string,
): Promise<string | undefined> {
  const found = await camunda.getCamundaRestClient().searchElementInstances({
    filter: { processInstanceKey, elementId, state: 'ACTIVE' },
    page: { limit: 1 },
  } as never);
  const items = found.items as unknown as { elementInstanceKey: string }[];
  return items[0]?.elementInstanceKey;
}
