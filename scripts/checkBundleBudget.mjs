#!/usr/bin/env node
// Fails when the portal's first load (the entry script and what index.html preloads) is more
// than its budget of gzip-compressed JavaScript, or the modeler's whole bundle (every chunk:
// analysts load bpmn-js and the Form.io builder anyway) is more than its own. Run after
// `npm run build`; CI runs it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const budgets = [
  { app: 'portal', maxKb: 600, scope: 'first load' },
  { app: 'modeler', maxKb: 1536, scope: 'whole bundle' },
];
let failed = false;

for (const { app, maxKb, scope } of budgets) {
  const dist = path.resolve(import.meta.dirname, '..', app, 'dist');
  const indexFile = path.join(dist, 'index.html');
  if (!existsSync(indexFile)) {
    console.error(`${app}: ${indexFile} is missing; run "npm run build" first.`);
    failed = true;
    continue;
  }
  const html = readFileSync(indexFile, 'utf8');
  const scripts =
    scope === 'whole bundle'
      ? readdirSync(path.join(dist, 'assets'))
          .filter((f) => f.endsWith('.js'))
          .map((f) => `assets/${f}`)
      : [
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
  console.log(`${app}: ${scope} ${kb.toFixed(1)} kB gzip JS, ${verdict} the budget of ${maxKb} kB`);
  if (kb > maxKb) failed = true;
}

process.exit(failed ? 1 : 0);
