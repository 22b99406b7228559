import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/identity/accounts';
import type { SignedIn } from './apiHarness';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';
import { eventually } from './eventually';

// The one-stop journey as `npm start` runs it: a citizen applies for a criminal record
// certificate, the connectors check the civil registry and ask for payment, the citizen pays
// on the payment page, a DSI clerk sees the task arrive live, claims and approves it, and the
// citizen follows every milestone live and downloads the issued certificate (no one else can).

interface Summary {
  number: string;
  status: string;
  currentAgency: string;
  owedCount: number;
}
interface Detail extends Summary {
  timeline: { label: { en: string }; state: string; agency: string | null }[];
  documents: { verificationCode: string; downloadUrl: string; verifyUrl: string }[];
  owed: { kind: string; actionUrl: string | null }[];
}

describe(
  'one-stop journey: apply, pay, clerk decides, certificate issued',
  { timeout: 300_000 },
  () => {
    let t: TestBalcao;
    let citizen: SignedIn;
    let clerk: SignedIn;
    const sockets: Socket[] = [];
    const seen = { citizen: [] as string[], clerk: [] as string[] };

    const socketOf = (who: SignedIn, log: string[]) => {
      const socket = connect(t.url, {
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: { cookie: who.cookie },
      });
      socket.onAny((event: string) => log.push(event));
      sockets.push(socket);
      return new Promise<Socket>((resolve, reject) => {
        socket.on('connect', () => resolve(socket));
        socket.on('connect_error', reject);
      });
    };

    beforeAll(async () => {
      t = await startTestBalcao({ integrations: true, library: true });
      citizen = await t.signIn('citizen');
      clerk = await t.signIn('dsi-clerk');
      await socketOf(citizen, seen.citizen);
      await socketOf(clerk, seen.clerk);
    }, 300_000);

    afterAll(async () => {
      for (const socket of sockets) socket.disconnect();
      await t?.close();
    }, 60_000);

    it('should carry an application from the form to the certificate', async () => {
      // given the service is in the catalogue
      const catalogue = (await (await fetch(`${t.url}/api/catalogue?q=criminal`)).json()) as {
        items: { processId: string; agency: string }[];
      };
      expect(catalogue.items).toContainEqual(
        expect.objectContaining({ processId: 'criminal-record-certificate', agency: 'DSI' }),
      );

      // when the citizen applies (purpose "other" needs a clerk's check)
      const applied = await citizen.call('/api/applications', {
        method: 'POST',
        body: {
          processId: 'criminal-record-certificate',
          language: 'en',
          data: {
            idNumber: '12345678',
            purpose: 'other',
            purposeOther: 'Visa for a relative abroad',
            urgency: 'normal',
            deliveryFormat: 'electronic',
            sendToDepartment: false,
            consent: true,
          },
        },
      });
      const body = (await applied.json()) as Summary;
      expect({ status: applied.status, body }).toMatchObject({ status: 201 });
      const { number } = body;
      expect(number).toMatch(/^\d{4}-DSI-\d{6}$/);
      const detail = async () =>
        (await (await citizen.call(`/api/applications/${number}`)).json()) as Detail;

      // then the citizen is asked to pay, with the payment page to go to
      const payment = await eventually('the payment request', async () => {
        const d = await detail();
        return d.owed.find((o) => o.kind === 'payment' && o.actionUrl);
      });
      const payPage = new URL(payment.actionUrl as string);
      const paid = await fetch(payPage, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'action=pay',
        redirect: 'manual',
      });
      expect(paid.status).toBe(303);

      // and the DSI clerk gets the verification task, live
      const task = await eventually('the clerk task', async () => {
        const list = (await (
          await clerk.call(`/api/tasks?applicationNumber=${number}`)
        ).json()) as {
          items: { id: string; elementId: string }[];
        };
        return list.items[0];
      });
      expect(seen.clerk).toContain('task.created');
      const inProcess = await eventually('the application in process at DSI', async () => {
        const d = await detail();
        return d.status === 'in-progress' ? d : undefined;
      });
      expect(inProcess.currentAgency).toBe('DSI');
      expect(inProcess.owedCount).toBe(0);

      // when the clerk claims the task and approves
      const form = (await (await clerk.call(`/api/tasks/${task.id}`)).json()) as {
        form: unknown;
        data: { idNumber: string };
        application: unknown;
      };
      expect(form.form).not.toBeNull();
      expect(form.data.idNumber).toBe('12345678');
      expect(form.application).toMatchObject({ number, agency: 'DSI', status: 'in-progress' });
      const unclaimed = await clerk.call(`/api/tasks/${task.id}/complete`, {
        method: 'POST',
        body: { data: { clerkDecision: 'approve' } },
      });
      expect(unclaimed.status).toBe(409);
      expect((await clerk.call(`/api/tasks/${task.id}/claim`, { method: 'POST' })).status).toBe(
        200,
      );
      const invalid = await clerk.call(`/api/tasks/${task.id}/complete`, {
        method: 'POST',
        body: { data: { clerkDecision: 'maybe' } },
      });
      expect(invalid.status).toBe(400);
      const done = await clerk.call(`/api/tasks/${task.id}/complete`, {
        method: 'POST',
        body: { data: { clerkDecision: 'approve' } },
      });
      expect(done.status).toBe(200);

      // then the certificate is issued and the application completes
      let last: Detail | undefined;
      const finished = await eventually(
        'the completed application',
        async () => {
          last = await detail();
          return last.status === 'completed' && last.documents.length > 0 ? last : undefined;
        },
        () => JSON.stringify(last),
      );
      const labels = finished.timeline.map((m) => m.label.en);
      expect(labels).toEqual(
        expect.arrayContaining([
          'Application accepted',
          'Awaiting payment',
          'In process at DSI',
          'Certificate issued',
        ]),
      );
      expect(finished.timeline.every((m) => m.state === 'done')).toBe(true);
      const pdf = await citizen.call(finished.documents[0]?.downloadUrl ?? '');
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      await createAccount(t.balcao.db, {
        login: 'other-citizen',
        displayName: 'Other',
        role: 'citizen',
        password: 'other-citizen-pw',
      });
      const other = await t.signIn('other-citizen', 'other-citizen-pw');
      const theirs = await other.call(finished.documents[0]?.downloadUrl ?? '');
      expect(theirs.status).toBe(404);
      expect(theirs.headers.get('content-type')).not.toContain('pdf');
      expect(seen.citizen).toContain('application.updated');
      expect(seen.clerk).toContain('task.removed');
      const notices = (await (await citizen.call('/api/notifications')).json()) as {
        items: { caseRef: string }[];
      };
      expect(notices.items.filter((n) => n.caseRef === number).length).toBeGreaterThan(0);
    });
  },
);
