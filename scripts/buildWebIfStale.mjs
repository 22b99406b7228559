#!/usr/bin/env node
// Before `npm start`: builds the web apps when their build is missing or older than their
// sources (or the shared web code), so a fresh `npm ci && npm start` serves them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const apps = ['portal', 'modeler'].filter((app) =>
  existsSync(path.join(root, app, 'package.json')),
);
const shared = ['web-shared/src', 'web-shared/package.json'];

const stale = apps.filter((app) => {
  const index = path.join(root, app, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = [
    `${app}/src`,
    `${app}/index.html`,
    `${app}/vite.config.ts`,
    `${app}/package.json`,
  ];
  return newest([...sources, ...shared].map((p) => path.join(root, p))) > built;
});

if (stale.length > 0) {
  console.log(`building the web apps (${stale.join(', ')}), first time takes ~1 min`);
  for (const app of stale) {
    const result = spawnSync('npm', ['run', 'build', '-w', app], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`building ${app} failed (exit ${result.status}); see the output above.`);
      process.exit(result.status ?? 1);
    }
  }
}

/** Latest modification time under the given files and folders (0 when none exist). */
function newest(paths) {
  let latest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      const children = readdirSync(p).map((name) => path.join(p, name));
      latest = Math.max(latest, newest(children));
    } else {
      latest = Math.max(latest, stat.mtimeMs);
    }
  }
  return latest;
}
