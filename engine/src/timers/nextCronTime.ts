import { DateTime } from 'luxon';
import type { CronSchedule } from './parseCron';

// A schedule like "30 Feb" never fires; stop looking after this many years.
const SEARCH_YEARS = 5;

/**
 * The first instant strictly after `after` that the schedule matches, in `zone` (Zeebe's
 * brokers evaluate cron in UTC; Balcão passes the zone explicitly). Day-of-month and
 * day-of-week must both match, as in Spring.
 */
export function nextCronTime(schedule: CronSchedule, after: Date, zone = 'UTC'): Date | undefined {
  let t = DateTime.fromJSDate(after, { zone }).startOf('second').plus({ seconds: 1 });
  const limit = t.plus({ years: SEARCH_YEARS });
  while (t < limit) {
    if (!schedule.months.includes(t.month)) {
      t = t.plus({ months: 1 }).startOf('month');
      continue;
    }
    if (!schedule.daysOfMonth.includes(t.day) || !schedule.daysOfWeek.includes(t.weekday)) {
      t = t.plus({ days: 1 }).startOf('day');
      continue;
    }
    if (!schedule.hours.includes(t.hour)) {
      t = t.plus({ hours: 1 }).startOf('hour');
      continue;
    }
    if (!schedule.minutes.includes(t.minute)) {
      t = t.plus({ minutes: 1 }).startOf('minute');
      continue;
    }
    if (!schedule.seconds.includes(t.second)) {
      t = t.plus({ seconds: 1 });
      continue;
    }
    return t.toJSDate();
  }
  return undefined;
}
