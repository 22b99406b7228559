import type { Database, Logger } from '@balcao/platform';
import {
  deployResources,
  type DeploymentResult,
  type Resource,
  type ResourceValidator,
} from '../deploy/deployResources';
import type { EngineEvent } from '../log/EngineEvent';
import { CommandProcessor } from './CommandProcessor';
import { reject } from './commands/EngineRejection';
import {
  cancelProcessInstance,
  resolveIncident,
  rootOfElement,
  rootOfIncident,
  setVariables,
} from './commands/instanceCommands';
import {
  completeJob,
  failJob,
  recurJob,
  rootOfJob,
  throwJobError,
  timeOutJob,
  updateJobRetries,
  updateJobTimeout,
} from './commands/jobCommands';
import {
  expireMessage,
  publishMessage,
  rootsSubscribedTo,
  type PublishMessageInput,
} from './commands/messageCommands';
import { startProcessInstance } from './commands/startProcessInstance';
import { broadcastSignal, rootsWithSignal } from './commands/signalCommands';
import { rootOfTimer, triggerTimer } from './commands/timerCommands';
import {
  assignUserTask,
  completeUserTask,
  rootOfUserTask,
  updateUserTask,
} from './commands/userTaskCommands';
import { systemClock, type Clock } from './context/Clock';
import { Definitions, type ProcessDefinition } from './context/Definitions';
import { activateJobs, type ActivatedJob, type ActivateJobsInput } from './jobs/activateJobs';
import { JobWaiters } from './jobs/JobWaiters';
import type { Lifecycle } from './lifecycle/Lifecycle';
import { ResultWaiters, type InstanceResult } from './ResultWaiters';
import { Scheduler } from './scheduler/Scheduler';
import { loadRows } from '../state/loadInstanceState';
import type { UserTaskRow } from '../state/rows';

export interface EngineOptions {
  db: Database;
  log: Logger;
  clock?: Clock;
  /** How often the scheduler looks for due timers, job deadlines and expired messages. */
  schedulerIntervalMs?: number;
  /** Checks form resources at deploy (the server passes the forms package's validator). */
  formValidator?: ResourceValidator;
  /** false: no background scheduler (tests drive `runDueWork` with their clock). */
  scheduler?: boolean;
}

export interface CreateInstanceInput {
  bpmnProcessId?: string;
  processDefinitionKey?: number;
  /** -1 or undefined: the latest version. */
  version?: number;
  variables?: Record<string, unknown>;
}

export interface CreatedInstance {
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
}

const JOBS_CHANNEL = 'balcao_engine_jobs';

/**
 * The embedded engine: Zeebe's commands over PostgreSQL. Every method is one command in one
 * transaction (activation included); rejections are EngineRejection with Zeebe's wording.
 */
export class Engine {
  readonly clock: Clock;
  private readonly processor: CommandProcessor;
  private readonly jobWaiters = new JobWaiters();
  private readonly results = new ResultWaiters();
  private readonly listeners = new Set<(events: readonly EngineEvent[]) => void>();
  private readonly scheduler: Scheduler;
  private unlisten: (() => Promise<void>) | undefined;

  private constructor(private readonly options: EngineOptions) {
    this.clock = options.clock ?? systemClock;
    this.processor = new CommandProcessor(
      options.db,
      this.clock,
      new Definitions(),
      {
        jobsAvailable: (types) => this.jobWaiters.wake(types),
        processEnded: (instance, state, variables) => {
          if (!instance.record.awaitResult) return;
          const result = { processInstanceKey: instance.key, state, variables };
          if (this.results.isWaiting(instance.key)) this.results.settle(result);
          // The caller may wait on another node: tell every node.
          else void announceEnd(options.db, options.log, instance.key, state);
        },
        committed: (events) => {
          if (events.some((e) => e.valueType === 'SIGNAL' && e.intent === 'THROWN'))
            this.scheduler.kick();
          for (const listener of this.listeners) listener(events);
        },
      },
      options.log,
    );
    this.scheduler = new Scheduler(
      options.db,
      this.clock,
      {
        triggerTimer: (key) =>
          this.run(
            (tx) => rootOfTimer(tx, key),
            (life) => loadStartTimer(life, key),
          ),
        timeOutJob: (key) =>
          this.run(
            (tx) => rootOfJob(tx, key),
            (life) => Promise.resolve(timeOutJob(life, key)),
          ),
        recurJob: (key) =>
          this.run(
            (tx) => rootOfJob(tx, key),
            (life) => Promise.resolve(recurJob(life, key)),
          ),
        expireMessage: (key) => this.run(noRoots, (life) => expireMessage(life, key)),
        broadcastPendingSignal: (key) => this.broadcastPendingSignal(key),
      },
      options.log,
      options.schedulerIntervalMs ?? 250,
    );
  }

  /** Starts the engine on a migrated database (see `engineMigrations`). */
  static async start(options: EngineOptions): Promise<Engine> {
    const engine = new Engine(options);
    // Jobs made available on other nodes wake this node's long-polling workers, and instances
    // ending there answer callers waiting here.
    const unlistenJobs = await options.db.listen(JOBS_CHANNEL, (type) =>
      engine.jobWaiters.wake([type]),
    );
    const unlistenEnds = await options.db.listen(ENDED_CHANNEL, (payload) =>
      engine.endedElsewhere(payload),
    );
    engine.unlisten = async () => {
      await unlistenJobs();
      await unlistenEnds();
    };
    if (options.scheduler !== false) engine.scheduler.start();
    return engine;
  }

  async stop(): Promise<void> {
    await this.scheduler.stop();
    this.jobWaiters.wakeAll();
    await this.unlisten?.();
  }

  /** Events of every committed command, in order (tracking, monitor, tests). */
  onEvents(listener: (events: readonly EngineEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deploy(resources: Resource[]): Promise<DeploymentResult> {
    return this.run(noRoots, (life) =>
      deployResources(life, resources, this.options.formValidator),
    );
  }

  createProcessInstance(input: CreateInstanceInput): Promise<CreatedInstance> {
    return this.run(noRoots, async (life) => this.create(life, input));
  }

  /** Creates an instance and waits until it ends (or `requestTimeout` ms pass). */
  async createProcessInstanceWithResult(
    input: CreateInstanceInput & { requestTimeout: number; fetchVariables?: string[] },
  ): Promise<CreatedInstance & { variables: Record<string, unknown> }> {
    let endedNow: InstanceResult | undefined;
    const created = await this.run(noRoots, async (life) => {
      const result = await this.create(life, input, true);
      life.processEndedListeners.push((instance, state, variables) => {
        if (instance.key === result.processInstanceKey)
          endedNow = { processInstanceKey: instance.key, state, variables };
      });
      return result;
    });
    const ended =
      endedNow ?? (await this.results.wait(created.processInstanceKey, input.requestTimeout));
    if (ended.state === 'TERMINATED') {
      throw reject.invalidState(
        `Expected to complete process instance '${created.processInstanceKey}', but it was terminated.`,
      );
    }
    const names = input.fetchVariables ?? [];
    const variables =
      names.length === 0
        ? ended.variables
        : Object.fromEntries(
            names.filter((n) => n in ended.variables).map((n) => [n, ended.variables[n]]),
          );
    return { ...created, variables };
  }

  cancelProcessInstance(processInstanceKey: number): Promise<void> {
    return this.run(
      (tx) => rootOfElement(tx, processInstanceKey, 'cancel a process instance'),
      async (life) => cancelProcessInstance(life, processInstanceKey),
    );
  }

  setVariables(input: {
    elementInstanceKey: number;
    variables: Record<string, unknown>;
    local: boolean;
  }): Promise<void> {
    return this.run(
      (tx) => rootOfElement(tx, input.elementInstanceKey, 'update variables for element'),
      async (life) => setVariables(life, input),
    );
  }

  /**
   * Activates jobs of a type; with `requestTimeout` > 0 waits (long polling) until some are
   * available or the time is up. An aborted signal ends the wait early.
   */
  async activateJobs(
    input: ActivateJobsInput & { requestTimeout?: number },
    signal?: AbortSignal,
  ): Promise<ActivatedJob[]> {
    const until = Date.now() + (input.requestTimeout ?? 0);
    for (;;) {
      const generation = this.jobWaiters.generation(input.type);
      const jobs = await this.run(noRoots, (life) => activateJobs(life, input));
      const left = until - Date.now();
      if (jobs.length > 0 || left <= 0 || signal?.aborted) return jobs;
      await this.jobWaiters.wait(input.type, left, generation, signal);
    }
  }

  completeJob(jobKey: number, variables: Record<string, unknown> = {}): Promise<void> {
    return this.run(
      (tx) => rootOfJob(tx, jobKey),
      async (life) => completeJob(life, jobKey, variables),
    );
  }

  failJob(input: {
    jobKey: number;
    retries: number;
    errorMessage?: string;
    retryBackOff?: number;
    variables?: Record<string, unknown>;
  }): Promise<void> {
    return this.run(
      (tx) => rootOfJob(tx, input.jobKey),
      async (life) =>
        failJob(life, {
          jobKey: input.jobKey,
          retries: input.retries,
          errorMessage: input.errorMessage ?? '',
          retryBackOff: input.retryBackOff ?? 0,
          variables: input.variables ?? {},
        }),
    );
  }

  throwError(input: {
    jobKey: number;
    errorCode: string;
    errorMessage?: string;
    variables?: Record<string, unknown>;
  }): Promise<void> {
    return this.run(
      (tx) => rootOfJob(tx, input.jobKey),
      async (life) =>
        throwJobError(life, {
          jobKey: input.jobKey,
          errorCode: input.errorCode,
          errorMessage: input.errorMessage ?? '',
          variables: input.variables ?? {},
        }),
    );
  }

  updateJobRetries(jobKey: number, retries: number): Promise<void> {
    return this.run(
      (tx) => rootOfJob(tx, jobKey),
      async (life) => updateJobRetries(life, jobKey, retries),
    );
  }

  updateJobTimeout(jobKey: number, timeoutMs: number): Promise<void> {
    return this.run(
      (tx) => rootOfJob(tx, jobKey),
      async (life) => updateJobTimeout(life, jobKey, timeoutMs),
    );
  }

  publishMessage(input: PublishMessageInput): Promise<{ key: number }> {
    return this.run(
      (tx) => rootsSubscribedTo(tx, input.name, input.correlationKey),
      (life) => publishMessage(life, input),
    );
  }

  /** Broadcasts a signal to every waiting event and signal start event of that name. */
  broadcastSignal(input: {
    signalName: string;
    variables?: Record<string, unknown>;
  }): Promise<{ key: number }> {
    return this.run(
      (tx) => rootsWithSignal(tx, input.signalName),
      (life) =>
        broadcastSignal(life, { signalName: input.signalName, variables: input.variables ?? {} }),
    );
  }

  private async broadcastPendingSignal(key: number): Promise<void> {
    const pending = await this.options.db.query<{
      signal_name: string;
      record: { variables: Record<string, unknown> };
    }>('select signal_name, record from engine_pending_signal where key = $1', [key]);
    const row = pending.rows[0];
    if (!row) return;
    await this.run(
      (tx) => rootsWithSignal(tx, row.signal_name),
      (life) =>
        broadcastSignal(life, {
          signalName: row.signal_name,
          variables: row.record.variables,
          pendingKey: key,
        }),
    );
  }

  resolveIncident(incidentKey: number): Promise<void> {
    return this.run(
      (tx) => rootOfIncident(tx, incidentKey),
      async (life) => resolveIncident(life, incidentKey),
    );
  }

  assignUserTask(input: {
    key: number;
    assignee: string | null;
    allowOverride?: boolean;
    action?: string;
  }): Promise<void> {
    return this.run(
      (tx) => rootOfUserTask(tx, input.key),
      async (life) =>
        assignUserTask(life, {
          key: input.key,
          assignee: input.assignee,
          allowOverride: input.allowOverride ?? true,
          action: input.action ?? 'assign',
        }),
    );
  }

  updateUserTask(input: {
    key: number;
    change: Parameters<typeof updateUserTask>[1]['change'];
  }): Promise<void> {
    return this.run(
      (tx) => rootOfUserTask(tx, input.key),
      async (life) => updateUserTask(life, input),
    );
  }

  completeUserTask(input: {
    key: number;
    variables?: Record<string, unknown>;
    action?: string;
  }): Promise<void> {
    return this.run(
      (tx) => rootOfUserTask(tx, input.key),
      async (life) =>
        completeUserTask(life, {
          key: input.key,
          variables: input.variables ?? {},
          action: input.action ?? 'complete',
        }),
    );
  }

  /** Runs every timer, job deadline, back-off and message expiry that is due now. */
  runDueWork(): Promise<number> {
    return this.scheduler.runDue();
  }

  private async create(
    life: Lifecycle,
    input: CreateInstanceInput,
    awaitResult = false,
  ): Promise<CreatedInstance> {
    const definition = await this.findDefinition(life, input);
    const start = definition.process.startEvents.none;
    if (!start) {
      throw reject.invalidState(
        `Expected to create instance of process with none start event, but there is no such event in process '${definition.bpmnProcessId}'. Start it with a message or timer instead.`,
      );
    }
    const processInstanceKey = startProcessInstance(life, definition, {
      startElementId: start,
      variables: input.variables ?? {},
      awaitResult,
    });
    return {
      processInstanceKey,
      processDefinitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
      version: definition.version,
    };
  }

  private async findDefinition(
    life: Lifecycle,
    input: CreateInstanceInput,
  ): Promise<ProcessDefinition> {
    const definitions = this.processor.definitions;
    const tx = life.ctx.tx;
    if (input.processDefinitionKey) {
      const found = await definitions.get(tx, input.processDefinitionKey);
      if (!found)
        throw reject.notFound(
          `Expected to find process definition with key '${input.processDefinitionKey}', but none found.`,
        );
      return found;
    }
    if (!input.bpmnProcessId)
      throw reject.invalidArgument(
        'Expected either a bpmnProcessId or a processDefinitionKey, but none given.',
      );
    const found =
      input.version === undefined || input.version < 0
        ? await definitions.latest(tx, input.bpmnProcessId)
        : await definitions.byVersion(tx, input.bpmnProcessId, input.version);
    if (!found) {
      const which =
        input.version === undefined || input.version < 0
          ? 'latest version'
          : `version '${input.version}'`;
      throw reject.notFound(
        `Expected to find process definition with process ID '${input.bpmnProcessId}' (${which}), but none found. Deploy it first.`,
      );
    }
    return found;
  }

  /** A process instance a caller here waits for ended on another node. */
  private endedElsewhere(payload: string): void {
    const { key, state } = JSON.parse(payload) as {
      key: number;
      state: 'COMPLETED' | 'TERMINATED';
    };
    if (!this.results.isWaiting(key)) return;
    finalVariables(this.options.db, key).then(
      (variables) => this.results.settle({ processInstanceKey: key, state, variables }),
      (error: unknown) =>
        this.options.log.warn(
          { err: error, key },
          'could not read the result of a process instance',
        ),
    );
  }

  private run<T>(
    locate: Parameters<CommandProcessor['execute']>[0],
    work: (life: Lifecycle) => Promise<T>,
  ): Promise<T> {
    return this.processor.execute(locate, work);
  }
}

const noRoots = () => Promise.resolve([]);
const ENDED_CHANNEL = 'balcao_engine_ended';

async function announceEnd(db: Database, log: Logger, key: number, state: string): Promise<void> {
  await db
    .query('select pg_notify($1, $2)', [ENDED_CHANNEL, JSON.stringify({ key, state })])
    .catch((error: unknown) => {
      log.warn({ err: error, key }, 'could not announce the end of a process instance');
    });
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

/** A start timer belongs to no instance: lock its row so one node fires it once. */
async function loadStartTimer(life: Lifecycle, key: number): Promise<void> {
  const ctx = life.ctx;
  if (!ctx.state.timers.has(key)) {
    await loadRows(ctx.tx, ctx.state, 'timers', 'key = $1', [key], true);
    const timer = ctx.state.timers.get(key);
    if (timer?.processDefinitionKey) await ctx.definitions.get(ctx.tx, timer.processDefinitionKey);
  }
  triggerTimer(life, key);
}

export type { ActivatedJob, ActivateJobsInput, DeploymentResult, Resource, UserTaskRow };
