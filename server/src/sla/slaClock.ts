import { BalcaoError } from '@balcao/platform';
import type { HolidayCalendar } from './HolidayCalendar';

export const SlaState = {
  OnTrack: 'on-track',
  Warning: 'warning',
  Breached: 'breached',
  Paused: 'paused',
} as const;
export type SlaState = (typeof SlaState)[keyof typeof SlaState];

export interface Suspension {
  /** When the citizen started to owe something (a request for information, a payment …). */
  from: Date;
  /** When they delivered it; undefined while they still owe it. */
  to?: Date | undefined;
}

export interface SlaInput {
  /** When the file became complete: the count starts the next working day. */
  completeAt: Date;
  pledgeWorkingDays: number;
  suspensions: readonly Suspension[];
  now: Date;
  holidays: HolidayCalendar;
}

export interface SlaStatus {
  state: SlaState;
  /** Working days fully used so far (today counts once it is over). */
  elapsedWorkingDays: number;
  /** Share of the pledge used: warning from 0.8, breach at 1. */
  ratio: number;
  /** Last Macao day to finish within the pledge; undefined while paused. */
  dueDate: string | undefined;
}

export const WARNING_RATIO = 0.8;
const MACAO_OFFSET_MS = 8 * 3600_000;

/**
 * The processing-time pledge clock. Working days are Monday to Friday except Macao public
 * holidays, in Macao time (UTC+8). Day 1 is the first working day after the file is complete
 * (the day of the event does not count). While the citizen owes something the clock stops: the
 * days after the request up to and including the day of the answer do not count.
 */
export function slaStatus(input: SlaInput): SlaStatus {
  const { pledgeWorkingDays, holidays } = input;
  const start = macaoDate(input.completeAt);
  const today = macaoDate(input.now);
  const suspended = suspendedDays(input.suspensions);
  const counts = (day: string) => isWorkingDay(day, holidays) && !suspended(day);

  let elapsed = 0;
  for (let day = nextDay(start); day < today; day = nextDay(day)) if (counts(day)) elapsed += 1;

  const paused = input.suspensions.some((s) => s.to === undefined);
  let dueDate: string | undefined;
  if (!paused) {
    let counted = 0;
    dueDate = start;
    while (counted < pledgeWorkingDays) {
      dueDate = nextDay(dueDate);
      if (counts(dueDate)) counted += 1;
    }
  }
  const ratio = pledgeWorkingDays > 0 ? elapsed / pledgeWorkingDays : 1;
  const state =
    ratio >= 1
      ? SlaState.Breached
      : paused
        ? SlaState.Paused
        : ratio >= WARNING_RATIO
          ? SlaState.Warning
          : SlaState.OnTrack;
  return { state, elapsedWorkingDays: elapsed, ratio, dueDate };
}

export function isWorkingDay(day: string, holidays: HolidayCalendar): boolean {
  const year = Number(day.slice(0, 4));
  if (!holidays.covers(year)) {
    throw new BalcaoError(
      'SLA_HOLIDAYS_MISSING',
      `No Macao public holidays are loaded for ${year}. Add them to server/src/sla/holidays/ from the official gazette.`,
    );
  }
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.isHoliday(day);
}

/** The calendar day in Macao (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export function macaoDate(instant: Date): string {
  return new Date(instant.getTime() + MACAO_OFFSET_MS).toISOString().slice(0, 10);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function suspendedDays(suspensions: readonly Suspension[]) {
  const ranges = suspensions.map((s) => ({
    after: macaoDate(s.from),
    until: s.to ? macaoDate(s.to) : '9999-12-31',
  }));
  return (day: string) => ranges.some((r) => day > r.after && day <= r.until);
}
