import type { Queryable } from '@balcao/platform';

const BLOCK = 1000;

/** Raised when a command used up the keys reserved for it; the command runs again with more. */
export class KeysExhausted extends Error {}

/**
 * Zeebe-style int64 keys (partition 1 starts at 2^51), handed out from blocks of a database
 * sequence: one round trip per thousand keys, unique across every node sharing the database.
 */
export class KeyGenerator {
  private next = 0;
  private end = 0;

  /** Makes sure at least `count` keys can be taken without I/O. */
  async reserve(tx: Queryable, count: number): Promise<void> {
    while (this.end - this.next < count) {
      const blocks = Math.max(1, Math.ceil((count - (this.end - this.next)) / BLOCK));
      const result = await tx.query<{ start: number }>(
        "select nextval('engine_key_block') as start from generate_series(1, $1)",
        [blocks],
      );
      // Blocks need not be adjacent: keep the largest contiguous run we just got.
      const starts = result.rows.map((r) => Number(r.start)).sort((a, b) => a - b);
      const runStart = starts[0]!;
      let runEnd = runStart + BLOCK;
      for (const start of starts.slice(1)) {
        if (start === runEnd) runEnd += BLOCK;
        else break;
      }
      if (runEnd - runStart > this.end - this.next) {
        this.next = runStart;
        this.end = runEnd;
      }
    }
  }

  take(): number {
    if (this.next >= this.end) throw new KeysExhausted();
    return this.next++;
  }

  remaining(): number {
    return this.end - this.next;
  }
}
