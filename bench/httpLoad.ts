import autocannon, { type Request } from 'autocannon';

/** One HTTP load run as autocannon measured it. */
export interface LoadFigures {
  /** The fixed rate asked for (requests/s), or undefined for as fast as the server answers. */
  targetRate?: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers other than 2xx, plus connection errors and timeouts. */
  errors: number;
  /** The status codes of those answers, e.g. { "429": 12 }. */
  statuses: Record<string, number>;
}

export interface LoadSpec {
  url: string;
  seconds: number;
  connections: number;
  /** Requests/s over all connections; without it every connection sends as fast as it is answered. */
  rate?: number;
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  /** The path (and body) of each request, so requests spread over many resources and addresses. */
  nextRequest: (n: number) => { path: string; body?: string; forwardedFor: string };
}

/**
 * Runs autocannon against a real node. Each request carries its own X-Forwarded-For (the node
 * runs with TRUST_PROXY=true), as many clients behind a proxy do, so the per-address rate limit
 * of the API (600/min) measures nothing the benchmark means.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadFigures> {
  let n = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    ...(spec.rate ? { overallRate: spec.rate } : {}),
    method: spec.method ?? 'GET',
    headers: spec.headers,
    timeout: 10,
    requests: [
      {
        setupRequest: (request: Request) => {
          const next = spec.nextRequest(n++);
          return {
            ...request,
            path: next.path,
            headers: { ...request.headers, 'x-forwarded-for': next.forwardedFor },
            ...(next.body === undefined ? {} : { body: next.body }),
          };
        },
      },
    ],
  });
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    if (!code.startsWith('2')) statuses[code] = stat.count ?? 0;
  const requests = result.requests.total;
  return {
    ...(spec.rate ? { targetRate: spec.rate } : {}),
    seconds: spec.seconds,
    requests,
    requestsPerSecond: Math.round(requests / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.non2xx + result.errors,
    statuses,
  };
}

/** A client address per request from a pool large enough that no address nears the limit. */
export function clientAddress(n: number): string {
  const i = n % 60_000;
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}
