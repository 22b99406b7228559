import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { macaoHolidays } from './HolidayCalendar';
import { isWorkingDay, macaoDate, slaStatus, type SlaInput } from './slaClock';

const holidays = macaoHolidays();
/** 10:00 in Macao on that day. */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

describe('SLA clock', () => {
  it('should start the day after completion and skip the weekend', () => {
    // given: complete on Friday 2026-03-06, 5 working days pledged
    const input = { completeAt: at('2026-03-06'), pledgeWorkingDays: 5, suspensions: [], holidays };

    // when
    const monday = slaStatus({ ...input, now: at('2026-03-09') });
    const friday = slaStatus({ ...input, now: at('2026-03-13') });

    // then: Mon 9 … Fri 13 are days 1-5
    expect(monday).toMatchObject({
      elapsedWorkingDays: 0,
      state: 'on-track',
      dueDate: '2026-03-13',
    });
    expect(friday).toMatchObject({ elapsedWorkingDays: 4, state: 'warning' });
  });

  it('should skip Macao public holidays (Lunar New Year 2026)', () => {
    // given: complete on Friday 2026-02-13; 17-19 Feb are holidays
    const input = { completeAt: at('2026-02-13'), pledgeWorkingDays: 3, suspensions: [], holidays };

    // when
    const status = slaStatus({ ...input, now: at('2026-02-20') });

    // then: Mon 16 (day 1), Fri 20 (day 2), Mon 23 (day 3)
    expect(status).toMatchObject({
      elapsedWorkingDays: 1,
      dueDate: '2026-02-23',
      state: 'on-track',
    });
  });

  it('should breach at 100% of the pledge, the day after the due date', () => {
    // given
    const input = { completeAt: at('2026-03-06'), pledgeWorkingDays: 5, suspensions: [], holidays };

    // when
    const dueDay = slaStatus({ ...input, now: at('2026-03-13') });
    const after = slaStatus({ ...input, now: at('2026-03-16') });

    // then
    expect(dueDay.state).toBe('warning');
    expect(after).toMatchObject({ state: 'breached', ratio: 1 });
  });

  it('should pause while the citizen owes something and resume the day after the answer', () => {
    // given: complete Mon 2026-03-02, 10 days; request on Wed 4, answer on Tue 10
    const base = { completeAt: at('2026-03-02'), pledgeWorkingDays: 10, holidays };
    const request = at('2026-03-04');

    // when
    const owing = slaStatus({ ...base, suspensions: [{ from: request }], now: at('2026-03-20') });
    const answered = slaStatus({
      ...base,
      suspensions: [{ from: request, to: at('2026-03-10') }],
      now: at('2026-03-11'),
    });

    // then: days 3 (Tue) and 4 (Wed) count; 5, 6, 9, 10 are suspended
    expect(owing).toMatchObject({ elapsedWorkingDays: 2, state: 'paused', dueDate: undefined });
    expect(answered.elapsedWorkingDays).toBe(2);
    // remaining 8 working days: 11,12,13,16,17,18,19,20 March
    expect(answered.dueDate).toBe('2026-03-20');
  });

  it('should use Macao dates (UTC+8) for instants late in the UTC day', () => {
    // when / then: 2026-03-06 17:30 UTC is already Saturday 7 March in Macao
    expect(macaoDate(new Date('2026-03-06T17:30:00Z'))).toBe('2026-03-07');
    expect(macaoDate(new Date('2026-03-06T15:59:59Z'))).toBe('2026-03-06');
  });

  it('should refuse a year without holiday data rather than guess', () => {
    // when / then
    expect(() =>
      slaStatus({
        completeAt: at('2029-01-02'),
        pledgeWorkingDays: 2,
        suspensions: [],
        now: at('2029-01-05'),
        holidays,
      }),
    ).toThrow(/No Macao public holidays are loaded for 2029/);
  });

  it('should count as a walk over calendar days does, for any dates and suspensions', () => {
    // given: the rule written the slow, obvious way, one calendar day after another
    const next = (day: string) =>
      new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const walk = (input: SlaInput) => {
      const ranges = input.suspensions.map((s) => ({
        after: macaoDate(s.from),
        until: s.to ? macaoDate(s.to) : '9999-12-31',
      }));
      const counts = (day: string) =>
        isWorkingDay(day, holidays) && !ranges.some((r) => day > r.after && day <= r.until);
      let elapsed = 0;
      const today = macaoDate(input.now);
      for (let day = next(macaoDate(input.completeAt)); day < today; day = next(day))
        if (counts(day)) elapsed += 1;
      if (input.suspensions.some((s) => s.to === undefined)) return { elapsed, due: undefined };
      let due = macaoDate(input.completeAt);
      for (let counted = 0; counted < input.pledgeWorkingDays;)
        if (counts((due = next(due)))) counted += 1;
      return { elapsed, due };
    };
    const instant = fc
      .integer({
        min: Date.parse('2025-01-01T00:00:00+08:00'),
        max: Date.parse('2026-12-31T00:00:00+08:00'),
      })
      .map((t) => new Date(t));

    // when / then
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 120 }),
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 150 }), fc.option(fc.integer({ min: 0, max: 30 }))),
          {
            maxLength: 2,
          },
        ),
        (completeAt, daysLater, pledge, pauses) => {
          const day = 86_400_000;
          const input: SlaInput = {
            completeAt,
            pledgeWorkingDays: pledge,
            now: new Date(completeAt.getTime() + daysLater * day),
            suspensions: pauses.map(([from, length]) => ({
              from: new Date(completeAt.getTime() + from * day),
              to:
                length === null
                  ? undefined
                  : new Date(completeAt.getTime() + (from + length) * day),
            })),
            holidays,
          };
          const status = slaStatus(input);
          const expected = walk(input);
          expect(status.elapsedWorkingDays).toBe(expected.elapsed);
          expect(status.dueDate).toBe(expected.due);
        },
      ),
      { numRuns: 300 },
    );
  });
});
