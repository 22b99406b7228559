/** A signed-in browser's session as a load generator needs it: cookie and CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
  /** POST with the session (and its CSRF token). */
  post(path: string): Promise<Response>;
}

/** Signs in through the API as a browser does (`POST /api/auth/login`). */
export async function signInClient(
  node: { url: string },
  login: string,
  password: string,
): Promise<Session> {
  const res = await fetch(`${node.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${login} failed: ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken: csrf } = (await res.json()) as { csrfToken: string };
  return {
    cookie,
    csrf,
    post: (path) =>
      fetch(`${node.url}${path}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf },
      }),
  };
}
