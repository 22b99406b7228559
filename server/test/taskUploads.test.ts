import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from './apiHarness';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';
import { deployTestService, replyThenReview } from './deployTestService';
import { eventually } from './eventually';

// A file the applicant sends through a task (the reply to a request for information) is not in
// the application's form data, yet the clerk reviewing the reply must open it: completing the
// task links the upload to the application. A task's file field may only name one's own uploads.

const processId = 'reply-with-document';
const formId = 'reply-with-document-form';
const model = replyThenReview(processId, formId);
const form = {
  formId,
  title: { 'zh-Hant': '補交文件', pt: 'Documentos em falta', en: 'Missing documents' },
  display: 'form',
  components: [
    {
      type: 'file',
      key: 'documents',
      label: 'Documents',
      input: true,
      multiple: true,
      storage: 'url',
    },
    { type: 'button', key: 'submit', label: 'Submit', input: true, action: 'submit' },
  ],
};
const pdf = Buffer.concat([
  Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'),
  Buffer.alloc(2048, 32),
  Buffer.from('\n%%EOF\n'),
]);

interface Task {
  id: string;
  applicationNumber: string | null;
}

describe('uploads sent through a task', { timeout: 180_000 }, () => {
  let t: TestBalcao;
  let citizen: SignedIn;
  let other: SignedIn;
  let clerk: SignedIn;
  let foreignClerk: SignedIn;

  const upload = async (who: SignedIn, name: string) => {
    const res = await fetch(`${t.url}/api/documents`, {
      method: 'POST',
      headers: {
        'content-type': 'application/pdf',
        'x-file-name': encodeURIComponent(name),
        cookie: who.cookie,
        'x-csrf-token': who.csrf,
      },
      body: pdf,
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { documentId: string; sha256: string; size: number };
  };
  const download = (who: SignedIn, documentId: string) =>
    fetch(`${t.url}/api/documents/${documentId}`, { headers: { cookie: who.cookie } });
  const reference = (
    stored: { documentId: string; sha256: string; size: number },
    name: string,
  ) => ({
    ...stored,
    contentType: 'application/pdf',
    name,
  });

  beforeAll(async () => {
    t = await startTestBalcao();
    await deployTestService(t, {
      processId,
      model,
      forms: [form],
      agency: 'DSI',
      name: { 'zh-Hant': '補交', pt: 'Resposta', en: 'Reply' },
      workingDays: 10,
    });
    citizen = await t.signIn('citizen');
    other = await t.signIn('chan-ka-ian', 'demo-citizen');
    clerk = await t.signIn('dsi-clerk');
    foreignClerk = await t.signIn('dsf-clerk');
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  it('should let the reviewing clerk open the file the applicant sent, and refuse files of others', async () => {
    // given: the citizen applied and owes the documents
    const applied = await citizen.call('/api/applications', {
      method: 'POST',
      body: { processId, data: {}, language: 'en' },
    });
    expect(applied.status).toBe(201);
    const { number } = (await applied.json()) as { number: string };
    const owed = await eventually('the reply task', async () => {
      const list = (await (await citizen.call('/api/tasks')).json()) as { items: Task[] };
      return list.items.find((i) => i.applicationNumber === number);
    });
    const mine = await upload(citizen, 'birth-record.pdf');
    const theirs = await upload(other, 'someone-else.pdf');

    // when the reply names another person's upload
    const foreign = await citizen.call(`/api/tasks/${owed.id}/complete`, {
      method: 'POST',
      body: { data: { documents: [reference(theirs, 'someone-else.pdf')] } },
    });

    // then it is refused on the field, and the file stays private to its owner
    expect(foreign.status).toBe(400);
    const { error } = (await foreign.json()) as { error: { fields: { path: string }[] } };
    expect(error.fields.map((f) => f.path)).toEqual([expect.stringMatching(/^documents/)]);
    expect((await download(citizen, theirs.documentId)).status).toBe(404);

    // when the reply sends their own file
    const done = await citizen.call(`/api/tasks/${owed.id}/complete`, {
      method: 'POST',
      body: { data: { documents: [reference(mine, 'birth-record.pdf')] } },
    });
    expect(done.status).toBe(200);

    // then the DSI clerk reviewing it opens the file, byte for byte
    await eventually('the review task in the clerk’s inbox', async () => {
      const list = (await (await clerk.call('/api/tasks?view=all')).json()) as { items: Task[] };
      return list.items.find((i) => i.applicationNumber === number);
    });
    const opened = await download(clerk, mine.documentId);
    expect(opened.status).toBe(200);
    expect(Buffer.from(await opened.arrayBuffer()).equals(pdf)).toBe(true);
    // and nobody outside the application does
    expect((await download(other, mine.documentId)).status).toBe(404);
    expect((await download(foreignClerk, mine.documentId)).status).toBe(404);
  });
});
