import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '@balcao/platform';
import { FileSystemDocumentStore } from '@balcao/forms';
import { signIn, startTestApi, type SignedIn, type TestApi } from '../../test/apiHarness';
import { createAccount } from '../identity/accounts';
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
    await createAccount(api.db, {
      login: 'other-citizen',
      displayName: 'Other',
      role: 'citizen',
      password: 'other-citizen-pw',
    });
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

  describe('who may download an upload', () => {
    let stored: { documentId: string; name: string };
    const download = (who: SignedIn) =>
      fetch(`${api.url}/api/documents/${stored.documentId}`, {
        headers: { cookie: who.cookie },
      });
    const as = (login: string, password: string) => signIn(api, login, password);

    beforeAll(async () => {
      stored = (await (await upload(pdf, 'passport.pdf', 'application/pdf')).json()) as {
        documentId: string;
        name: string;
      };
    });

    it('should keep an upload no application references to its uploader', async () => {
      // when
      const byClerk = await download(await as('dsi-clerk', 'demo-clerk'));
      const byAdmin = await download(await as('admin', 'demo-admin'));

      // then
      expect(byClerk.status).toBe(404);
      expect(byAdmin.status).toBe(404);
    });

    it('should let the staff of the agency handling the application download it, and no one else', async () => {
      // given the citizen applied to DSI with the upload in a file field
      const { ownerAccountId } = await uploadRow(api.db, stored.documentId);
      await fileApplication(api.db, {
        ownerAccountId,
        agency: 'DSI',
        data: { idNumber: '12345678', attachments: [stored] },
      });

      // when
      const byOtherCitizen = await download(await as('other-citizen', 'other-citizen-pw'));
      const byOtherAgency = await download(await as('dsf-clerk', 'demo-clerk'));
      const byAnalyst = await download(await as('analyst', 'demo-analyst'));
      const byHandlingClerk = await download(await as('dsi-clerk', 'demo-clerk'));
      const bySupervisor = await download(await as('supervisor', 'demo-supervisor'));
      const byAdmin = await download(await as('admin', 'demo-admin'));
      const missing = await fetch(`${api.url}/api/documents/${randomUUID()}`, {
        headers: { cookie: citizen.cookie },
      });

      // then refusals answer exactly as a missing document does, naming nothing
      const errorOf = async (res: Response) => {
        const { error } = (await res.json()) as { error: { code: string; message: string } };
        return { status: res.status, code: error.code, message: error.message };
      };
      const notFound = await errorOf(missing);
      expect(notFound).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      for (const refused of [byOtherCitizen, byOtherAgency, byAnalyst])
        expect(await errorOf(refused)).toEqual(notFound);
      expect(byHandlingClerk.status).toBe(200);
      expect(Buffer.from(await byHandlingClerk.arrayBuffer()).equals(pdf)).toBe(true);
      expect(bySupervisor.status).toBe(200);
      expect(byAdmin.status).toBe(200);
    });

    it('should let a clerk download it while a task of the application is in their group', async () => {
      // given another upload in an application of DSF with a translation task for SAFP
      const other = (await (await upload(pdf, 'birth.pdf', 'application/pdf')).json()) as {
        documentId: string;
      };
      const { ownerAccountId } = await uploadRow(api.db, other.documentId);
      const applicationId = await fileApplication(api.db, {
        ownerAccountId,
        agency: 'DSF',
        data: { certificate: other },
      });
      const safp = await as('safp-clerk', 'demo-clerk');
      const before = await fetch(`${api.url}/api/documents/${other.documentId}`, {
        headers: { cookie: safp.cookie },
      });
      await openTask(api.db, applicationId, 'safp-translators');

      // when
      const during = await fetch(`${api.url}/api/documents/${other.documentId}`, {
        headers: { cookie: safp.cookie },
      });
      const byDsi = await fetch(`${api.url}/api/documents/${other.documentId}`, {
        headers: { cookie: (await as('dsi-clerk', 'demo-clerk')).cookie },
      });

      // then
      expect(before.status).toBe(404);
      expect(during.status).toBe(200);
      expect(byDsi.status).toBe(404);
    });

    it('should audit each download as a personal-data lookup, refusals included', async () => {
      // when
      await download(await as('dsf-clerk', 'demo-clerk'));

      // then
      const { rows } = await api.db.query<{ outcome: string }>(
        `select details->>'outcome' as outcome from audit_log
          where action = 'GET /api/documents/:documentId' and target = $1 order by seq`,
        [`upload:${stored.documentId}`],
      );
      const outcomes = rows.map((r) => r.outcome);
      expect(outcomes).toContain('ok');
      expect(outcomes.at(-1)).toBe('refused');
    });
  });
});

async function uploadRow(db: Queryable, documentId: string) {
  const { rows } = await db.query<{ owner_account_id: string }>(
    'select owner_account_id from uploaded_document where document_id = $1',
    [documentId],
  );
  return { ownerAccountId: rows[0]!.owner_account_id };
}

let filed = 0;

/** An application as POST /api/applications stores it: its form data names the uploads. */
async function fileApplication(
  db: Queryable,
  app: { ownerAccountId: string; agency: string; data: Record<string, unknown> },
): Promise<string> {
  const id = randomUUID();
  filed += 1;
  await db.query(
    `insert into application (id, number, process_id, agency, current_agency, owner_account_id,
       owner_login, status, data, language)
     values ($1, $2, 'document-test', $3, $3, $4, 'citizen', 'in-progress', $5, 'en')`,
    [
      id,
      `2026-${app.agency}-${String(filed).padStart(6, '0')}`,
      app.agency,
      app.ownerAccountId,
      JSON.stringify(app.data),
    ],
  );
  return id;
}

async function openTask(db: Queryable, applicationId: string, group: string): Promise<void> {
  await db.query(
    `insert into inbox_task (task_key, kind, process_id, process_instance_key, element_id, name,
       application_id, candidate_groups, candidate_users, headers, state, created_at)
     values ($1, 'camunda', 'document-test', '1', 'translate', 'Translate', $2, $3, '{}', '{}',
       'open', now())`,
    [String(Date.now()), applicationId, [group]],
  );
}
