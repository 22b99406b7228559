import { isWorkingDay, macaoDate, SlaState, WARNING_RATIO, type SlaInput } from './slaClock';

/** The Macao days (YYYY-MM-DD) on which an application's pledge clock changes state. */
export interface SlaDeadlines {
  /** First day with 80% of the pledge used; undefined when the clock stops before. */
  warningFrom: string | undefined;
  /** First day with the whole pledge used; undefined when the clock stops before. */
  breachedFrom: string | undefined;
  /** The citizen owes something: the clock stands still until they deliver it. */
  paused: boolean;
}

/** A pledge of zero days is breached whatever the day. */
const ALWAYS = '0001-01-01';

/**
 * slaStatus turned inside out: not the state on one day but the days it changes. They stay
 * true until the suspensions change (the citizen starts or stops owing something), so they
 * can be stored with the application and compared with today's date in SQL.
 */
export function slaDeadlines(input: Omit<SlaInput, 'now'>): SlaDeadlines {
  const pledge = input.pledgeWorkingDays;
  const ranges = input.suspensions.map((s) => ({
    after: macaoDate(s.from),
    until: s.to ? macaoDate(s.to) : '9999-12-31',
  }));
  const open = ranges.filter((r) => r.until === '9999-12-31').map((r) => r.after);
  const paused = open.length > 0;
  if (pledge <= 0) return { warningFrom: ALWAYS, breachedFrom: ALWAYS, paused };
  // Days after the earliest open suspension never count: the used share freezes there.
  const frozenAfter = open.sort()[0];
  const counts = (day: string) =>
    isWorkingDay(day, input.holidays) && !ranges.some((r) => day > r.after && day <= r.until);

  let warningFrom: string | undefined;
  let elapsed = 0;
  for (let day = nextDay(macaoDate(input.completeAt)); ; day = nextDay(day)) {
    // `elapsed` is what slaStatus counts on `day`: the working days before it.
    const ratio = elapsed / pledge;
    warningFrom ??= ratio >= WARNING_RATIO ? day : undefined;
    if (ratio >= 1) return { warningFrom, breachedFrom: day, paused };
    if (frozenAfter !== undefined && day > frozenAfter)
      return { warningFrom, breachedFrom: undefined, paused };
    if (counts(day)) elapsed += 1;
  }
}

/** The state slaStatus reports on `today` (YYYY-MM-DD); agencyApplications says it in SQL. */
export function slaStateOn(deadlines: SlaDeadlines, today: string): SlaState {
  if (deadlines.breachedFrom !== undefined && deadlines.breachedFrom <= today)
    return SlaState.Breached;
  if (deadlines.paused) return SlaState.Paused;
  if (deadlines.warningFrom !== undefined && deadlines.warningFrom <= today)
    return SlaState.Warning;
  return SlaState.OnTrack;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
