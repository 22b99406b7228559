import { randomUUID } from 'node:crypto';
import type { InAppNotice, InAppNoticeSink } from '@balcao/connectors';
import type { Database } from '@balcao/platform';
import type { LiveHub } from '../live/attachLiveHub';
import { liveRooms } from '../live/liveRooms';

/** In-app notices from the notify connector: kept per account, pushed live, once per job. */
export class DatabaseNoticeSink implements InAppNoticeSink {
  constructor(private readonly deps: { db: Database; live: LiveHub }) {}

  async deliver(notice: InAppNotice): Promise<{ id: string }> {
    const { rows } = await this.deps.db.query<{ id: string; inserted: boolean }>(
      `insert into notification (id, idempotency_key, account_login, case_ref, sender_agency,
          template, language, personalisation)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (idempotency_key) do update set idempotency_key = excluded.idempotency_key
       returning id, (xmax = 0) as inserted`,
      [
        randomUUID(),
        notice.idempotencyKey,
        notice.account,
        notice.caseRef ?? null,
        notice.senderAgency,
        notice.template,
        notice.language,
        JSON.stringify(notice.personalisation),
      ],
    );
    const row = rows[0] as { id: string; inserted: boolean };
    if (row.inserted)
      this.deps.live.publish({
        room: liveRooms.login(notice.account),
        event: 'notification.created',
        payload: { id: row.id, caseRef: notice.caseRef ?? null, template: notice.template },
      });
    return { id: row.id };
  }
}
