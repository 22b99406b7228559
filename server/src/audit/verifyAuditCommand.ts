import type { Queryable } from '@balcao/platform';
import { verifyAuditChain } from './verifyAuditChain';

/** Checks the chain and prints the verdict; returns the process exit code (0 intact, 2 broken). */
export async function verifyAuditCommand(
  db: Queryable,
  print: (line: string) => void,
): Promise<number> {
  const report = await verifyAuditChain(db);
  if (report.ok) {
    print(`audit log intact: ${report.rows} row(s) verified`);
    return 0;
  }
  print(
    `audit log BROKEN at seq ${report.brokenAtSeq}: ${report.reason}. ` +
      `Rows before it are intact; restore the table from a backup and investigate who wrote to it.`,
  );
  return 2;
}
