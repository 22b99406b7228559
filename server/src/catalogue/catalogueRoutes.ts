import { z } from 'zod';
import { apiErrors } from '../api/apiErrors';
import { defineRoute, type ApiRoute } from '../api/defineRoute';
import { paged, pagedSchema, pageQuerySchema, pageWindow } from '../api/pagination';
import { findService, searchCatalogue, type CatalogueService } from './catalogueQueries';

const text3 = z.object({ 'zh-Hant': z.string(), pt: z.string(), en: z.string() });

export const serviceSchema = z.object({
  processId: z.string(),
  version: z.number().int(),
  name: text3,
  description: text3,
  agency: z.string(),
  category: z.string(),
  audience: z.string(),
  start: z.string(),
  startFormId: z.string().nullable(),
  fees: z.array(z.object({ item: text3, amountMop: z.number(), condition: text3.optional() })),
  requiredDocuments: z.array(text3),
  processingTime: z.object({ workingDays: z.number(), urgentWorkingDays: z.number().optional() }),
  channels: z.array(z.string()),
  /** Messages staff of the agency may send to a waiting application (e.g. debts settled). */
  staffMessages: z.array(z.object({ name: z.string(), label: text3 })),
});

export function presentService(service: CatalogueService): z.infer<typeof serviceSchema> {
  const s = service.sheet;
  return {
    processId: service.processId,
    version: service.version,
    name: s.name,
    description: s.description,
    agency: s.agency,
    category: s.category,
    audience: s.audience,
    start: s.start,
    startFormId: s.startFormId ?? null,
    fees: s.fees,
    requiredDocuments: s.requiredDocuments,
    processingTime: s.processingTime,
    channels: s.channels,
    staffMessages: (s.staffMessages ?? []).map((m) => ({ name: m.name, label: m.label })),
  };
}

/** The public service catalogue: what can be applied for, with its pledge, fees and form. */
export function catalogueRoutes(): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/catalogue',
      summary:
        'Search the services (free text in any language, category, audience, agency, who starts it)',
      tag: 'catalogue',
      auth: 'public',
      audit: 'none',
      transaction: false,
      query: pageQuerySchema.extend({
        q: z.string().trim().max(100).optional(),
        category: z.string().max(60).optional(),
        audience: z.string().max(30).optional(),
        agency: z.string().max(20).optional(),
        /** `portal`: citizens apply; `clerk`: internal (G2E) requests staff open. */
        start: z.enum(['portal', 'clerk', 'message']).optional(),
      }),
      response: pagedSchema(serviceSchema),
      async handle({ tx, query }) {
        const found = await searchCatalogue(tx, { ...query, ...pageWindow(query) });
        return paged(found.items.map(presentService), query, found.total);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/catalogue/:processId',
      summary: 'One service sheet with its start form (Form.io JSON)',
      tag: 'catalogue',
      auth: 'public',
      audit: 'none',
      transaction: false,
      params: z.object({ processId: z.string().max(64) }),
      response: serviceSchema.extend({ startForm: z.record(z.string(), z.unknown()).nullable() }),
      async handle({ tx, params }) {
        const service = await findService(tx, params.processId);
        if (!service) throw apiErrors.notFound('The service');
        return { ...presentService(service), startForm: service.startForm as never };
      },
    }),
  ];
}
