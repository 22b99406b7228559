import { createLogger, openDatabase } from '@balcao/platform';
import { verifyAuditCommand } from './verifyAuditCommand';

// `tsx server/src/audit/verifyAuditMain.ts`: the same DATABASE_URL / DATA_DIR as `npm start`.
// The embedded database allows one process: stop the server before verifying a PGlite DATA_DIR.
async function main(): Promise<void> {
  const log = createLogger({ level: 'warn' });
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.DATA_DIR ?? './data',
    poolSize: 1,
    log,
  });
  try {
    process.exitCode = await verifyAuditCommand(db, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`could not verify the audit log: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
