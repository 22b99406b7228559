import type { Database, Logger } from '@balcao/platform';
import type { Clock } from '../context/Clock';

export interface DueWork {
  timers: number[];
  timedOutJobs: number[];
  recurringJobs: number[];
  expiredMessages: number[];
}

export interface DueWorkHandlers {
  triggerTimer(key: number): Promise<void>;
  timeOutJob(key: number): Promise<void>;
  recurJob(key: number): Promise<void>;
  expireMessage(key: number): Promise<void>;
}

const BATCH = 200;

/**
 * Finds what has become due (timers, job deadlines and back-offs, message TTLs) and runs a
 * command for each. All of it lives in the database, so a restarted or another node picks up
 * whatever was due while this one was down. Commands re-check that the work is still due.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly handlers: DueWorkHandlers,
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs everything due now (tests call this after moving their clock). Returns how much ran. */
  async runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const due = await this.findDue();
      const count =
        due.timers.length +
        due.timedOutJobs.length +
        due.recurringJobs.length +
        due.expiredMessages.length;
      if (count === 0) return total;
      total += count;
      for (const key of due.timers)
        await this.safely('timer', key, () => this.handlers.triggerTimer(key));
      for (const key of due.timedOutJobs)
        await this.safely('job timeout', key, () => this.handlers.timeOutJob(key));
      for (const key of due.recurringJobs)
        await this.safely('job back-off', key, () => this.handlers.recurJob(key));
      for (const key of due.expiredMessages)
        await this.safely('message expiry', key, () => this.handlers.expireMessage(key));
      if (count < BATCH) return total;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runDue()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.log.warn({ err: error }, 'scheduler could not look for due work; trying again'),
        )
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.intervalMs);
    this.timer.unref();
  }

  private async findDue(): Promise<DueWork> {
    const now = new Date(this.clock.now()).toISOString();
    const result = await this.db.query<{ kind: string; key: number }>(
      `(select 'timer' as kind, key from engine_timer where due_at <= $1 order by due_at limit ${BATCH})
       union all
       (select 'timeout', key from engine_job where state = 'ACTIVATED' and deadline <= $1 order by deadline limit ${BATCH})
       union all
       (select 'recur', key from engine_job where state = 'FAILED' and recur_at <= $1 order by recur_at limit ${BATCH})
       union all
       (select 'expire', key from engine_message where expires_at <= $1 order by expires_at limit ${BATCH})`,
      [now],
    );
    const of = (kind: string) => result.rows.filter((r) => r.kind === kind).map((r) => r.key);
    return {
      timers: of('timer'),
      timedOutJobs: of('timeout'),
      recurringJobs: of('recur'),
      expiredMessages: of('expire'),
    };
  }

  private async safely(what: string, key: number, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.log.warn({ err: error, key }, `could not process due ${what}`);
    }
  }
}
