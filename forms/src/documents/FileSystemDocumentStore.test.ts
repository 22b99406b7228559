import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { isBalcaoError } from '@balcao/platform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSystemDocumentStore } from './FileSystemDocumentStore';
import type { PutDocumentOptions } from './DocumentStore';

const pdf = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(10_000, 'x'),
  Buffer.from('\n%%EOF\n'),
]);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(100, 1),
]);
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 0)]);
const html = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>');

const pdfOnly: PutDocumentOptions = {
  fileName: 'id-card.pdf',
  declaredContentType: 'application/pdf',
  maxBytes: 1024 * 1024,
  allowedTypes: ['application/pdf', 'image/png', 'image/jpeg'],
};

/** Yields the bytes in small chunks, as an HTTP request body would arrive. */
function chunks(bytes: Buffer, size = 1000): Readable {
  const parts: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    parts.push(bytes.subarray(offset, offset + size));
  return Readable.from(parts);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('FileSystemDocumentStore', () => {
  let directory: string;
  let store: FileSystemDocumentStore;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'balcao-documents-'));
    store = new FileSystemDocumentStore(directory, () => new Date('2025-04-02T08:00:00.000Z'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('should store a PDF whose hash and size match the bytes on disk', async () => {
    // when
    const document = await store.put(chunks(pdf), pdfOnly);

    // then
    const expected = createHash('sha256').update(pdf).digest('hex');
    const onDisk = readFileSync(
      join(directory, document.documentId.slice(0, 2), document.documentId),
    );
    expect(document).toMatchObject({
      sha256: expected,
      size: pdf.length,
      contentType: 'application/pdf',
      name: 'id-card.pdf',
      createdAt: '2025-04-02T08:00:00.000Z',
    });
    expect(createHash('sha256').update(onDisk).digest('hex')).toBe(expected);
    expect(readdirSync(join(directory, 'tmp'))).toEqual([]);
  });

  it('should give back the stored bytes and metadata', async () => {
    // given
    const stored = await store.put(chunks(png), {
      ...pdfOnly,
      fileName: 'C:\\scans\\photo.PNG',
      declaredContentType: 'image/png',
    });

    // when
    const { document, stream } = await store.get(stored.documentId);

    // then
    expect(document).toEqual({ ...stored, name: 'photo.PNG' });
    expect((await buffer(stream)).equals(png)).toBe(true);
  });

  it('should refuse an upload over the limit with UPLOAD_TOO_LARGE and leave nothing behind', async () => {
    // given
    const options = { ...pdfOnly, maxBytes: 512 * 1024 };
    const bigPdf = Buffer.concat([pdf, Buffer.alloc(600 * 1024, 'y')]);

    // when
    const error = await rejection(store.put(chunks(bigPdf, 64 * 1024), options));

    // then
    expect(isBalcaoError(error, 'UPLOAD_TOO_LARGE')).toBe(true);
    expect((error as Error).message).toContain('limit of 0.5 MB');
    expect(readdirSync(join(directory, 'tmp'))).toEqual([]);
  });

  it.each([
    ['an executable renamed .pdf', exe, 'setup.pdf', 'application/pdf'],
    ['an HTML page renamed .pdf', html, 'invoice.pdf', 'application/pdf'],
    ['a PNG declared as PDF', png, 'photo.pdf', 'application/pdf'],
    ['a PDF with a .png name', pdf, 'photo.png', 'image/png'],
    ['plain text when text is not allowed', Buffer.from('hello'), 'note.txt', 'text/plain'],
  ])(
    'should refuse %s with UPLOAD_TYPE_NOT_ALLOWED',
    async (_name, bytes, fileName, declaredContentType) => {
      // when
      const error = await rejection(
        store.put(chunks(bytes), { ...pdfOnly, fileName, declaredContentType }),
      );

      // then
      expect(isBalcaoError(error, 'UPLOAD_TYPE_NOT_ALLOWED')).toBe(true);
      expect(readdirSync(join(directory, 'tmp'))).toEqual([]);
    },
  );

  it('should accept plain text only when asked, and never markup as text', async () => {
    // given
    const options: PutDocumentOptions = {
      ...pdfOnly,
      allowedTypes: ['text/plain'],
      declaredContentType: 'text/plain; charset=utf-8',
    };

    // when
    const text = await store.put(chunks(Buffer.from('澳門 Macau\n')), {
      ...options,
      fileName: 'note.txt',
    });
    const error = await rejection(store.put(chunks(html), { ...options, fileName: 'page.txt' }));

    // then
    expect(text.contentType).toBe('text/plain');
    expect(isBalcaoError(error, 'UPLOAD_TYPE_NOT_ALLOWED')).toBe(true);
  });

  it('should answer DOCUMENT_NOT_FOUND for unknown and malformed ids', async () => {
    // when
    const unknown = await rejection(store.get('0b8f4a3e-7c1d-4e2f-9a6b-5c4d3e2f1a0b'));
    const traversal = await rejection(store.get('../../etc/passwd'));

    // then
    expect(isBalcaoError(unknown, 'DOCUMENT_NOT_FOUND')).toBe(true);
    expect(isBalcaoError(traversal, 'DOCUMENT_NOT_FOUND')).toBe(true);
  });
});
