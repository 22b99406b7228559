import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@balcao/platform';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyEndpoints } from '../runtime/AgencyEndpoints';
import { handleJob, type JobDeps, type JobLike } from '../runtime/handleJob';
import { FileDocumentSink } from './FileDocumentSink';
import { issueDocumentConnector } from './issueDocumentConnector';
import { verifyDocument } from './verifyDocument';

let dir: string;
let sink: FileDocumentSink;
const endpoint = { url: 'http://127.0.0.1:1/unused', apiKey: 'unused' };
const deps: JobDeps = {
  secrets: {},
  agencies: {
    civilRegistry: endpoint,
    tax: endpoint,
    documentExchange: endpoint,
    payment: endpoint,
    notification: endpoint,
  } satisfies AgencyEndpoints,
  log: createLogger({ level: 'silent', format: 'json' }),
  defaultTimeoutMs: 10_000,
  defaultRetryBackoffMs: 1_000,
  defaultRetries: 3,
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'balcao-docs-'));
  sink = new FileDocumentSink(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const certificate = {
  caseRef: 'CASE-D-1',
  title: 'Certificado de Registo Criminal',
  issuer: 'Direcção dos Serviços de Identificação',
  language: 'pt',
  applicant: { name: 'CHAN TAI MAN 陳大文', idNumber: '1234XXXX' },
  fields: { Resultado: 'Nada consta' },
  validDays: 90,
};

function job(key: string, variables: Record<string, unknown>): JobLike {
  return {
    key,
    type: 'balcao:document-issue:1',
    processInstanceKey: '1',
    bpmnProcessId: 'p',
    elementId: 'issue',
    retries: 3,
    variables,
    customHeaders: { resultVariable: 'certificate' },
  };
}

function issued(outcome: Awaited<ReturnType<typeof handleJob>>) {
  if (outcome.kind !== 'complete')
    throw new Error(`expected complete, got ${JSON.stringify(outcome)}`);
  return outcome.variables.certificate as {
    verificationCode: string;
    sha256: string;
    fileName: string;
    validUntil: string;
  };
}

describe('issueDocumentConnector', () => {
  const connector = issueDocumentConnector({
    sink: new FileDocumentSink(''),
    verificationBaseUrl: 'https://balcao.example/verify',
  });

  it('should issue a PDF with code, hash and validity that verifies as genuine', async () => {
    // given
    const issue = issueDocumentConnector({
      sink,
      verificationBaseUrl: 'https://balcao.example/verify',
      now: () => new Date('2026-11-28T02:00:00Z'),
    });

    // when
    const result = issued(await handleJob(job('d-1', certificate), issue, deps));

    // then
    expect(result.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(result.validUntil).toBe('2027-02-26T02:00:00.000Z');
    const bytes = new Uint8Array(await readFile(join(dir, `${result.verificationCode}.pdf`)));
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getSubject()).toBe(result.verificationCode);
    expect(await verifyDocument(sink, result.verificationCode, bytes)).toMatchObject({
      status: 'GENUINE',
      document: { caseRef: 'CASE-D-1', sha256: result.sha256 },
    });
  });

  it('should say ALTERED for changed bytes and UNKNOWN for a code never issued', async () => {
    // given
    const issue = issueDocumentConnector({
      sink,
      verificationBaseUrl: 'https://balcao.example/verify',
    });
    const result = issued(
      await handleJob(job('d-2', { ...certificate, language: 'en' }), issue, deps),
    );
    const bytes = new Uint8Array(await readFile(join(dir, `${result.verificationCode}.pdf`)));
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 1;

    // when
    const altered = await verifyDocument(sink, result.verificationCode, bytes);
    const unknown = await verifyDocument(sink, 'AAAA-BBBB-CCCC');
    const malformed = await verifyDocument(sink, '../../etc/passwd');

    // then
    expect(altered.status).toBe('ALTERED');
    expect(unknown).toEqual({ status: 'UNKNOWN', document: null });
    expect(malformed.status).toBe('UNKNOWN');
  });

  it('should return the same certificate when the job is delivered twice', async () => {
    // given
    const issue = issueDocumentConnector({
      sink,
      verificationBaseUrl: 'https://balcao.example/verify',
    });

    // when
    const first = issued(await handleJob(job('d-3', certificate), issue, deps));
    const second = issued(await handleJob(job('d-3', certificate), issue, deps));

    // then
    expect(second).toEqual(first);
  });

  it('should issue zh-Hant with a given font and without one', async () => {
    // given a TrueType font (the machine has no CJK font; DejaVu proves the embedding path)
    const font = new Uint8Array(
      await readFile('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf').catch(() =>
        Buffer.alloc(0),
      ),
    );
    const withFont = issueDocumentConnector({
      sink,
      verificationBaseUrl: 'https://balcao.example/verify',
      ...(font.length > 0 ? { font } : {}),
    });
    const withoutFont = issueDocumentConnector({
      sink,
      verificationBaseUrl: 'https://balcao.example/verify',
    });

    // when
    const a = await handleJob(
      job('d-4', { ...certificate, language: 'zh-Hant', title: '刑事紀錄證明書 Certificado' }),
      withFont,
      deps,
    );
    const b = await handleJob(
      job('d-5', { ...certificate, language: 'zh-Hant', title: '刑事紀錄證明書 Certificado' }),
      withoutFont,
      deps,
    );

    // then
    expect(issued(a).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(issued(b).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should raise an incident naming the field when the applicant has no name', async () => {
    // when
    const outcome = await handleJob(job('d-6', { ...certificate, applicant: {} }), connector, deps);

    // then
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
    expect(outcome.kind === 'fail' && outcome.errorMessage).toContain('applicant.name');
  });
});
