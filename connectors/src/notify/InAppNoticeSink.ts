/** A notice for the citizen's account in the portal (always sent, whatever other channels). */
export interface InAppNotice {
  /** Same on every retry of the job: the sink stores the notice once per key. */
  idempotencyKey: string;
  account: string;
  senderAgency: string;
  template: string;
  language: 'zh-Hant' | 'pt' | 'en';
  personalisation: Record<string, string | number | boolean>;
  caseRef: string | undefined;
}

/** Where in-app notices go; the server implements it over its database and socket.io. */
export interface InAppNoticeSink {
  deliver(notice: InAppNotice): Promise<{ id: string }>;
}

/** An in-memory sink, idempotent by key: for tests and the demo. */
export class MemoryInAppNoticeSink implements InAppNoticeSink {
  readonly notices: (InAppNotice & { id: string })[] = [];

  deliver(notice: InAppNotice): Promise<{ id: string }> {
    const existing = this.notices.find((n) => n.idempotencyKey === notice.idempotencyKey);
    if (existing) return Promise.resolve({ id: existing.id });
    const id = `INAPP-${this.notices.length + 1}`;
    this.notices.push({ ...notice, id });
    return Promise.resolve({ id });
  }
}
