import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { macaoHolidays } from './HolidayCalendar';
import { macaoDate, slaStatus, type SlaInput } from './slaClock';
import { slaDeadlines, slaStateOn } from './slaDeadlines';

const holidays = macaoHolidays();
const DAY = 86_400_000;
/** 10:00 in Macao on that day. */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

describe('SLA deadlines', () => {
  it('should name the first day of the warning and of the breach', () => {
    // given: complete on Friday 2026-03-06, 5 working days pledged (due Friday 13)
    const input = { completeAt: at('2026-03-06'), pledgeWorkingDays: 5, suspensions: [], holidays };

    // when
    const deadlines = slaDeadlines(input);

    // then: 4 of 5 days used on Friday 13, all 5 from Saturday 14
    expect(deadlines).toEqual({
      warningFrom: '2026-03-13',
      breachedFrom: '2026-03-14',
      paused: false,
    });
    expect(slaStateOn(deadlines, '2026-03-12')).toBe('on-track');
  });

  it('should never breach while the citizen owes something', () => {
    // given: 2 of 5 days used when the citizen is asked for a document, not answered yet
    const deadlines = slaDeadlines({
      completeAt: at('2026-03-06'),
      pledgeWorkingDays: 5,
      suspensions: [{ from: at('2026-03-11') }],
      holidays,
    });

    // then
    expect(deadlines).toEqual({ warningFrom: undefined, breachedFrom: undefined, paused: true });
    expect(slaStateOn(deadlines, '2027-12-31')).toBe('paused');
  });

  it('should count the day the citizen is asked, so a pause on the due date still breaches', () => {
    // given: asked for a document on the due date (Friday 13), not answered yet
    const deadlines = slaDeadlines({
      completeAt: at('2026-03-06'),
      pledgeWorkingDays: 5,
      suspensions: [{ from: at('2026-03-13') }],
      holidays,
    });

    // then: Friday 13 is the fifth day used; breached from Saturday 14, paused or not
    expect(deadlines).toEqual({
      warningFrom: '2026-03-13',
      breachedFrom: '2026-03-14',
      paused: true,
    });
    expect(slaStateOn(deadlines, '2026-03-13')).toBe('paused');
    expect(slaStateOn(deadlines, '2026-04-01')).toBe('breached');
  });

  it('should agree with the clock on every day, for any dates and suspensions', () => {
    // given: the clock's state of many applications, day after day
    const instant = fc
      .integer({
        min: Date.parse('2025-01-01T00:00:00+08:00'),
        max: Date.parse('2026-06-30T00:00:00+08:00'),
      })
      .map((t) => new Date(t));
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 60 }),
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 90 }), fc.option(fc.integer({ min: 0, max: 20 }))),
          { maxLength: 3 },
        ),
        (completeAt, pledge, pauses) => {
          const input: Omit<SlaInput, 'now'> = {
            completeAt,
            pledgeWorkingDays: pledge,
            suspensions: pauses.map(([from, length]) => ({
              from: new Date(completeAt.getTime() + from * DAY),
              to:
                length === null
                  ? undefined
                  : new Date(completeAt.getTime() + (from + length) * DAY),
            })),
            holidays,
          };

          // when
          const deadlines = slaDeadlines(input);

          // then
          for (let d = -1; d < 150; d += 1) {
            const now = new Date(completeAt.getTime() + d * DAY);
            expect(slaStateOn(deadlines, macaoDate(now))).toBe(slaStatus({ ...input, now }).state);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
