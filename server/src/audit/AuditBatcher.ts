import type { Database } from '@balcao/platform';
import { appendAuditRows, type AuditEntry } from './appendAudit';

interface Waiting {
  entry: AuditEntry;
  at: Date;
  settle: (error?: Error) => void;
}

const largestBatch = 500;

/**
 * Appends the audit rows of reads that arrive together in one transaction: one lock of the
 * chain and one commit for all of them, instead of each read taking its turn at the lock
 * (which made reads of personal data queue behind each other under load). Each caller's
 * promise settles once its row is committed.
 */
export class AuditBatcher {
  private readonly waiting: Waiting[] = [];
  private flushing = false;

  constructor(private readonly db: Database) {}

  append(entry: AuditEntry, at = new Date()): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, at, settle: (error) => (error ? reject(error) : resolve()) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, largestBatch);
      try {
        await this.db.transaction((tx) => appendAuditRows(tx, batch));
        for (const w of batch) w.settle();
      } catch (error) {
        const failure = error instanceof Error ? error : new Error('audit append failed');
        for (const w of batch) w.settle(failure);
      }
    }
    this.flushing = false;
  }
}

const batchers = new WeakMap<Database, AuditBatcher>();

/** The batcher of this database (one per process and database). */
export function auditBatcherOf(db: Database): AuditBatcher {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = new AuditBatcher(db)));
  return batcher;
}
