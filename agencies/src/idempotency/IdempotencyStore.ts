import { z } from 'zod';
import type { AgencyName } from '../AgencyName';
import { AgencyErrorCode, agencyError } from '../http/agencyErrors';

export interface Reply {
  status: number;
  body: unknown;
}

export const idempotencyRecordSchema = z.object({
  agency: z.string(),
  key: z.string(),
  fingerprint: z.string(),
  status: z.number().int(),
  body: z.unknown(),
  effects: z.number().int(),
  createdAt: z.string(),
});

export type IdempotencyRecord = z.infer<typeof idempotencyRecordSchema>;

/**
 * Remembers the first successful reply per (agency, Idempotency-Key) so a repeated request
 * replays it instead of acting twice. Failed attempts are not remembered: they had no
 * effect, so trying again with the same key is allowed.
 */
export class IdempotencyStore {
  private readonly inFlight = new Map<string, { fingerprint: string; done: Promise<unknown> }>();

  constructor(
    private readonly records: Record<string, IdempotencyRecord>,
    private readonly changed: () => void,
    private readonly now: () => Date,
  ) {}

  async run(
    agency: AgencyName,
    key: string | undefined,
    fingerprint: string,
    work: () => Reply | Promise<Reply>,
  ): Promise<Reply & { replayed: boolean }> {
    if (key === undefined) return { ...(await work()), replayed: false };
    const id = `${agency}:${key}`;
    const pending = this.inFlight.get(id);
    if (pending !== undefined) {
      if (pending.fingerprint !== fingerprint) throw reused(key);
      // The same request is still being handled: wait for it, then replay (or retry).
      await pending.done.catch(() => undefined);
    }
    const known = this.records[id];
    if (known !== undefined) {
      if (known.fingerprint !== fingerprint) throw reused(key);
      return { status: known.status, body: known.body, replayed: true };
    }
    const done = Promise.resolve().then(work);
    this.inFlight.set(id, { fingerprint, done });
    try {
      const reply = await done;
      if (reply.status < 300) {
        this.records[id] = {
          agency,
          key,
          fingerprint,
          status: reply.status,
          // A snapshot: the live object (e.g. a payment) changes later, the first reply does not.
          body: structuredClone(reply.body),
          effects: 1,
          createdAt: this.now().toISOString(),
        };
        this.changed();
      }
      return { ...reply, replayed: false };
    } finally {
      this.inFlight.delete(id);
    }
  }

  /** How many times a request with this key took effect (0 or 1 when idempotency holds). */
  effects(agency: AgencyName, key: string): number {
    return this.records[`${agency}:${key}`]?.effects ?? 0;
  }
}

function reused(key: string) {
  return agencyError(
    AgencyErrorCode.IdempotencyKeyReused,
    `Idempotency-Key "${key}" was already used for a different request: use a new key for a new request.`,
  );
}
