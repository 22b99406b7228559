import type { Queryable } from '@balcao/platform';
import { auditHash, GENESIS_HASH } from './appendAudit';

export type AuditChainReport =
  { ok: true; rows: number } | { ok: false; rows: number; brokenAtSeq: string; reason: string };

const PAGE = 1000;

/** Walks the chain in order and reports the first row whose link or content does not match. */
export async function verifyAuditChain(db: Queryable): Promise<AuditChainReport> {
  let prevHash = GENESIS_HASH;
  let after = '0';
  let rows = 0;
  for (;;) {
    // By the column, not the text alias of the same name (which would sort 1, 10, 2 …).
    const page = await db.query<{
      seq: string;
      occurred_at: Date | string;
      actor: string | null;
      action: string;
      target: string | null;
      source_ip: string | null;
      request_id: string | null;
      details: unknown;
      prev_hash: string;
      hash: string;
    }>(
      `select seq::text as seq, occurred_at, actor, action, target, source_ip, request_id, details, prev_hash, hash
         from audit_log where audit_log.seq > $1::bigint order by audit_log.seq limit ${PAGE}`,
      [after],
    );
    for (const row of page.rows) {
      rows += 1;
      if (row.prev_hash !== prevHash) {
        return broken(rows, row.seq, 'its prev_hash does not match the hash of the row before');
      }
      const expected = auditHash(prevHash, {
        occurredAt: new Date(row.occurred_at).toISOString(),
        actor: row.actor,
        action: row.action,
        target: row.target,
        sourceIp: row.source_ip,
        requestId: row.request_id,
        details:
          typeof row.details === 'string' ? (JSON.parse(row.details) as unknown) : row.details,
      });
      if (row.hash !== expected) {
        return broken(rows, row.seq, 'its content does not match its hash (the row was changed)');
      }
      prevHash = row.hash;
      after = row.seq;
    }
    if (page.rows.length < PAGE) return { ok: true, rows };
  }
}

function broken(rows: number, seq: string, reason: string): AuditChainReport {
  return { ok: false, rows, brokenAtSeq: seq, reason };
}
