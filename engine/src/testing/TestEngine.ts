import { migrate, type Database } from '@balcao/platform';
import { openTestDatabase } from '@balcao/platform/testing';
import { pino } from 'pino';
import type { DeploymentResult } from '../deploy/deployResources';
import type { LoggedEvent } from '../log/EngineEvent';
import { engineMigrations } from '../migrations';
import { Engine } from '../runtime/Engine';
import { ControlledClock } from './ControlledClock';
import { replayDifferences } from './replay';

/**
 * An engine on a fresh test database with a controllable clock and no background scheduler:
 * tests move the clock and call `runDueWork`. `events` reads the log back for assertions.
 */
export class TestEngine {
  private constructor(
    readonly engine: Engine,
    readonly db: Database,
    readonly clock: ControlledClock,
  ) {}

  static async start(options: { db?: Database } = {}): Promise<TestEngine> {
    const db = options.db ?? (await openTestDatabase());
    await migrate(db, [engineMigrations]);
    const clock = new ControlledClock();
    const engine = await Engine.start({
      db,
      log: pino({ level: 'silent' }),
      clock,
      scheduler: false,
    });
    return new TestEngine(engine, db, clock);
  }

  deploy(...resources: { name: string; xml: string }[]): Promise<DeploymentResult> {
    return this.engine.deploy(
      resources.map((r) => ({ name: r.name, content: Buffer.from(r.xml) })),
    );
  }

  async deployProcess(xml: string): Promise<DeploymentResult> {
    return this.deploy({ name: 'process.bpmn', xml });
  }

  /** Moves the clock and runs what became due. */
  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    await this.engine.runDueWork();
  }

  async events(processInstanceKey?: number): Promise<LoggedEvent[]> {
    const result = await this.db.query<{
      position: number;
      key: number;
      value_type: string;
      intent: string;
      process_instance_key: number | null;
      value: Record<string, unknown>;
      created_at: Date;
    }>(
      processInstanceKey === undefined
        ? 'select * from engine_event order by position'
        : 'select * from engine_event where process_instance_key = $1 order by position',
      processInstanceKey === undefined ? [] : [processInstanceKey],
    );
    return result.rows.map((r) => ({
      position: r.position,
      key: r.key,
      valueType: r.value_type as LoggedEvent['valueType'],
      intent: r.intent,
      processInstanceKey: r.process_instance_key ?? undefined,
      value: r.value,
      timestamp: new Date(r.created_at).toISOString(),
    }));
  }

  /** "elementId:INTENT" for every element event of an instance, in order. */
  async elementTrail(processInstanceKey: number): Promise<string[]> {
    return (await this.events(processInstanceKey))
      .filter((e) => e.valueType === 'PROCESS_INSTANCE')
      .map((e) => `${String(e.value.elementId)}:${e.intent}`);
  }

  async instanceState(processInstanceKey: number): Promise<string | undefined> {
    const r = await this.db.query<{ state: string }>(
      'select state from engine_process_instance where key = $1',
      [processInstanceKey],
    );
    return r.rows[0]?.state;
  }

  async variables(processInstanceKey: number): Promise<Record<string, unknown>> {
    const r = await this.db.query<{ name: string; value: unknown }>(
      'select name, value from engine_variable where scope_key = $1',
      [processInstanceKey],
    );
    return Object.fromEntries(r.rows.map((x) => [x.name, x.value]));
  }

  /** The root scope's variables as the log last recorded them (also after the instance ended). */
  async finalVariables(processInstanceKey: number): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    for (const e of await this.events(processInstanceKey)) {
      if (e.valueType === 'VARIABLE' && e.value.scopeKey === processInstanceKey)
        result[String(e.value.name)] = e.value.value;
    }
    return result;
  }

  async incidents(
    processInstanceKey: number,
  ): Promise<{ key: number; errorType: string; message: string; elementId: string }[]> {
    const r = await this.db.query<{
      key: number;
      error_type: string;
      record: { errorMessage: string; elementId: string };
    }>(
      'select key, error_type, record from engine_incident where process_instance_key = $1 order by key',
      [processInstanceKey],
    );
    return r.rows.map((x) => ({
      key: x.key,
      errorType: x.error_type,
      message: x.record.errorMessage,
      elementId: x.record.elementId,
    }));
  }

  /** Activates and completes every job of a type (one round), returning how many. */
  async completeJobs(type: string, variables: Record<string, unknown> = {}): Promise<number> {
    const jobs = await this.engine.activateJobs({
      type,
      worker: 'test',
      timeout: 60_000,
      maxJobsToActivate: 100,
      fetchVariable: [],
    });
    for (const job of jobs) await this.engine.completeJob(job.key, variables);
    return jobs.length;
  }

  /** Rebuilds state from the event log and lists where it differs from the live tables. */
  replayDifferences(): Promise<string[]> {
    return replayDifferences(this.db, this.events.bind(this));
  }

  async close(): Promise<void> {
    await this.engine.stop();
    await this.db.close();
  }
}
