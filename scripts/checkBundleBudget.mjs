#!/usr/bin/env node
// Fails when the portal's first load (the entry script and what index.html preloads) is more
// than its budget of gzip-compressed JavaScript. Run after `npm run build`; CI runs it.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const budgets = [{ app: 'portal', maxKb: 600 }];
let failed = false;

for (const { app, maxKb } of budgets) {
  const dist = path.resolve(import.meta.dirname, '..', app, 'dist');
  const indexFile = path.join(dist, 'index.html');
  if (!existsSync(indexFile)) {
    console.error(`${app}: ${indexFile} is missing; run "npm run build" first.`);
    failed = true;
    continue;
  }
  const html = readFileSync(indexFile, 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  let total = 0;
  for (const src of new Set(scripts)) {
    const file = path.join(dist, src.replace(/^\//, ''));
    const size = gzipSync(readFileSync(file)).length;
    total += size;
    console.log(`${app}: ${src} ${(size / 1024).toFixed(1)} kB gzip`);
  }
  const kb = total / 1024;
  const verdict = kb <= maxKb ? 'within' : 'OVER';
  console.log(
    `${app}: first load ${kb.toFixed(1)} kB gzip JS, ${verdict} the budget of ${maxKb} kB`,
  );
  if (kb > maxKb) failed = true;
}

process.exit(failed ? 1 : 0);
