import type { EngineEvent } from '../../log/EngineEvent';
import type { EngineState } from '../EngineState';
import type { JobRow } from '../rows';

export function applyJobEvent(state: EngineState, event: EngineEvent): void {
  const jobs = state.jobs;
  if (event.valueType === 'JOB_BATCH') {
    // ACTIVATED: a batch of jobs handed to one worker until the deadline.
    const v = event.value as { jobKeys: number[]; worker: string; deadline: string };
    for (const key of v.jobKeys) {
      const job = jobs.get(key)!;
      jobs.update(key, {
        state: 'ACTIVATED',
        deadline: v.deadline,
        record: { ...job.record, worker: v.worker },
      });
    }
    return;
  }
  const v = event.value as Partial<JobRow> & {
    row?: JobRow;
    errorMessage?: string;
    errorCode?: string;
  };
  switch (event.intent) {
    case 'CREATED':
      jobs.put(v.row!);
      return;
    case 'COMPLETED':
    case 'CANCELED':
      jobs.delete(event.key);
      return;
    case 'FAILED': {
      const job = jobs.get(event.key)!;
      const backoff = v.recurAt !== undefined && v.recurAt !== null;
      jobs.update(event.key, {
        state: v.retries! > 0 && !backoff ? 'ACTIVATABLE' : 'FAILED',
        retries: v.retries!,
        deadline: null,
        recurAt: v.recurAt ?? null,
        record: { ...job.record, errorMessage: v.errorMessage ?? '' },
      });
      return;
    }
    case 'RECURRED_AFTER_BACKOFF':
      jobs.update(event.key, { state: 'ACTIVATABLE', recurAt: null });
      return;
    case 'TIMED_OUT':
      jobs.update(event.key, { state: 'ACTIVATABLE', deadline: null });
      return;
    case 'RETRIES_UPDATED':
      jobs.update(event.key, { retries: v.retries! });
      return;
    case 'TIMEOUT_UPDATED':
      jobs.update(event.key, { deadline: v.deadline ?? null });
      return;
    case 'ERROR_THROWN': {
      const job = jobs.get(event.key)!;
      jobs.update(event.key, {
        state: 'ERROR_THROWN',
        deadline: null,
        record: { ...job.record, errorCode: v.errorCode ?? '', errorMessage: v.errorMessage ?? '' },
      });
      return;
    }
    case 'MADE_ACTIVATABLE':
      // Resolving an incident of a job makes it activatable again.
      jobs.update(event.key, { state: 'ACTIVATABLE', deadline: null, recurAt: null });
      return;
  }
}
