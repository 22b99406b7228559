import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, type Database } from '@balcao/platform';
import { openTestDatabase } from '@balcao/platform/testing';
import { serverMigrations } from '../../test/apiHarness';
import { appendAudit } from './appendAudit';
import { AuditBatcher } from './AuditBatcher';
import { verifyAuditChain } from './verifyAuditChain';

describe('audit batcher', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDatabase();
    await migrate(db, [serverMigrations]);
  });
  afterEach(async () => {
    await db.close();
  });

  it('should chain the rows of concurrent reads, each settled once committed', async () => {
    // given a row written the usual way, in a transaction
    await db.transaction((tx) => appendAudit(tx, { actor: 'a', action: 'POST /api/x' }));
    const batcher = new AuditBatcher(db);

    // when 60 reads append at once
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        batcher.append({ actor: 'c', action: 'GET /api/applications/:number', target: `n-${i}` }),
      ),
    );

    // then every row is there, in one intact chain, in the order the reads came
    const report = await verifyAuditChain(db);
    expect(report).toEqual({ ok: true, rows: 61 });
    const { rows } = await db.query<{ target: string }>(
      'select target from audit_log where actor = $1 order by seq',
      ['c'],
    );
    expect(rows.map((r) => r.target)).toEqual(Array.from({ length: 60 }, (_, i) => `n-${i}`));
  });

  it('should reject the reads of a batch that could not be written, and write later ones', async () => {
    // given a batcher whose first transaction fails
    const batcher = new AuditBatcher(db);
    await db.exec('alter table audit_log rename to audit_log_away');

    // when
    const refused = batcher.append({ actor: 'c', action: 'GET /api/x' });
    await expect(refused).rejects.toThrow();
    await db.exec('alter table audit_log_away rename to audit_log');
    await batcher.append({ actor: 'c', action: 'GET /api/y' });

    // then
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 1 });
  });
});
