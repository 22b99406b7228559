import { createHash } from 'node:crypto';
import type { Queryable } from '@balcao/platform';

export interface AuditEntry {
  /** Account id, or undefined for anonymous requests. */
  actor: string | undefined;
  /** What happened, e.g. `POST /api/auth/login` or `person.lookup`. */
  action: string;
  /** What it happened to (an id), when there is one. */
  target?: string | undefined;
  sourceIp?: string | undefined;
  requestId?: string | undefined;
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Appends one row to the hash chain. The table lock makes concurrent appenders take turns,
 * so each row links to the row written just before it; run it inside the request's
 * transaction so the audit row commits or rolls back with the change it records.
 */
export async function appendAudit(
  tx: Queryable,
  entry: AuditEntry,
  at = new Date(),
): Promise<void> {
  await appendAuditRows(tx, [{ entry, at }]);
}

/** Appends several rows in order under one lock (see appendAudit). */
export async function appendAuditRows(
  tx: Queryable,
  rows: readonly { entry: AuditEntry; at: Date }[],
): Promise<void> {
  await tx.exec('lock table audit_log in share row exclusive mode');
  const last = await tx.query<{ hash: string }>(
    'select hash from audit_log order by seq desc limit 1',
  );
  let prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  for (const { entry, at } of rows) {
    const row: AuditContent = {
      occurredAt: at.toISOString(),
      actor: entry.actor ?? null,
      action: entry.action,
      target: entry.target ?? null,
      sourceIp: entry.sourceIp ?? null,
      requestId: entry.requestId ?? null,
      details: entry.details ?? {},
    };
    const hash = auditHash(prevHash, row);
    await tx.query(
      `insert into audit_log (occurred_at, actor, action, target, source_ip, request_id, details, prev_hash, hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        row.occurredAt,
        row.actor,
        row.action,
        row.target,
        row.sourceIp,
        row.requestId,
        JSON.stringify(row.details),
        prevHash,
        hash,
      ],
    );
    prevHash = hash;
  }
}

export interface AuditContent {
  occurredAt: string;
  actor: string | null;
  action: string;
  target: string | null;
  sourceIp: string | null;
  requestId: string | null;
  details: unknown;
}

export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson(content))
    .digest('hex');
}

/** JSON with object keys sorted, so jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
