import type { AgencyEndpoint } from './AgencyEndpoints';
import { connectorError } from './ConnectorError';
import type { ConnectorContext } from './defineConnector';

export interface AgencyRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses (besides 2xx) the connector interprets itself, e.g. 404 as PERSON_NOT_FOUND. */
  accept?: readonly number[];
  /** Overrides the job key when one job makes several writes (each needs its own key). */
  idempotencyKey?: string;
}

export interface AgencyResponse {
  status: number;
  body: unknown;
}

/**
 * One call to a stand-in (or real) agency API: its key in `X-Api-Key`, the job key as
 * `Idempotency-Key` on writes (a retried job then acts once), the job's timeout signal, and
 * the answer's status mapped onto the connector error kinds.
 */
export async function agencyRequest(
  endpoint: AgencyEndpoint,
  ctx: Pick<ConnectorContext, 'signal' | 'idempotencyKey'>,
  request: AgencyRequest,
): Promise<AgencyResponse> {
  const url = new URL(endpoint.url.replace(/\/$/, '') + request.path);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  const headers: Record<string, string> = {
    accept: 'application/json',
    'x-api-key': endpoint.apiKey,
    ...request.headers,
  };
  if (request.method === 'POST') {
    headers['content-type'] = 'application/json';
    headers['idempotency-key'] = request.idempotencyKey ?? ctx.idempotencyKey;
  }
  const response = await fetchOrFail(url, {
    method: request.method,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: ctx.signal,
  });
  const body = await readBody(response);
  if (response.ok || request.accept?.includes(response.status)) {
    return { status: response.status, body };
  }
  throw statusError(`${request.method} ${url.pathname}`, response.status, body);
}

/** fetch with network failures and timeouts mapped to retryable connector errors. */
export async function fetchOrFail(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw connectorError(
        'Timeout',
        `${url.host} did not answer in time; the call will be retried.`,
        {
          cause: error,
        },
      );
    }
    throw connectorError(
      'Unavailable',
      `${url.host} could not be reached; the call will be retried.`,
      {
        cause: error,
      },
    );
  }
}

export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Maps an HTTP status onto the closed set of connector error kinds. */
export function statusError(what: string, status: number, body: unknown) {
  const detail = describe(body);
  if (status >= 500 || status === 429 || status === 408) {
    return connectorError(
      'Unavailable',
      `${what} answered ${status}${detail}; it will be retried.`,
      {
        details: { status },
      },
    );
  }
  if (status === 401) {
    return connectorError(
      'Unauthorized',
      `${what} refused the credentials (401)${detail}; check the connector's API key or secret.`,
      { details: { status } },
    );
  }
  return connectorError(
    'Rejected',
    `${what} refused the request (${status})${detail}; fix the task input.`,
    {
      details: { status },
    },
  );
}

function describe(body: unknown): string {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.message === 'string') return `: ${error.message}`;
  return '';
}
