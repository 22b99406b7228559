import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, type Database } from '@balcao/platform';
import { openTestDatabase } from '@balcao/platform/testing';
import { serverMigrations } from '../../test/apiHarness';
import { appendAudit } from './appendAudit';
import { verifyAuditCommand } from './verifyAuditCommand';
import { verifyAuditChain } from './verifyAuditChain';

describe('audit hash chain', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDatabase();
    await migrate(db, [serverMigrations]);
    for (const action of ['POST /api/a', 'GET person', 'POST /api/b']) {
      await db.transaction((tx) =>
        appendAudit(tx, {
          actor: 'acc-1',
          action,
          target: 'x',
          sourceIp: '127.0.0.1',
          details: { z: 1, a: { c: [1, 2], b: 'é' } },
        }),
      );
    }
  });
  afterEach(async () => {
    await db.close();
  });

  it('should verify an intact chain', async () => {
    // when
    const lines: string[] = [];
    const code = await verifyAuditCommand(db, (line) => lines.push(line));

    // then
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 3 });
    expect(code).toBe(0);
    expect(lines[0]).toContain('3 row(s)');
  });

  it('should refuse UPDATE, DELETE and TRUNCATE on the table', async () => {
    // when / then
    await expect(db.query("update audit_log set actor = 'mallory'")).rejects.toThrow(/append-only/);
    await expect(db.query('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(db.exec('truncate audit_log')).rejects.toThrow(/append-only/);
  });

  it('should report the first changed row when someone bypasses the trigger', async () => {
    // given: an operator with DDL rights disables the trigger and edits row 2
    await db.exec(`alter table audit_log disable trigger audit_log_no_update_delete;
      update audit_log set actor = 'mallory' where seq = 2;`);

    // when
    const lines: string[] = [];
    const code = await verifyAuditCommand(db, (line) => lines.push(line));

    // then
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtSeq: '2' });
    expect(code).toBe(2);
    expect(lines[0]).toContain('BROKEN at seq 2');
  });

  it('should report a removed row at the row after it', async () => {
    // given
    await db.exec(`alter table audit_log disable trigger audit_log_no_update_delete;
      delete from audit_log where seq = 2;`);

    // when
    const report = await verifyAuditChain(db);

    // then
    expect(report).toMatchObject({
      ok: false,
      brokenAtSeq: '3',
      reason: expect.stringMatching(/prev_hash/),
    });
  });
});
