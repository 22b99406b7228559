import type { Database, Logger } from '@balcao/platform';
import type { Clock } from '../context/Clock';

export interface DueWorkHandlers {
  triggerTimer(key: number): Promise<void>;
  timeOutJob(key: number): Promise<void>;
  recurJob(key: number): Promise<void>;
  expireMessage(key: number): Promise<void>;
  broadcastPendingSignal(key: number): Promise<void>;
}

type Kind = keyof DueWorkHandlers;

const BATCH = 200;

/**
 * Finds what has become due (timers, job deadlines and back-offs, message TTLs, thrown
 * signals) and runs a command for each. All of it lives in the database, so a restarted or
 * another node picks up whatever was due while this one was down. Commands re-check that the
 * work is still due under their lock, so two nodes never act twice.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly handlers: DueWorkHandlers,
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(this.intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Looks for due work now rather than at the next tick (e.g. a signal was thrown). */
  kick(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  /** Runs everything due now (tests call this after moving their clock). Returns how much ran. */
  async runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const due = await this.findDue();
      total += due.length;
      for (const { kind, key } of due) {
        try {
          await this.handlers[kind](key);
        } catch (error) {
          this.log.warn({ err: error, key }, `could not process due work (${kind})`);
        }
      }
      if (due.length < BATCH) return total;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.runDue()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.log.warn({ err: error }, 'scheduler could not look for due work; trying again'),
        )
        .finally(() => {
          this.running = undefined;
          this.schedule(this.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async findDue(): Promise<{ kind: Kind; key: number }[]> {
    const now = new Date(this.clock.now()).toISOString();
    const result = await this.db.query<{ kind: Kind; key: number }>(
      `(select 'triggerTimer' as kind, key from engine_timer where due_at <= $1 order by due_at limit ${BATCH})
       union all
       (select 'timeOutJob', key from engine_job where state = 'ACTIVATED' and deadline <= $1 order by deadline limit ${BATCH})
       union all
       (select 'recurJob', key from engine_job where state = 'FAILED' and recur_at <= $1 order by recur_at limit ${BATCH})
       union all
       (select 'expireMessage', key from engine_message where expires_at <= $1 order by expires_at limit ${BATCH})
       union all
       (select 'broadcastPendingSignal', key from engine_pending_signal order by key limit ${BATCH})`,
      [now],
    );
    return result.rows;
  }
}
