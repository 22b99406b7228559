import type { Database, Logger } from '@balcao/platform';
import type { ResultWaiters } from './ResultWaiters';

const ENDED_CHANNEL = 'balcao_engine_ended';

/**
 * CreateProcessInstanceWithResult across nodes: the node that ends an awaited instance
 * announces it; the node where the caller waits rebuilds the final variables from the log.
 */
export class ResultAnnouncer {
  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    private readonly results: ResultWaiters,
  ) {}

  listen(): Promise<() => Promise<void>> {
    return this.db.listen(ENDED_CHANNEL, (payload) => this.endedElsewhere(payload));
  }

  announce(key: number, state: 'COMPLETED' | 'TERMINATED'): void {
    this.db
      .query('select pg_notify($1, $2)', [ENDED_CHANNEL, JSON.stringify({ key, state })])
      .catch((error: unknown) => {
        this.log.warn({ err: error, key }, 'could not announce the end of a process instance');
      });
  }

  private endedElsewhere(payload: string): void {
    const { key, state } = JSON.parse(payload) as {
      key: number;
      state: 'COMPLETED' | 'TERMINATED';
    };
    if (!this.results.isWaiting(key)) return;
    finalVariables(this.db, key).then(
      (variables) => this.results.settle({ processInstanceKey: key, state, variables }),
      (error: unknown) =>
        this.log.warn({ err: error, key }, 'could not read the result of a process instance'),
    );
  }
}

/** The root scope's variables at the end of an instance, rebuilt from its variable events. */
async function finalVariables(db: Database, key: number): Promise<Record<string, unknown>> {
  const result = await db.query<{ name: string; value: unknown }>(
    `select value->>'name' as name, value->'value' as value from engine_event
      where process_instance_key = $1 and value_type = 'VARIABLE' and (value->>'scopeKey')::bigint = $1
      order by position`,
    [key],
  );
  const variables: Record<string, unknown> = {};
  for (const row of result.rows) variables[row.name] = row.value;
  return variables;
}
