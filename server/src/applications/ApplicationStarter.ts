import type { Camunda8 } from '@camunda8/sdk';
import type { Database, Logger } from '@balcao/platform';
import type { LiveHub } from '../live/attachLiveHub';
import { liveRooms } from '../live/liveRooms';
import type { Tracker } from '../tracking/Tracker';
import type { ApplicationRow } from './applicationQueries';
import { ApplicationStatus } from './ApplicationStatus';
import { findStartedInstance } from './findStartedInstance';

/** Applications still `starting` this long after submission are retried. */
const RETRY_AFTER_MS = 15_000;

/**
 * Starts the process instance of a submitted application through the Zeebe API. The
 * application row is committed first, so a failed or interrupted start is never lost: it
 * stays `starting` and is retried in the background until the engine accepts it. A retry first
 * looks for the instance an interrupted attempt may have created, so a procedure never runs
 * twice.
 */
export class ApplicationStarter {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly deps: {
      db: Database;
      camunda: Camunda8;
      live: LiveHub;
      tracker: Tracker;
      log: Logger;
    },
  ) {}

  /** Starts the application's instance; a `retry` first adopts one an earlier attempt created. */
  async start(app: ApplicationRow, attempt: 'first' | 'retry' = 'first'): Promise<ApplicationRow> {
    try {
      const earlier =
        attempt === 'retry' ? await findStartedInstance(this.deps.camunda, app) : undefined;
      const created = earlier
        ? undefined
        : await this.deps.camunda.getZeebeGrpcApiClient().createProcessInstance({
            bpmnProcessId: app.process_id,
            variables: {
              ...app.data,
              caseRef: app.number,
              applicantAccount: app.owner_login,
              language: app.language,
            },
          });
      const { rows } = await this.deps.db.query<ApplicationRow>(
        `update application set instance_key = $2, status = $3, updated_at = now()
          where id = $1 and status = $4 returning *`,
        [
          app.id,
          earlier?.processInstanceKey ?? String(created?.processInstanceKey),
          ApplicationStatus.Submitted,
          ApplicationStatus.Starting,
        ],
      );
      const started = rows[0] ?? app;
      this.deps.live.publish({
        room: liveRooms.user(app.owner_account_id),
        event: 'application.updated',
        payload: { number: app.number, status: started.status },
      });
      // TaskSync closes applications as their instances end, by end date: one that ended long
      // before its key was recorded here has gone past it.
      if (rows[0] && earlier && earlier.state !== 'ACTIVE') {
        await this.deps.tracker.closeApplication(
          rows[0],
          earlier.endDate ? new Date(earlier.endDate) : new Date(),
        );
        return (await this.reread(rows[0])) ?? started;
      }
      return started;
    } catch (error) {
      this.deps.log.warn(
        { err: error, application: app.number },
        'the engine did not accept the application yet; it will be retried',
      );
      return app;
    }
  }

  /** Retries stuck starts every few seconds. */
  run(intervalMs = 5_000): void {
    this.timer = setInterval(() => void this.retryPending(), intervalMs);
    this.timer.unref();
  }

  async retryPending(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const { rows } = await this.deps.db.query<ApplicationRow>(
        `select * from application where status = $1 and submitted_at < $2 order by submitted_at limit 50`,
        [ApplicationStatus.Starting, new Date(Date.now() - RETRY_AFTER_MS)],
      );
      for (const row of rows) await this.start(row, 'retry');
      return rows.length;
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async reread(app: ApplicationRow): Promise<ApplicationRow | undefined> {
    const { rows } = await this.deps.db.query<ApplicationRow>(
      'select * from application where id = $1',
      [app.id],
    );
    return rows[0];
  }
}
