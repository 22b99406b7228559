import { z } from 'zod';
import { fetchOrFail, readBody, statusError } from '../runtime/agencyRequest';
import { BpmnError } from '../runtime/ConnectorError';
import { defineConnector } from '../runtime/defineConnector';
import { authorizationHeader, httpAuthenticationSchema } from './httpAuthentication';

export const httpInputSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
  url: z.string().url('url must be an absolute http(s) URL'),
  headers: z.record(z.string(), z.string()).default({}),
  queryParameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  body: z.unknown().optional(),
  authentication: httpAuthenticationSchema.default({ type: 'none' }),
});

export type HttpInput = z.infer<typeof httpInputSchema>;

const technicalStatuses = new Set([401, 408, 429]);

/**
 * A generic REST / JSON call, the connector an analyst uses for any agency API. Writes carry
 * the job key as `Idempotency-Key`. 5xx, 408 and 429 are retried; 401 raises an incident (the
 * credentials are wrong); any other 4xx is the BPMN error `HTTP_<status>` (e.g. `HTTP_404`),
 * carrying `httpResponse`, so the model can catch it.
 */
export const httpConnector = defineConnector({
  type: 'balcao:http-json:1',
  input: httpInputSchema,
  async run(input, ctx) {
    const url = new URL(input.url);
    for (const [key, value] of Object.entries(input.queryParameters)) {
      url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json', ...input.headers };
    const authorization = await authorizationHeader(input.authentication, ctx);
    if (authorization) headers.authorization = authorization;
    if (input.method !== 'GET') headers['idempotency-key'] ??= ctx.idempotencyKey;
    if (input.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetchOrFail(url, {
      method: input.method,
      headers,
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
      signal: ctx.signal,
    });
    const result = {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await readBody(response),
    };
    if (response.ok) return result;
    if (response.status >= 500 || technicalStatuses.has(response.status)) {
      throw statusError(`${input.method} ${url.host}${url.pathname}`, response.status, result.body);
    }
    throw new BpmnError(
      `HTTP_${response.status}`,
      `${input.method} ${url.host}${url.pathname} answered ${response.status}.`,
      {
        httpResponse: result,
      },
    );
  },
});
