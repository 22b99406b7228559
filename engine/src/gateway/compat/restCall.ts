import type { TestGateway } from './startTestGateway';

/** A plain HTTP call to the gateway's /v2 API; answers status and parsed JSON (if any). */
export async function restCall(
  gateway: TestGateway,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; contentType: string }> {
  const response = await fetch(`${gateway.restUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  return {
    status: response.status,
    body:
      contentType.includes('json') && text
        ? (JSON.parse(text) as Record<string, unknown>)
        : { text },
    contentType,
  };
}
