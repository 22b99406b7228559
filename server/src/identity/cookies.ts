import type { IncomingHttpHeaders } from 'node:http';

/** Reads the Cookie header; a small parser keeps one dependency less. */
export function readCookies(headers: IncomingHttpHeaders): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const raw = part.slice(index + 1).trim();
    try {
      if (name && !cookies.has(name)) cookies.set(name, decodeURIComponent(raw));
    } catch {
      // A malformed value is ignored as if the cookie were absent.
    }
  }
  return cookies;
}

export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1];
}
