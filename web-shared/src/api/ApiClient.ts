import { ApiError, apiErrorFrom } from './ApiError';

/** A page of a list, as every list route answers. */
export interface Paged<T> {
  items: T[];
  page: { page: number; pageSize: number; total: number; hasMore: boolean };
}

export type Query = Record<string, string | number | boolean | undefined | null>;

const csrfCookie = 'balcao_csrf';

/**
 * JSON over same-origin fetch with the session cookie. Every non-GET carries the CSRF token
 * (double submit): the one from sign-in, or after a reload the readable CSRF cookie.
 */
export class ApiClient {
  private csrfToken: string | undefined;

  constructor(private readonly baseUrl = '') {}

  setCsrfToken(token: string | undefined): void {
    this.csrfToken = token;
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', withQuery(path, query));
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete<T = void>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') {
      const token = readCookie(csrfCookie) ?? this.csrfToken;
      if (token) headers['x-csrf-token'] = token;
    }
    let res: Response;
    try {
      res = await fetch(this.baseUrl + path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new ApiError(0, 'NETWORK', (cause as Error).message);
    }
    if (!res.ok) throw await apiErrorFrom(res);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** `path?a=1&b=x`, leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
