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
  const { pledgeWorkingDays } = input;
  // Days as numbers (days since 1970-01-01): walking a year of days as date strings cost a
  // millisecond per application, on every list and lookup.
  const start = macaoDay(input.completeAt);
  const today = macaoDay(input.now);
  const suspended = suspendedDays(input.suspensions);
  const working = workingDays(input.holidays);
  const counts = (day: number) => working(day) && !suspended(day);

  let elapsed = 0;
  for (let day = start + 1; day < today; day++) if (counts(day)) elapsed += 1;

  const paused = input.suspensions.some((s) => s.to === undefined);
  let dueDate: string | undefined;
  if (!paused) {
    let counted = 0;
    let due = start;
    while (counted < pledgeWorkingDays) {
      due += 1;
      if (counts(due)) counted += 1;
    }
    dueDate = dayString(due);
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
  requireYear(Number(day.slice(0, 4)), holidays);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.isHoliday(day);
}

function requireYear(year: number, holidays: HolidayCalendar): void {
  if (!holidays.covers(year)) {
    throw new BalcaoError(
      'SLA_HOLIDAYS_MISSING',
      `No Macao public holidays are loaded for ${year}. Add them to connectors/src/working-days/macao-public-holidays.json from the official gazette.`,
    );
  }
}

/** The calendar day in Macao (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export function macaoDate(instant: Date): string {
  return new Date(instant.getTime() + MACAO_OFFSET_MS).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** The Macao calendar day of an instant, as days since 1970-01-01. */
function macaoDay(instant: Date): number {
  return Math.floor((instant.getTime() + MACAO_OFFSET_MS) / DAY_MS);
}

function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** isWorkingDay over day numbers, checking that the holidays cover each year it reaches. */
function workingDays(holidays: HolidayCalendar) {
  const holiday = holidayMemo(holidays);
  let coveredFrom = Infinity;
  let coveredUntil = -Infinity;
  return (day: number): boolean => {
    if (day < coveredFrom || day >= coveredUntil) {
      const year = new Date(day * DAY_MS).getUTCFullYear();
      requireYear(year, holidays);
      coveredFrom = Date.UTC(year, 0, 1) / DAY_MS;
      coveredUntil = Date.UTC(year + 1, 0, 1) / DAY_MS;
    }
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
    return weekday !== 0 && weekday !== 6 && !holiday(day);
  };
}

const holidayMemos = new WeakMap<HolidayCalendar, Map<number, boolean>>();

function holidayMemo(holidays: HolidayCalendar): (day: number) => boolean {
  let memo = holidayMemos.get(holidays);
  if (!memo) holidayMemos.set(holidays, (memo = new Map<number, boolean>()));
  const known = memo;
  return (day) => {
    let answer = known.get(day);
    if (answer === undefined) known.set(day, (answer = holidays.isHoliday(dayString(day))));
    return answer;
  };
}

function suspendedDays(suspensions: readonly Suspension[]) {
  const ranges = suspensions.map((s) => ({
    after: macaoDay(s.from),
    until: s.to ? macaoDay(s.to) : Infinity,
  }));
  return (day: number) => ranges.some((r) => day > r.after && day <= r.until);
}
