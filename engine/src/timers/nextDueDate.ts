import { DateTime } from 'luxon';
import { nextCronTime } from './nextCronTime';
import { parseIsoDuration } from './parseIsoDuration';
import type { TimerSpec } from './TimerSpec';

export interface NextDueDateOptions {
  /** Zone for cron schedules; Zeebe evaluates them in UTC. */
  cronZone?: string;
}

/**
 * When a timer is due. `now` is the activation time for the first occurrence (firedCount
 * 0) and the time of the last firing after that; undefined when a cycle is exhausted.
 * Pure: the clock is passed in.
 */
export function nextDueDate(
  spec: TimerSpec,
  now: Date,
  firedCount = 0,
  options: NextDueDateOptions = {},
): Date | undefined {
  switch (spec.kind) {
    case 'date':
      return firedCount === 0 ? new Date(DateTime.fromISO(spec.at).toMillis()) : undefined;
    case 'duration':
      return firedCount === 0 ? plus(now, spec.duration) : undefined;
    case 'cycle': {
      if (spec.repetitions !== undefined && firedCount >= spec.repetitions) return undefined;
      if (spec.start === undefined) return plus(now, spec.interval);
      // A fixed start: occurrences sit on start + k × interval, wherever `now` is.
      let due = DateTime.fromISO(spec.start, { setZone: true });
      const interval = parseIsoDuration(spec.interval);
      if (!interval.ok) return undefined;
      for (let k = 0; k < firedCount; k += 1) due = due.plus(interval.value);
      return due.toJSDate();
    }
    case 'cron':
      return nextCronTime(spec.schedule, now, options.cronZone);
  }
}

function plus(now: Date, isoDuration: string): Date | undefined {
  const duration = parseIsoDuration(isoDuration);
  if (!duration.ok) return undefined;
  // Calendar units (years, months, days) are added in UTC, like Zeebe's broker clock.
  return DateTime.fromJSDate(now, { zone: 'UTC' }).plus(duration.value).toJSDate();
}
