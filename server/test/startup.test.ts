import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPglite } from '@balcao/platform';
import { demoAccounts } from '../src/identity/demoAccounts';
import { runToExit, startProcess, type RunningNode } from './startProcess';

// `npm start` as a newcomer runs it: a real process on the embedded database.
describe('npm start on the embedded database', () => {
  let dataDir: string;
  const running: RunningNode[] = [];

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'balcao-start-'));
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((node) => node.stop('SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const node = await startProcess({ DATA_DIR: dataDir, DATABASE_URL: '' });
    running.push(node);
    return node;
  };

  it('should answer /health and, after migrations, /ready, and print the demo sign-ins', async () => {
    // when
    const node = await start();

    // then
    expect((await fetch(`${node.url}/health`)).status).toBe(200);
    const ready = await fetch(`${node.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect(node.output()).toMatch(/applied \d+ database migration\(s\)/);
    const printed = demoSignIns(node.output());
    for (const account of demoAccounts)
      expect(printed).toContainEqual(
        expect.stringMatching(
          new RegExp(`^${account.login} +/ ${account.password} +${account.role}`),
        ),
      );
    expect(new Set(demoAccounts.map((a) => a.role))).toEqual(
      new Set(['citizen', 'clerk', 'analyst', 'supervisor', 'admin']),
    );
  });

  it('should keep the data when started twice on the same DATA_DIR', async () => {
    // given: a first run, then a row written while it is stopped
    const first = await start();
    expect(await first.stop()).toBe(0);
    running.pop();
    const db = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    await db.exec("create table marker (note text); insert into marker values ('kept')");
    await db.close();

    // when
    const second = await start();
    await second.stop();
    running.pop();

    // then
    expect(second.output()).not.toContain('applied');
    // The library is deployed on every start; nothing changed, so no new versions.
    expect(first.output()).toContain('criminal-record-certificate v1');
    expect(second.output()).toContain('criminal-record-certificate v1');
    expect(second.output()).not.toContain('criminal-record-certificate v2');
    const reopened = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    const marker = await reopened.query('select note from marker');
    const migrations = await reopened.query('select namespace, version from balcao_migration');
    await reopened.close();
    expect(marker.rows).toEqual([{ note: 'kept' }]);
    expect(migrations.rows).toContainEqual({ namespace: 'server', version: 1 });
  });

  it('should refuse a second process on the same DATA_DIR and say what to do', async () => {
    // given
    await start();

    // when
    const second = await runToExit({ DATA_DIR: dataDir, DATABASE_URL: '' });

    // then
    expect(second.code).toBe(1);
    expect(second.output).toMatch(/is in use by process \d+.*set DATA_DIR to another folder/);
  });

  it('should stop with a message naming an invalid variable', async () => {
    // when
    const result = await runToExit({ DATA_DIR: dataDir, DATABASE_URL: '', PORT: 'eighty' });

    // then
    expect(result.code).toBe(78);
    expect(result.output).toContain('PORT: expected a port number');
    expect(result.output).toContain('(got "eighty")');
  });
});

/** The `accounts` of the start-up log line that lists the demo sign-ins. */
function demoSignIns(output: string): string[] {
  const line = output.split('\n').find((l) => l.includes('demo accounts (public passwords'));
  return line ? (JSON.parse(line) as { accounts: string[] }).accounts : [];
}
