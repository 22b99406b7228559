import type { Database, Logger, Queryable } from '@balcao/platform';
import type { EngineEvent } from '../log/EngineEvent';
import { EngineState } from '../state/EngineState';
import { flushState } from '../state/flushState';
import { loadInstanceStates, lockAndLoadTrees, type RootQuery } from '../state/loadInstanceState';
import type { Clock } from './context/Clock';
import { CommandContext } from './context/CommandContext';
import type { Definitions } from './context/Definitions';
import { KeyGenerator, KeysExhausted } from './context/KeyGenerator';
import { behaviours } from './elements/behaviours';
import { reject } from './commands/EngineRejection';
import { Lifecycle } from './lifecycle/Lifecycle';
import type { ElementInstanceRow } from '../state/rows';

export interface CommandHooks {
  /** Jobs of these types became activatable (after commit). */
  jobsAvailable(types: string[]): void;
  /** A process instance completed or was terminated (after commit). */
  processEnded(
    instance: ElementInstanceRow,
    state: 'COMPLETED' | 'TERMINATED',
    variables: Record<string, unknown>,
  ): void;
  /** The events a command wrote (after commit). */
  committed(events: readonly EngineEvent[]): void;
}

/**
 * The trees a command touches: SQL (its lock and load then travel with it, one round trip) or
 * code that looks them up first.
 */
export type Locate = RootQuery | ((tx: Queryable) => Promise<number[]>);

/**
 * Runs one command in one transaction: lock and load the instance trees it touches, run the
 * command and the lifecycle steps it causes, flush state and events in one statement, then
 * tell waiters. A command that ran out of reserved keys runs again with more.
 */
export class CommandProcessor {
  private readonly keys = new KeyGenerator();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    readonly definitions: Definitions,
    private readonly hooks: CommandHooks,
    private readonly log: Logger,
  ) {}

  async execute<T>(locate: Locate, work: (life: Lifecycle) => Promise<T>): Promise<T> {
    let reserve = 300;
    for (;;) {
      try {
        return await this.attempt(locate, work, reserve);
      } catch (error) {
        if (!(error instanceof KeysExhausted)) throw error;
        reserve *= 4;
        this.log.debug({ reserve }, 'command needed more keys; running it again');
      }
    }
  }

  private async attempt<T>(
    locate: Locate,
    work: (life: Lifecycle) => Promise<T>,
    reserve: number,
  ): Promise<T> {
    const ended: {
      instance: ElementInstanceRow;
      state: 'COMPLETED' | 'TERMINATED';
      variables: Record<string, unknown>;
    }[] = [];
    const { result, ctx } = await this.db.transaction(
      async (tx) => {
        await this.keys.reserve(tx, reserve);
        const state = new EngineState();
        const ctx = new CommandContext(tx, state, this.keys, this.clock, this.definitions);
        if (typeof locate === 'function') {
          const roots = [...new Set(await locate(tx))].sort((a, b) => a - b);
          const [missing] = await loadInstanceStates(tx, state, roots);
          if (missing !== undefined)
            throw reject.notFound(
              `Expected to find process instance with key '${missing}', but none was found.`,
            );
        } else await lockAndLoadTrees(tx, state, locate);
        for (const key of new Set([...state.processInstances.values()].map((p) => p.processKey))) {
          await this.definitions.get(tx, key);
        }
        const life = new Lifecycle(ctx, behaviours);
        life.processEndedListeners.push((instance, endState, variables) =>
          ended.push({ instance, state: endState, variables }),
        );
        const result = await work(life);
        await life.run();
        flushState(tx, state, ctx.events);
        return { result, ctx };
      },
      { retryOnConflict: 3 },
    );
    for (const hook of ctx.afterCommit) hook();
    if (ctx.createdJobTypes.length > 0) this.hooks.jobsAvailable([...new Set(ctx.createdJobTypes)]);
    for (const e of ended) this.hooks.processEnded(e.instance, e.state, e.variables);
    this.hooks.committed(ctx.events);
    return result;
  }
}
