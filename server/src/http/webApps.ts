import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Response } from 'express';

export interface WebApp {
  /** URL prefix, e.g. `/` or `/modeler`. */
  mount: string;
  /** The app's build output (Vite `dist`, with `index.html`). */
  dir: string;
}

/** Built apps of this checkout: the analysts' modeler, and the portal at the root. */
export const builtWebApps: WebApp[] = [
  { mount: '/modeler', dir: fileURLToPath(new URL('../../../modeler/dist', import.meta.url)) },
  { mount: '/', dir: fileURLToPath(new URL('../../../portal/dist', import.meta.url)) },
];

/** Paths that belong to the server, never to an app's client-side routes. */
const serverPaths = /^\/(api|v2|socket\.io|metrics|health|ready|verify|oauth|documents)(\/|$)/;

/**
 * Serves the built web apps: files as they are, with a year-long cache for Vite's hashed
 * assets (their name changes with their content) and none for `index.html`, which
 * every other GET for a page of the app falls back to (client-side routes). An app that
 * is not built answers 503 saying how to build it.
 */
export function webApps(apps: WebApp[] = builtWebApps): Router {
  const router = Router();
  for (const app of apps) {
    const index = path.join(app.dir, 'index.html');
    const prefix = app.mount === '/' ? '' : app.mount;
    router.use(
      app.mount,
      express.static(app.dir, {
        index: false,
        redirect: false,
        setHeaders(res, file) {
          res.setHeader('Cache-Control', cachePolicy(path.relative(app.dir, file)));
        },
      }),
    );
    router.use(app.mount, (req, res, next) => {
      const fullPath = prefix + req.path;
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      if (serverPaths.test(fullPath) || !req.accepts('html')) return next();
      // A missing file with an extension is a 404, not the app.
      if (path.extname(req.path) !== '') return next();
      if (!existsSync(index)) return notBuilt(res);
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
  return router;
}

function cachePolicy(relative: string): string {
  const parts = relative.split(path.sep);
  return parts[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function notBuilt(res: Response): void {
  res
    .status(503)
    .type('text/plain')
    .send(
      'The web apps are not built yet. Run `npm run build` (or `npm start`, which builds them).',
    );
}
