import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = path.join(import.meta.dirname, 'copy-workspaces.sh');

describe('docker/copy-workspaces.sh', () => {
  let repo: string;

  beforeEach(() => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'balcao-copy-workspaces-'));
    write('package.json', JSON.stringify({ type: 'module', workspaces: ['platform', 'portal'] }));
    write('package-lock.json', '{}');
    write('tsconfig.json', '{}');
    write('README.md', 'not needed at run time');
    write('platform/package.json', '{}');
    write('platform/src/index.ts', 'export {};');
    write('platform/src/db/migrate.test.ts', 'test');
    write('platform/migrations/0001_init.sql', 'select 1;');
    write('platform/.scratch/notes.txt', 'scratch');
    write('portal/package.json', '{}');
    write('portal/dist/index.html', '<!doctype html>');
    write('process-library/permit/permit.bpmn', '<definitions/>');
    write('process-library/permit/permit.test.ts', 'test');
    write('agencies/src/index.ts', 'not a workspace yet');
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('should copy only the package files of the root and of every workspace', () => {
    // when
    const out = run('manifests');

    // then
    expect(files(out)).toEqual([
      'package-lock.json',
      'package.json',
      'platform/package.json',
      'portal/package.json',
    ]);
  });

  it('should copy sources, migrations, built front ends and the process library, not tests', () => {
    // when
    const out = run('runtime');

    // then
    expect(files(out)).toEqual([
      'package.json',
      'platform/migrations/0001_init.sql',
      'platform/package.json',
      'platform/src/index.ts',
      'portal/dist/index.html',
      'portal/package.json',
      'process-library/permit/permit.bpmn',
      'tsconfig.json',
    ]);
  });

  it('should fail with a usage message when the mode is unknown', () => {
    // when
    const failure = () => run('everything');

    // then
    expect(failure).toThrow(/unknown mode 'everything'/);
  });

  it('should find the package file of every workspace of this repository', () => {
    // given
    const root = path.join(import.meta.dirname, '..');
    const out = path.join(repo, 'manifests');

    // when
    execFileSync('sh', [script, 'manifests', out], { cwd: root, stdio: 'pipe' });

    // then
    expect(files(out)).toContain('package-lock.json');
    expect(files(out)).toContain('server/package.json');
  });

  function write(file: string, content: string): void {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), content);
  }

  function run(mode: string): string {
    const out = path.join(repo, '.out');
    execFileSync('sh', [script, mode, out], { cwd: repo, stdio: 'pipe' });
    return out;
  }
});

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
