import { randomUUID } from 'node:crypto';
import type { Database, Logger } from '@balcao/platform';

const JOBS_CHANNEL = 'balcao_engine_jobs';
/** How long job types gather before one NOTIFY tells the other nodes of them all. */
const GATHER_MS = 5;

/**
 * Tells long-polling workers on other nodes that jobs of some types became activatable, and
 * hears the same from them. NOTIFY goes out after the command's commit, gathered over a few
 * milliseconds: inside the command it would take PostgreSQL's notification lock through the
 * commit and so serialise every job-creating command. A node ignores its own notifications
 * (its workers were woken in-process). A lost notification costs a wait of at most one
 * long-poll slice of the gateway.
 */
export class JobAnnouncer {
  private readonly node = randomUUID();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
  ) {}

  /** Calls `wake` with the job types other nodes announce. */
  listen(wake: (types: string[]) => void): Promise<() => Promise<void>> {
    return this.db.listen(JOBS_CHANNEL, (payload) => {
      const message = parse(payload);
      if (message && message.node !== this.node) wake(message.types);
    });
  }

  announce(types: Iterable<string>): void {
    for (const type of types) this.pending.add(type);
    this.timer ??= setTimeout(() => void this.send(), GATHER_MS);
  }

  /** Sends what is gathered now (engine stop). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    return this.send();
  }

  private async send(): Promise<void> {
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const payload = JSON.stringify({ node: this.node, types: [...this.pending] });
    this.pending.clear();
    await this.db.query('select pg_notify($1, $2)', [JOBS_CHANNEL, payload]).catch((error) => {
      this.log.warn({ err: error }, 'could not tell other nodes of new jobs');
    });
  }
}

function parse(payload: string): { node: string; types: string[] } | undefined {
  try {
    const value = JSON.parse(payload) as { node?: unknown; types?: unknown };
    if (typeof value.node !== 'string' || !Array.isArray(value.types)) return undefined;
    return { node: value.node, types: value.types.map(String) };
  } catch {
    return undefined;
  }
}
