import { deployResources, type DeploymentResult, type Resource } from '../deploy/deployResources';
import {
  evaluateDecisionCommand,
  type DecisionEvaluation,
  type EvaluateDecisionInput,
} from '../dmn/evaluateDecisionCommand';
import type { EngineEvent } from '../log/EngineEvent';
import { CommandProcessor } from './CommandProcessor';
import { reject } from './commands/EngineRejection';
import { modifyInstance, type ModifyInstanceInput } from './commands/modifyInstance';
import { migrateInstance, type MigrateInstanceInput } from './commands/migrateInstance';
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
import { broadcastSignal, rootsWithSignal } from './commands/signalCommands';
import { rootOfTimer, triggerDueTimer } from './commands/timerCommands';
import {
  createInstance,
  type CreatedInstance,
  type CreateInstanceInput,
} from './commands/createInstance';
import { ResultAnnouncer } from './ResultAnnouncer';
import {
  assignUserTask,
  completeUserTask,
  rootOfUserTask,
  updateUserTask,
} from './commands/userTaskCommands';
import { systemClock, type Clock } from './context/Clock';
import type { EngineOptions } from './EngineOptions';
import { Definitions } from './context/Definitions';
import { activateJobs, type ActivatedJob, type ActivateJobsInput } from './jobs/activateJobs';
import { JobAnnouncer } from './jobs/JobAnnouncer';
import { JobWaiters } from './jobs/JobWaiters';
import type { Lifecycle } from './lifecycle/Lifecycle';
import type { JobResult } from './listeners/completeListenerJob';
import { ResultWaiters, type InstanceResult } from './ResultWaiters';
import { Scheduler } from './scheduler/Scheduler';
import type { UserTaskRow } from '../state/rows';

/**
 * The embedded engine: Zeebe's commands over PostgreSQL. Every method is one command in one
 * transaction (activation included); rejections are EngineRejection with Zeebe's wording.
 */
export class Engine {
  readonly clock: Clock;
  private readonly processor: CommandProcessor;
  private readonly jobWaiters = new JobWaiters();
  private readonly jobAnnouncer: JobAnnouncer;
  private readonly results = new ResultWaiters();
  private readonly announcer: ResultAnnouncer;
  private readonly listeners = new Set<(events: readonly EngineEvent[]) => void>();
  private readonly scheduler: Scheduler;
  private unlisten: (() => Promise<void>) | undefined;

  private constructor(private readonly options: EngineOptions) {
    this.announcer = new ResultAnnouncer(options.db, options.log, this.results);
    this.jobAnnouncer = new JobAnnouncer(options.db, options.log);
    this.clock = options.clock ?? systemClock;
    this.processor = new CommandProcessor(
      options.db,
      this.clock,
      new Definitions(),
      {
        jobsAvailable: (types) => {
          this.jobWaiters.wake(types);
          this.jobAnnouncer.announce(types);
        },
        processEnded: (instance, state, variables) => {
          if (!instance.record.awaitResult) return;
          const result = { processInstanceKey: instance.key, state, variables };
          if (this.results.isWaiting(instance.key)) this.results.settle(result);
          // The caller may wait on another node: tell every node.
          else this.announcer.announce(instance.key, state);
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
        triggerTimer: (key) => this.run(rootOfTimer(key), (life) => triggerDueTimer(life, key)),
        timeOutJob: (key) =>
          this.run(rootOfJob(key), (life) => Promise.resolve(timeOutJob(life, key))),
        recurJob: (key) => this.run(rootOfJob(key), (life) => Promise.resolve(recurJob(life, key))),
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
    const unlistenJobs = await engine.jobAnnouncer.listen((types) => engine.jobWaiters.wake(types));
    const unlistenEnds = await engine.announcer.listen();
    engine.unlisten = async () => {
      await unlistenJobs();
      await unlistenEnds();
    };
    if (options.scheduler !== false) engine.scheduler.start();
    return engine;
  }

  async stop(): Promise<void> {
    await this.scheduler.stop();
    await this.jobAnnouncer.flush();
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

  /** Evaluates a deployed decision (by key, or the latest version by id) outside any instance. */
  evaluateDecision(input: EvaluateDecisionInput): Promise<DecisionEvaluation> {
    return this.run(noRoots, (life) => evaluateDecisionCommand(life.ctx, input));
  }

  createProcessInstance(input: CreateInstanceInput): Promise<CreatedInstance> {
    return this.run(noRoots, async (life) => createInstance(life, input, false));
  }

  /** Creates an instance and waits until it ends (or `requestTimeout` ms pass). */
  async createProcessInstanceWithResult(
    input: CreateInstanceInput & { requestTimeout: number; fetchVariables?: string[] },
  ): Promise<CreatedInstance & { variables: Record<string, unknown> }> {
    let endedNow: InstanceResult | undefined;
    const created = await this.run(noRoots, async (life) => {
      const result = await createInstance(life, input, true);
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
    return this.run(rootOfElement(processInstanceKey, 'cancel a process instance'), async (life) =>
      cancelProcessInstance(life, processInstanceKey),
    );
  }

  /** ModifyProcessInstance: activate elements and terminate element instances, all or nothing. */
  modifyProcessInstance(input: ModifyInstanceInput): Promise<void> {
    return this.run(rootOfElement(input.processInstanceKey, 'modify a process instance'), (life) =>
      modifyInstance(life, input),
    );
  }

  /** MigrateProcessInstance: move an instance waiting in wait states to another definition. */
  migrateProcessInstance(input: MigrateInstanceInput): Promise<void> {
    return this.run(rootOfElement(input.processInstanceKey, 'migrate a process instance'), (life) =>
      migrateInstance(life, input),
    );
  }

  setVariables(input: {
    elementInstanceKey: number;
    variables: Record<string, unknown>;
    local: boolean;
  }): Promise<void> {
    return this.run(
      rootOfElement(input.elementInstanceKey, 'update variables for element'),
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

  /** `result` answers a task listener's job: deny the transition or correct the task. */
  completeJob(
    jobKey: number,
    variables: Record<string, unknown> = {},
    result?: JobResult,
  ): Promise<void> {
    return this.run(rootOfJob(jobKey), async (life) =>
      completeJob(life, jobKey, variables, result),
    );
  }

  failJob(input: {
    jobKey: number;
    retries: number;
    errorMessage?: string;
    retryBackOff?: number;
    variables?: Record<string, unknown>;
  }): Promise<void> {
    return this.run(rootOfJob(input.jobKey), async (life) =>
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
    return this.run(rootOfJob(input.jobKey), async (life) =>
      throwJobError(life, {
        jobKey: input.jobKey,
        errorCode: input.errorCode,
        errorMessage: input.errorMessage ?? '',
        variables: input.variables ?? {},
      }),
    );
  }

  updateJobRetries(jobKey: number, retries: number): Promise<void> {
    return this.run(rootOfJob(jobKey), async (life) => updateJobRetries(life, jobKey, retries));
  }

  updateJobTimeout(jobKey: number, timeoutMs: number): Promise<void> {
    return this.run(rootOfJob(jobKey), async (life) => updateJobTimeout(life, jobKey, timeoutMs));
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
    return this.run(rootOfIncident(incidentKey), async (life) =>
      resolveIncident(life, incidentKey),
    );
  }

  assignUserTask(input: {
    key: number;
    assignee: string | null;
    allowOverride?: boolean;
    action?: string;
  }): Promise<void> {
    return this.run(rootOfUserTask(input.key), async (life) =>
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
    return this.run(rootOfUserTask(input.key), async (life) => updateUserTask(life, input));
  }

  completeUserTask(input: {
    key: number;
    variables?: Record<string, unknown>;
    action?: string;
  }): Promise<void> {
    return this.run(rootOfUserTask(input.key), async (life) =>
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

  private run<T>(
    locate: Parameters<CommandProcessor['execute']>[0],
    work: (life: Lifecycle) => Promise<T>,
  ): Promise<T> {
    return this.processor.execute(locate, work);
  }
}

const noRoots = () => Promise.resolve([]);
export type {
  EngineOptions,
  ActivatedJob,
  ActivateJobsInput,
  CreatedInstance,
  CreateInstanceInput,
  DeploymentResult,
  Resource,
  UserTaskRow,
};
