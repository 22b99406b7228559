import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BalcaoError } from '@balcao/platform';
import { z } from 'zod';
import {
  DocumentErrorCode,
  type DocumentStore,
  type PutDocumentOptions,
  type StoredDocument,
} from './DocumentStore';
import {
  DocumentContentType,
  extensionsByType,
  sniffContentType,
  sniffLength,
} from './sniffContentType';

const documentIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const storedDocumentSchema = z.object({
  documentId: z.string().regex(documentIdPattern),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  size: z.number().int().nonnegative(),
  contentType: z.enum(Object.values(DocumentContentType)),
  name: z.string(),
  createdAt: z.string(),
});

/**
 * Documents as files under one directory (`DATA_DIR/documents` by default): the content at
 * `<id[0..1]>/<id>` and its metadata beside it in `<id>.json`. Uploads are written to
 * `tmp/` first and renamed into place only once size and type are known to be acceptable,
 * so a reader never sees a partial or refused file.
 */
export class FileSystemDocumentStore implements DocumentStore {
  constructor(
    private readonly directory: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async put(
    content: Readable | AsyncIterable<Uint8Array>,
    options: PutDocumentOptions,
  ): Promise<StoredDocument> {
    const temporaryDirectory = join(this.directory, 'tmp');
    await mkdir(temporaryDirectory, { recursive: true });
    const documentId = randomUUID();
    const temporaryPath = join(temporaryDirectory, documentId);
    const meter = new UploadMeter(options.maxBytes);
    try {
      await pipeline(content, meter, createWriteStream(temporaryPath, { flags: 'wx' }));
      const contentType = checkType(meter.head(), options);
      const document: StoredDocument = {
        documentId,
        sha256: meter.sha256(),
        size: meter.size,
        contentType,
        name: cleanName(options.fileName),
        createdAt: this.now().toISOString(),
      };
      const target = this.pathOf(documentId);
      await mkdir(join(this.directory, documentId.slice(0, 2)), { recursive: true });
      await writeFile(`${temporaryPath}.json`, JSON.stringify(document), { flag: 'wx' });
      await rename(temporaryPath, target);
      await rename(`${temporaryPath}.json`, `${target}.json`);
      return document;
    } catch (error) {
      await rm(temporaryPath, { force: true });
      await rm(`${temporaryPath}.json`, { force: true });
      if (error instanceof TooLarge) throw tooLarge(options.maxBytes);
      throw error;
    }
  }

  async get(documentId: string): Promise<{ document: StoredDocument; stream: Readable }> {
    if (!documentIdPattern.test(documentId)) throw notFound(documentId);
    let metadata: string;
    try {
      metadata = await readFile(`${this.pathOf(documentId)}.json`, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(documentId);
      throw error;
    }
    const document = storedDocumentSchema.parse(JSON.parse(metadata));
    return { document, stream: createReadStream(this.pathOf(documentId)) };
  }

  private pathOf(documentId: string): string {
    return join(this.directory, documentId.slice(0, 2), documentId);
  }
}

class TooLarge extends Error {}

/** Hashes and counts bytes on their way to disk and keeps the first ones for sniffing. */
class UploadMeter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');
  private readonly start: Buffer[] = [];
  private startLength = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    done: (error?: Error | null, data?: Buffer) => void,
  ): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new TooLarge());
    this.hash.update(chunk);
    if (this.startLength < sniffLength) {
      this.start.push(chunk.subarray(0, sniffLength - this.startLength));
      this.startLength += Math.min(chunk.length, sniffLength - this.startLength);
    }
    done(null, chunk);
  }

  head(): Buffer {
    return Buffer.concat(this.start);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}

function checkType(head: Buffer, options: PutDocumentOptions): DocumentContentType {
  const sniffed = sniffContentType(head);
  const declared = normaliseContentType(options.declaredContentType);
  const extension = extname(options.fileName).slice(1).toLowerCase();
  const allowed = options.allowedTypes.join(', ');
  if (sniffed === undefined || !options.allowedTypes.includes(sniffed)) {
    throw typeNotAllowed(
      `The file "${cleanName(options.fileName)}" is not of an accepted type; upload one of: ${allowed}.`,
    );
  }
  if (declared !== sniffed || !extensionsByType[sniffed].includes(extension)) {
    throw typeNotAllowed(
      `The file "${cleanName(options.fileName)}" contains ${sniffed}, which does not match its name or declared type (${declared || 'none'}); save it in the right format and upload it again.`,
    );
  }
  return sniffed;
}

function normaliseContentType(value: string): string {
  const bare = (value.split(';')[0] ?? '').trim().toLowerCase();
  return bare === 'image/jpg' || bare === 'image/pjpeg' ? DocumentContentType.Jpeg : bare;
}

/** The uploader's file name without directories or control characters, for display only. */
function cleanName(fileName: string): string {
  const name = basename(fileName.replaceAll('\\', '/'))
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, 255);
  return name === '' ? 'document' : name;
}

function tooLarge(maxBytes: number): BalcaoError {
  const megabytes = Math.max(0.01, Math.round((maxBytes / (1024 * 1024)) * 100) / 100);
  return BalcaoError.nonRetryable(
    DocumentErrorCode.UploadTooLarge,
    `The file is larger than the limit of ${megabytes} MB; upload a smaller file (for example a scan at a lower resolution).`,
  );
}

function typeNotAllowed(message: string): BalcaoError {
  return BalcaoError.nonRetryable(DocumentErrorCode.UploadTypeNotAllowed, message);
}

function notFound(documentId: string): BalcaoError {
  return BalcaoError.nonRetryable(
    DocumentErrorCode.DocumentNotFound,
    `Document "${documentId.slice(0, 64)}" does not exist; check the reference or upload the file again.`,
  );
}
