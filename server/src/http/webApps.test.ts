import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApps } from './webApps';

describe('webApps', () => {
  let dir: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    // given a built portal and a modeler that is not built
    dir = await mkdtemp(path.join(os.tmpdir(), 'balcao-web-'));
    await mkdir(path.join(dir, 'portal', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'portal', 'index.html'), '<!doctype html><title>portal</title>');
    await writeFile(path.join(dir, 'portal', 'assets', 'index-abc123.js'), 'export {};');
    const app = express();
    app.get('/api/ping', (_req, res) => void res.json({ ok: true }));
    app.use(
      webApps([
        { mount: '/modeler', dir: path.join(dir, 'modeler') },
        { mount: '/', dir: path.join(dir, 'portal') },
      ]),
    );
    app.use((_req, res) => void res.status(404).json({ error: { code: 'NOT_FOUND' } }));
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const page = (p: string) => fetch(url + p, { headers: { accept: 'text/html' } });

  it('should serve index.html for the app and its client-side routes, never cached', async () => {
    for (const p of ['/', '/applications/2026-DSI-000001', '/inbox']) {
      const res = await page(p);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>portal</title>');
    }
  });

  it('should cache hashed assets for a year', async () => {
    const res = await fetch(`${url}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('should leave server paths and missing files alone', async () => {
    expect((await page('/api/ping')).status).toBe(200);
    expect((await page('/api/nothing')).status).toBe(404);
    expect((await page('/verify')).status).toBe(404);
    expect((await fetch(`${url}/assets/missing-123.js`)).status).toBe(404);
  });

  it('should say how to build an app that is not built', async () => {
    const res = await page('/modeler/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});
