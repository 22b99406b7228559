import type { Camunda8 } from '@camunda8/sdk';
import type { Database, Logger } from '@balcao/platform';
import { filterableVariables } from './filterableVariables';
import type { InboxTaskRow, TaskSync } from './TaskSync';
import type { Tracker } from './Tracker';

/** Zeebe's job type for user tasks implemented as jobs (before Camunda user tasks). */
export const JOB_USER_TASK_TYPE = 'io.camunda.zeebe:userTask';
/** A clerk may take weeks: the job stays locked to Balcão meanwhile (Tasklist does the same). */
const LOCK_MS = 30 * 24 * 3600_000;

interface UserTaskJob {
  key: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  customHeaders: Record<string, string>;
  variables: Record<string, unknown>;
  forward(): unknown;
}

/**
 * Job-based user tasks enter the inbox through a job worker: the job is activated, kept
 * open (forwarded) and completed when the clerk completes the task.
 */
export function startJobUserTasks(deps: {
  db: Database;
  camunda: Camunda8;
  sync: TaskSync;
  tracker: Tracker;
  log: Logger;
}): { close(): Promise<void> } {
  const worker = deps.camunda.getZeebeGrpcApiClient().createWorker({
    taskType: JOB_USER_TASK_TYPE,
    timeout: LOCK_MS,
    maxJobsToActivate: 32,
    // The SDK's own logger prints channel events on stdout; Balcão logs through pino.
    loglevel: 'NONE',
    taskHandler: async (job: UserTaskJob) => {
      await intake(deps, job);
      return job.forward();
    },
  } as never);
  return {
    close: async () => {
      await worker.close();
    },
  };
}

async function intake(
  deps: { db: Database; sync: TaskSync; tracker: Tracker; log: Logger },
  job: UserTaskJob,
): Promise<void> {
  const h = job.customHeaders;
  const app = await deps.tracker.applicationOfCase(deps.db, job.variables.caseRef);
  const { rows } = await deps.db.query<InboxTaskRow & { inserted: boolean }>(
    `insert into inbox_task (task_key, kind, process_id, process_instance_key, element_id, name,
        application_id, application_number, agency, candidate_groups, candidate_users, assignee,
        form_key, form_id, headers, priority, state, created_at, due_at, variables)
     values ($1, 'job', $2, $3, $4, $4, $5, $6, $7, $8, $9, $10, $11, null, $12, 50, 'open', now(), $13, $14)
     on conflict (task_key) do nothing
     returning *, true as inserted`,
    [
      String(job.key),
      job.bpmnProcessId,
      String(job.processInstanceKey),
      job.elementId,
      app?.id ?? null,
      app?.number ?? null,
      h['balcao:agency'] ?? app?.agency ?? null,
      jsonList(h['io.camunda.zeebe:candidateGroups']),
      jsonList(h['io.camunda.zeebe:candidateUsers']),
      h['io.camunda.zeebe:assignee'] ?? null,
      h['io.camunda.zeebe:formKey'] ?? null,
      JSON.stringify(h),
      h['io.camunda.zeebe:dueDate'] ? new Date(h['io.camunda.zeebe:dueDate']) : null,
      // The activated job carries every variable the task sees: the inbox filters on these.
      JSON.stringify(filterableVariables(Object.entries(job.variables))),
    ],
  );
  const row = rows[0];
  if (!row) return; // Re-activated after the lock expired: already in the inbox.
  deps.sync.announceTask(row, 'task.created');
  if (app)
    await deps.tracker.recordStep(app.number, {
      sourceKey: `task:${row.task_key}`,
      elementId: job.elementId,
      headers: h,
      owedByCitizen: row.assignee !== null && row.assignee === app.owner_login,
      startedAt: new Date(row.created_at),
    });
}

function jsonList(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return value.split(',').map((s) => s.trim());
  }
}
