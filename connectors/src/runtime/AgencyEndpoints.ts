import { z } from 'zod';

const endpoint = z.object({
  url: z.string().url('expected the agency base URL, e.g. http://127.0.0.1:8090/tax'),
  apiKey: z.string().min(1, 'expected the agency API key'),
});

/** Where each agency system is and the key it expects (`X-Api-Key`). */
export const agencyEndpointsSchema = z.object({
  civilRegistry: endpoint,
  tax: endpoint,
  documentExchange: endpoint,
  payment: endpoint,
  notification: endpoint,
});

export type AgencyEndpoint = z.infer<typeof endpoint>;
export type AgencyEndpoints = z.infer<typeof agencyEndpointsSchema>;

/** The endpoints of running stand-ins (`startAgencies` from `@balcao/agencies`). */
export function agencyEndpointsFromStandIns(standIns: {
  urls: Record<string, string>;
  apiKeys: Record<string, string>;
}): AgencyEndpoints {
  const pick = (name: string) => ({ url: standIns.urls[name], apiKey: standIns.apiKeys[name] });
  return agencyEndpointsSchema.parse({
    civilRegistry: pick('civil-registry'),
    tax: pick('tax'),
    documentExchange: pick('document-exchange'),
    payment: pick('payment'),
    notification: pick('notification'),
  });
}
