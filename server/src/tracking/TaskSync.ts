import type { Camunda8 } from '@camunda8/sdk';
import type { Database, Logger } from '@balcao/platform';
import type { ApplicationRow } from '../applications/applicationQueries';
import type { LiveHub } from '../live/attachLiveHub';
import { liveRooms } from '../live/liveRooms';
import { filterableVariables, type FilterableValue } from './filterableVariables';
import type { Tracker } from './Tracker';

/** Camunda 8.8's UserTask as the REST API returns it (the fields the inbox keeps). */
interface EngineUserTask {
  userTaskKey: string;
  name?: string;
  state: string;
  assignee?: string;
  elementId: string;
  candidateGroups?: string[];
  candidateUsers?: string[];
  processDefinitionId: string;
  processInstanceKey: string;
  formKey?: string;
  creationDate?: string;
  completionDate?: string;
  dueDate?: string;
  priority?: number;
  customHeaders?: Record<string, string>;
}

export interface InboxTaskRow {
  task_key: string;
  kind: string;
  process_id: string;
  process_instance_key: string;
  element_id: string;
  name: string;
  application_id: string | null;
  application_number: string | null;
  agency: string | null;
  candidate_groups: string[];
  candidate_users: string[];
  assignee: string | null;
  form_key: string | null;
  form_id: string | null;
  headers: Record<string, string>;
  /** Top-level scalar variables as the task saw them on entering the inbox (filterableVariables). */
  variables: Record<string, FilterableValue>;
  priority: number;
  state: string;
  created_at: Date;
  due_at: Date | null;
  completed_at: Date | null;
}

const PAGE = 200;
/** New tasks are looked up again this far back: creation times of concurrent commits interleave. */
const OVERLAP_MS = 5_000;
const START_OF_TASKS = { createdAt: new Date(0), taskKey: '' };

/**
 * Keeps the inbox (and the timelines) in step with the engine's user tasks, through the same
 * REST API a Camunda 8 cluster offers: new tasks are picked up by creation time, open ones are
 * re-checked for completion or cancellation, and ended process instances close their
 * application. Runs on every node; writes are idempotent.
 */
export class TaskSync {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private recheckAfter = START_OF_TASKS;
  private readonly recheckPerPass: number;

  constructor(
    private readonly deps: {
      db: Database;
      camunda: Camunda8;
      live: LiveHub;
      tracker: Tracker;
      log: Logger;
      /** Open Zeebe user tasks asked about per pass (see recheckOpenTasks). */
      recheckPerPass?: number;
    },
  ) {
    this.recheckPerPass = deps.recheckPerPass ?? 2_000;
  }

  run(intervalMs = 1_000): void {
    this.timer = setInterval(() => void this.kick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Syncs now (or right after the sync under way). */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.syncOnce()
      .catch((error: unknown) => this.deps.log.warn({ err: error }, 'inbox sync failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          void this.kick();
        }
      });
    return this.running;
  }

  async syncOnce(): Promise<void> {
    await this.pickUpNewTasks();
    await this.recheckOpenTasks();
    await this.closeEndedApplications();
  }

  private rest() {
    return this.deps.camunda.getCamundaRestClient();
  }

  private async pickUpNewTasks(): Promise<void> {
    const cursor = await this.deps.db.query<{ value: string }>(
      `select value from sync_cursor where name = 'user-tasks'`,
    );
    const since = cursor.rows[0]?.value ?? '1970-01-01T00:00:00.000Z';
    let newest = since;
    for (let from = 0; ; from += PAGE) {
      const page = (await this.rest().searchUserTasks({
        filter: {
          creationDate: { $gt: new Date(Date.parse(since) - OVERLAP_MS).toISOString() },
        },
        sort: [{ field: 'creationDate', order: 'ASC' }],
        page: { from, limit: PAGE },
      } as never)) as unknown as { items: EngineUserTask[] };
      for (const task of page.items) {
        await this.upsert(task);
        if (task.creationDate && task.creationDate > newest) newest = task.creationDate;
      }
      if (page.items.length < PAGE) break;
    }
    if (newest !== since)
      await this.deps.db.query(
        `insert into sync_cursor (name, value) values ('user-tasks', $1)
         on conflict (name) do update set value = greatest(sync_cursor.value, excluded.value)`,
        [newest],
      );
  }

  /**
   * Asks the engine about the next `recheckPerPass` open Zeebe user tasks, in creation order,
   * starting again from the oldest after the newest. Changes made through the inbox are upserted
   * when made; this finds those made elsewhere (another client, a boundary event), within
   * open tasks / recheckPerPass passes. Rechecking every open task each pass cost 500 searches
   * a second at 100,000 open tasks.
   */
  private async recheckOpenTasks(): Promise<void> {
    const after = this.recheckAfter;
    const open = await this.deps.db.query<{ task_key: string; created_at: Date }>(
      `select task_key, created_at from inbox_task
        where state = 'open' and kind = 'camunda'
          and (created_at, task_key) > ($1::timestamptz, $2::text)
        order by created_at, task_key
        limit $3`,
      [after.createdAt, after.taskKey, this.recheckPerPass],
    );
    const last = open.rows.at(-1);
    this.recheckAfter =
      open.rows.length < this.recheckPerPass || !last
        ? START_OF_TASKS
        : { createdAt: last.created_at, taskKey: last.task_key };
    const keys = open.rows.map((r) => r.task_key);
    for (let i = 0; i < keys.length; i += PAGE) {
      const batch = keys.slice(i, i + PAGE);
      const page = (await this.rest().searchUserTasks({
        filter: { userTaskKey: { $in: batch }, state: { $neq: 'CREATED' } },
        page: { from: 0, limit: PAGE },
      } as never)) as unknown as { items: EngineUserTask[] };
      for (const task of page.items) await this.upsert(task);
    }
  }

  /**
   * Closes the applications whose instance ended since the last sync: a cursor on the
   * instances' end date, as for new tasks. (Reading every open application each second
   * took the node down at a million open applications.)
   */
  private async closeEndedApplications(): Promise<void> {
    const cursor = await this.deps.db.query<{ value: string }>(
      `select value from sync_cursor where name = 'ended-instances'`,
    );
    const since = cursor.rows[0]?.value ?? '1970-01-01T00:00:00.000Z';
    let newest = since;
    for (let from = 0; ; from += PAGE) {
      const page = (await this.rest().searchProcessInstances({
        filter: {
          endDate: { $gt: new Date(Date.parse(since) - OVERLAP_MS).toISOString() },
          state: { $neq: 'ACTIVE' },
        },
        sort: [{ field: 'endDate', order: 'ASC' }],
        page: { from, limit: PAGE },
      } as never)) as unknown as { items: { processInstanceKey: string; endDate?: string }[] };
      const ended = new Map(page.items.map((i) => [String(i.processInstanceKey), i.endDate]));
      const open = ended.size
        ? await this.deps.db.query<ApplicationRow>(
            `select * from application where closed_at is null and instance_key = any($1::text[])`,
            [[...ended.keys()]],
          )
        : { rows: [] };
      for (const app of open.rows) {
        const endDate = ended.get(app.instance_key as string);
        await this.deps.tracker.closeApplication(app, endDate ? new Date(endDate) : new Date());
      }
      for (const endDate of ended.values()) if (endDate && endDate > newest) newest = endDate;
      if (page.items.length < PAGE) break;
    }
    if (newest !== since)
      await this.deps.db.query(
        `insert into sync_cursor (name, value) values ('ended-instances', $1)
         on conflict (name) do update set value = greatest(sync_cursor.value, excluded.value)`,
        [newest],
      );
  }

  /** Brings one task into the inbox (or out of it) and its milestone into the timeline. */
  async upsert(task: EngineUserTask): Promise<void> {
    const known = await this.deps.db.query<InboxTaskRow>(
      'select * from inbox_task where task_key = $1',
      [task.userTaskKey],
    );
    const before = known.rows[0];
    const state = task.state === 'CREATED' ? 'open' : task.state.toLowerCase();
    if (before && before.state === state && before.assignee === (task.assignee ?? null)) return;
    // Read once, when the task is first seen: the inbox filters on this snapshot.
    const variables = before ? before.variables : await this.variablesOf(task);
    const app = before?.application_id
      ? await this.applicationById(before.application_id)
      : await this.applicationOfTask(task, variables);
    const headers = task.customHeaders ?? {};
    const createdAt = task.creationDate ? new Date(task.creationDate) : new Date();
    const completedAt =
      state === 'open' ? null : task.completionDate ? new Date(task.completionDate) : new Date();
    const { rows } = await this.deps.db.query<InboxTaskRow>(
      `insert into inbox_task (task_key, kind, process_id, process_instance_key, element_id, name,
          application_id, application_number, agency, candidate_groups, candidate_users, assignee,
          form_key, form_id, headers, priority, state, created_at, due_at, completed_at, variables)
       values ($1, 'camunda', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       on conflict (task_key) do update set assignee = excluded.assignee, state = excluded.state,
          completed_at = excluded.completed_at
       returning *`,
      [
        task.userTaskKey,
        task.processDefinitionId,
        String(task.processInstanceKey),
        task.elementId,
        task.name ?? task.elementId,
        app?.id ?? null,
        app?.number ?? null,
        headers['balcao:agency'] ?? app?.agency ?? null,
        task.candidateGroups ?? [],
        task.candidateUsers ?? [],
        task.assignee ?? null,
        task.formKey ?? null,
        headers['balcao:formId'] ?? null,
        JSON.stringify(headers),
        task.priority ?? 50,
        state,
        createdAt,
        task.dueDate ? new Date(task.dueDate) : null,
        completedAt,
        JSON.stringify(variables),
      ],
    );
    const row = rows[0] as InboxTaskRow;
    this.announceTask(
      row,
      before === undefined ? 'task.created' : state === 'open' ? 'task.updated' : 'task.removed',
    );
    if (!app) return;
    if (before === undefined)
      await this.deps.tracker.recordStep(app.number, {
        sourceKey: `task:${task.userTaskKey}`,
        elementId: task.elementId,
        headers,
        owedByCitizen: task.assignee !== undefined && task.assignee === app.owner_login,
        startedAt: createdAt,
        completedAt: completedAt ?? undefined,
      });
    else if (completedAt)
      await this.deps.tracker.completeStep(app.id, `task:${task.userTaskKey}`, completedAt);
  }

  announceTask(task: InboxTaskRow, event: 'task.created' | 'task.updated' | 'task.removed'): void {
    const payload = { task: { id: task.task_key, state: task.state, assignee: task.assignee } };
    for (const group of task.candidate_groups)
      this.deps.live.publish({ room: liveRooms.group(group), event, payload });
    if (task.agency)
      this.deps.live.publish({ room: liveRooms.agencyTasks(task.agency), event, payload });
    if (task.assignee)
      this.deps.live.publish({ room: liveRooms.login(task.assignee), event, payload });
  }

  private async applicationById(id: string): Promise<ApplicationRow | undefined> {
    const { rows } = await this.deps.db.query<ApplicationRow>(
      'select * from application where id = $1',
      [id],
    );
    return rows[0];
  }

  /** The application a task belongs to: the `caseRef` every library process carries. */
  private async applicationOfTask(
    task: EngineUserTask,
    variables: Record<string, FilterableValue>,
  ): Promise<ApplicationRow | undefined> {
    const direct = await this.deps.db.query<ApplicationRow>(
      'select * from application where instance_key = $1',
      [String(task.processInstanceKey)],
    );
    if (direct.rows[0]) return direct.rows[0];
    if (variables.caseRef === undefined) return undefined;
    return this.deps.tracker.applicationOfCase(this.deps.db, variables.caseRef);
  }

  /**
   * The variables the task sees (its scopes up to the process instance), through
   * `POST /v2/user-tasks/{key}/variables/search`; truncated (long) values are left out.
   */
  private async variablesOf(task: EngineUserTask): Promise<Record<string, FilterableValue>> {
    const seen: [string, unknown][] = [];
    for (let from = 0; ; from += PAGE) {
      const page = (await this.rest().searchUserTaskVariables({
        userTaskKey: task.userTaskKey,
        page: { from, limit: PAGE },
      })) as unknown as {
        items: { name: string; value: string; isTruncated?: boolean }[];
      };
      for (const v of page.items) if (!v.isTruncated) seen.push([v.name, parseJson(v.value)]);
      if (page.items.length < PAGE) break;
    }
    return filterableVariables(seen);
  }
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
