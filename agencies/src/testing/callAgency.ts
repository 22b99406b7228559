import type { AgencyName } from '../AgencyName';
import type { RunningAgencies } from '../startAgencies';

export interface AgencyReply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls one stand-in agency over real HTTP with its API key (tests' shorthand). */
export async function callAgency<T = Record<string, unknown>>(
  agencies: RunningAgencies,
  agency: AgencyName,
  path: string,
  init: {
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
    signal?: AbortSignal;
  } = {},
): Promise<AgencyReply<T>> {
  const response = await fetch(`${agencies.urls[agency]}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      'X-Api-Key': agencies.apiKeys[agency],
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
  const text = await response.text();
  const body = (text === '' ? {} : (JSON.parse(text) as unknown)) as T;
  return { status: response.status, body, headers: response.headers };
}
