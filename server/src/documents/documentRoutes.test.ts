import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSystemDocumentStore } from '@balcao/forms';
import { signIn, startTestApi, type SignedIn, type TestApi } from '../../test/apiHarness';
import { documentRoutes } from './documentRoutes';

const pdf = Buffer.concat([
  Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'),
  Buffer.alloc(2048, 32),
  Buffer.from('\n%%EOF\n'),
]);

describe('document uploads', () => {
  let api: TestApi;
  let citizen: SignedIn;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'balcao-uploads-'));
    api = await startTestApi({
      routes: documentRoutes(new FileSystemDocumentStore(dir), { maxBytes: 64 * 1024 }),
    });
    citizen = await signIn(api, 'citizen', 'demo-citizen');
  });

  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (body: Buffer, name: string, type: string, who: SignedIn | null = citizen) =>
    fetch(`${api.url}/api/documents`, {
      method: 'POST',
      headers: {
        'content-type': type,
        'x-file-name': encodeURIComponent(name),
        ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}),
      },
      body,
    });

  it('should store an upload and return a reference whose hash matches the file', async () => {
    // when
    const res = await upload(pdf, '身份證明.pdf', 'application/pdf');

    // then
    expect(res.status).toBe(201);
    const stored = (await res.json()) as {
      documentId: string;
      sha256: string;
      size: number;
      contentType: string;
    };
    expect(stored.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(stored).toMatchObject({ size: pdf.length, contentType: 'application/pdf' });
    const back = await fetch(`${api.url}/api/documents/${stored.documentId}`, {
      headers: { cookie: citizen.cookie },
    });
    expect(back.status).toBe(200);
    expect(Buffer.from(await back.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('should refuse an oversized file with 413 and say the limit', async () => {
    // when
    const res = await upload(
      Buffer.concat([pdf, Buffer.alloc(100 * 1024)]),
      'big.pdf',
      'application/pdf',
    );

    // then
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /limit of 0\.1 MB/,
    );
  });

  it('should refuse with 415 a file whose content is not what its name and type claim', async () => {
    // when
    const res = await upload(
      Buffer.from('<html><script>alert(1)</script></html>'),
      'receipt.pdf',
      'application/pdf',
    );

    // then
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'UPLOAD_TYPE_NOT_ALLOWED',
    );
  });

  it('should not let an anonymous caller upload or read an upload', async () => {
    // given
    const stored = (await (await upload(pdf, 'mine.pdf', 'application/pdf')).json()) as {
      documentId: string;
    };

    // when
    const anonymous = await fetch(`${api.url}/api/documents/${stored.documentId}`);
    const unauthenticatedUpload = await upload(pdf, 'x.pdf', 'application/pdf', null);

    // then
    expect(anonymous.status).toBe(401);
    expect(unauthenticatedUpload.status).toBe(401);
  });
});
