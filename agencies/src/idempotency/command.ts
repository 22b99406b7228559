import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { AgencyName } from '../AgencyName';
import { AgencyErrorCode, agencyError } from '../http/agencyErrors';
import type { IdempotencyStore, Reply } from './IdempotencyStore';

/**
 * Wraps a state-changing handler: honours `Idempotency-Key` (same key and same request →
 * the first reply again, marked `Idempotent-Replayed: true`; same key, other request → 422).
 */
export function command(
  store: IdempotencyStore,
  agency: AgencyName,
  handler: (req: Request) => Reply | Promise<Reply>,
): RequestHandler {
  return async (req, res) => {
    const key = req.get('Idempotency-Key');
    if (key !== undefined && (key.length === 0 || key.length > 200)) {
      throw agencyError(
        AgencyErrorCode.ValidationFailed,
        'Idempotency-Key must be 1 to 200 characters long.',
        { fields: [{ path: 'Idempotency-Key', message: 'must be 1 to 200 characters' }] },
      );
    }
    const fingerprint = createHash('sha256')
      .update(stableStringify({ method: req.method, path: req.path, body: req.body as unknown }))
      .digest('hex');
    const reply = await store.run(agency, key, fingerprint, () => handler(req));
    if (reply.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(reply.status).json(reply.body);
  };
}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` count as the same body. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
