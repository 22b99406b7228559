import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentSink, IssuedDocument } from './DocumentSink';

const codePattern = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/**
 * Keeps certificates as `<code>.pdf` + `<code>.json` under a directory, with an index by
 * idempotency key written last (a crash leaves at worst an unreferenced file, never a key
 * that points nowhere). For tests and single-node demos.
 */
export class FileDocumentSink implements DocumentSink {
  constructor(private readonly dir: string) {}

  async put(document: IssuedDocument, bytes: Uint8Array): Promise<void> {
    await mkdir(join(this.dir, 'keys'), { recursive: true });
    await writeAtomically(join(this.dir, `${document.verificationCode}.pdf`), bytes);
    await writeAtomically(
      join(this.dir, `${document.verificationCode}.json`),
      JSON.stringify(document),
    );
    await writeAtomically(this.keyPath(document.idempotencyKey), document.verificationCode);
  }

  async getByCode(verificationCode: string) {
    // The code comes from a public page: only a well-formed code may become a file name.
    if (!codePattern.test(verificationCode)) return undefined;
    const document = await readJson(join(this.dir, `${verificationCode}.json`));
    if (!document) return undefined;
    const bytes = new Uint8Array(await readFile(join(this.dir, `${verificationCode}.pdf`)));
    return { document, bytes };
  }

  async getByIdempotencyKey(idempotencyKey: string) {
    const code = await readFile(this.keyPath(idempotencyKey), 'utf8').catch(ifMissing(undefined));
    if (code === undefined) return undefined;
    return readJson(join(this.dir, `${code}.json`));
  }

  private keyPath(idempotencyKey: string): string {
    return join(this.dir, 'keys', createHash('sha256').update(idempotencyKey).digest('hex'));
  }
}

async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

async function readJson(path: string): Promise<IssuedDocument | undefined> {
  const text = await readFile(path, 'utf8').catch(ifMissing(undefined));
  return text === undefined ? undefined : (JSON.parse(text) as IssuedDocument);
}

function ifMissing<T>(fallback: T) {
  return (error: unknown): T => {
    if ((error as { code?: string }).code === 'ENOENT') return fallback;
    throw error;
  };
}
