import type { Database, Logger, Queryable } from '@balcao/platform';
import type { ApplicationRow } from '../applications/applicationQueries';
import { ApplicationStatus } from '../applications/ApplicationStatus';
import { milestoneLabel } from '../applications/presentApplication';
import type { LiveHub } from '../live/attachLiveHub';
import { liveRooms } from '../live/liveRooms';

export interface MilestoneStep {
  /** The task or job key: one timeline entry per step, whatever is retried. */
  sourceKey: string;
  elementId: string;
  headers: Readonly<Record<string, unknown>>;
  owedByCitizen: boolean;
  startedAt: Date;
  completedAt?: Date | undefined;
  actionUrl?: string | undefined;
}

/**
 * Keeps each application's citizen timeline (ADR 0004): milestones come from the task headers
 * of the tasks and jobs Balcão handles; the application's status and current agency follow.
 * Every change is pushed to the owner and the application's room.
 */
export class Tracker {
  constructor(private readonly deps: { db: Database; live: LiveHub; log: Logger }) {}

  async applicationOfCase(db: Queryable, caseRef: unknown): Promise<ApplicationRow | undefined> {
    if (typeof caseRef !== 'string') return undefined;
    const { rows } = await db.query<ApplicationRow>('select * from application where number = $1', [
      caseRef,
    ]);
    return rows[0];
  }

  /** Records a step; one without milestone headers only closes the owed steps before it. */
  async recordStep(caseRef: unknown, step: MilestoneStep): Promise<void> {
    const label = milestoneLabel(step.headers);
    const agencyHeader = step.headers['balcao:agency'];
    const changed = await this.deps.db.transaction(async (tx) => {
      const app = await this.applicationOfCase(tx, caseRef);
      if (!app || app.closed_at) return undefined;
      const agency = typeof agencyHeader === 'string' ? agencyHeader : null;
      // Any later step means the citizen's owed connector step (e.g. payment) is behind them.
      const closed = await tx.query(
        `update application_milestone set completed_at = $2
          where application_id = $1 and source_key like 'job:%' and completed_at is null
            and source_key <> $3 returning 1`,
        [app.id, step.startedAt, step.sourceKey],
      );
      if (!label) return closed.rows.length > 0 ? this.refreshStatus(tx, app, null) : undefined;
      await tx.query(
        `insert into application_milestone
           (application_id, source_key, element_id, label, agency, owed_by_citizen, started_at,
            completed_at, action_url)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         on conflict (application_id, source_key) do update
           set completed_at = coalesce(application_milestone.completed_at, excluded.completed_at)`,
        [
          app.id,
          step.sourceKey,
          step.elementId,
          JSON.stringify(label),
          agency,
          step.owedByCitizen,
          step.startedAt,
          step.completedAt ?? null,
          step.actionUrl ?? null,
        ],
      );
      return this.refreshStatus(tx, app, agency);
    });
    if (changed) this.announce(changed);
  }

  /** Closes a step that ended (task completed or cancelled). */
  async completeStep(applicationId: string, sourceKey: string, at: Date): Promise<void> {
    const changed = await this.deps.db.transaction(async (tx) => {
      const { rows } = await tx.query(
        `update application_milestone set completed_at = $3
          where application_id = $1 and source_key = $2 and completed_at is null returning 1`,
        [applicationId, sourceKey, at],
      );
      if (rows.length === 0) return undefined;
      const app = await tx.query<ApplicationRow>('select * from application where id = $1', [
        applicationId,
      ]);
      return app.rows[0] ? this.refreshStatus(tx, app.rows[0], null) : undefined;
    });
    if (changed) this.announce(changed);
  }

  /** The process instance ended: the application is complete unless it was withdrawn. */
  async closeApplication(app: ApplicationRow, at: Date): Promise<void> {
    const { rows } = await this.deps.db.query<ApplicationRow>(
      `update application set status = $2, closed_at = $3, updated_at = now()
        where id = $1 and closed_at is null returning *`,
      [app.id, ApplicationStatus.Completed, at],
    );
    await this.deps.db.query(
      `update application_milestone set completed_at = $2
        where application_id = $1 and completed_at is null`,
      [app.id, at],
    );
    if (rows[0]) this.announce(rows[0]);
  }

  announce(app: ApplicationRow): void {
    const payload = { number: app.number, status: app.status, currentAgency: app.current_agency };
    this.deps.live.publish({
      room: liveRooms.user(app.owner_account_id),
      event: 'application.updated',
      payload,
    });
    this.deps.live.publish({
      room: liveRooms.application(app.number),
      event: 'application.updated',
      payload,
    });
  }

  private async refreshStatus(
    tx: Queryable,
    app: ApplicationRow,
    agency: string | null,
  ): Promise<ApplicationRow> {
    const owed = await tx.query(
      `select 1 from application_milestone
        where application_id = $1 and owed_by_citizen and completed_at is null limit 1`,
      [app.id],
    );
    const status =
      owed.rows.length > 0 ? ApplicationStatus.AwaitingCitizen : ApplicationStatus.InProgress;
    const { rows } = await tx.query<ApplicationRow>(
      `update application set status = $2, current_agency = coalesce($3, current_agency),
              updated_at = now()
        where id = $1 and closed_at is null returning *`,
      [app.id, status, agency],
    );
    return rows[0] ?? app;
  }
}
