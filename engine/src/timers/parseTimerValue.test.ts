import { describe, expect, it } from 'vitest';
import { nextDueDate } from './nextDueDate';
import { parseTimerValue } from './parseTimerValue';
import type { TimerSpec } from './TimerSpec';

const now = new Date('2026-03-02T01:00:00Z'); // a Monday, 09:00 in Macao

function spec(kind: 'date' | 'duration' | 'cycle', value: string): TimerSpec {
  const result = parseTimerValue(kind, value);
  if (!result.ok) throw new Error(result.message);
  return result.spec;
}

function iso(date: Date | undefined): string | undefined {
  return date?.toISOString();
}

describe('parseTimerValue', () => {
  it('should parse date-times with an offset or Z', () => {
    // when / then
    expect(iso(nextDueDate(spec('date', '2026-04-01T09:00:00+08:00'), now))).toBe(
      '2026-04-01T01:00:00.000Z',
    );
    expect(iso(nextDueDate(spec('date', '2026-04-01T09:00:00Z'), now))).toBe(
      '2026-04-01T09:00:00.000Z',
    );
    expect(iso(nextDueDate(spec('date', '2026-04-01T09:00:00+08:00[Asia/Macau]'), now))).toBe(
      '2026-04-01T01:00:00.000Z',
    );
  });

  it('should reject a date-time without an offset, saying to add one', () => {
    // when
    const result = parseTimerValue('date', '2026-04-01T09:00:00');

    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("'2026-04-01T09:00:00+08:00'");
  });

  it('should add durations to now, calendar units included', () => {
    // when / then
    expect(iso(nextDueDate(spec('duration', 'PT5M'), now))).toBe('2026-03-02T01:05:00.000Z');
    expect(iso(nextDueDate(spec('duration', 'P1D'), now))).toBe('2026-03-03T01:00:00.000Z');
    expect(iso(nextDueDate(spec('duration', 'P1Y2M3DT4H'), now))).toBe('2027-05-05T05:00:00.000Z');
    expect(nextDueDate(spec('duration', 'PT5M'), now, 1)).toBeUndefined();
  });

  it('should repeat intervals the given number of times or forever', () => {
    // given
    const five = spec('cycle', 'R5/PT10S');
    const forever = spec('cycle', 'R/PT1H');
    const fromStart = spec('cycle', 'R3/2026-01-01T10:00:00Z/PT1H');

    // when / then
    expect(iso(nextDueDate(five, now))).toBe('2026-03-02T01:00:10.000Z');
    expect(iso(nextDueDate(five, now, 4))).toBe('2026-03-02T01:00:10.000Z');
    expect(nextDueDate(five, now, 5)).toBeUndefined();
    expect(iso(nextDueDate(forever, now, 1000))).toBe('2026-03-02T02:00:00.000Z');
    expect(iso(nextDueDate(fromStart, now, 0))).toBe('2026-01-01T10:00:00.000Z');
    expect(iso(nextDueDate(fromStart, now, 2))).toBe('2026-01-01T12:00:00.000Z');
    expect(nextDueDate(fromStart, now, 3)).toBeUndefined();
  });

  it('should compute the next cron time in UTC or a given zone', () => {
    // given
    const weekdays = spec('cycle', '0 0 9 * * MON-FRI');
    const friday = new Date('2026-03-06T10:00:00Z');

    // when / then
    expect(iso(nextDueDate(weekdays, now))).toBe('2026-03-02T09:00:00.000Z');
    expect(iso(nextDueDate(weekdays, friday))).toBe('2026-03-09T09:00:00.000Z');
    expect(iso(nextDueDate(weekdays, now, 0, { cronZone: 'Asia/Macau' }))).toBe(
      '2026-03-03T01:00:00.000Z',
    );
    expect(iso(nextDueDate(spec('cycle', '*/15 * * * * ?'), now))).toBe('2026-03-02T01:00:15.000Z');
    expect(iso(nextDueDate(spec('cycle', '0 30 8 1 JAN,JUL *'), now))).toBe(
      '2026-07-01T08:30:00.000Z',
    );
    expect(iso(nextDueDate(spec('cycle', '0 0 0 * * 0'), now))).toBe('2026-03-08T00:00:00.000Z');
    expect(iso(nextDueDate(spec('cycle', '@hourly'), now))).toBe('2026-03-02T02:00:00.000Z');
    expect(nextDueDate(spec('cycle', '0 0 0 30 FEB *'), now)).toBeUndefined();
  });

  it('should reject bad values with a message saying what to write', () => {
    // when
    const bad = [
      parseTimerValue('duration', '5 minutes'),
      parseTimerValue('duration', 'P'),
      parseTimerValue('cycle', 'R0/PT10S'),
      parseTimerValue('cycle', 'R5/PT0S'),
      parseTimerValue('cycle', 'Rx/PT1H'),
      parseTimerValue('cycle', 'R3/2026-01-01T10:00:00/PT1H'),
      parseTimerValue('cycle', '0 9 * * *'),
      parseTimerValue('cycle', '0 0 25 * * *'),
      parseTimerValue('cycle', '0 0 9 L * *'),
      parseTimerValue('date', 'tomorrow'),
      parseTimerValue('date', ''),
    ];

    // then
    for (const result of bad) expect(result.ok).toBe(false);
    const messages = bad.map((r) => (r.ok ? '' : r.message));
    expect(messages[0]).toContain('PT15M');
    expect(messages[6]).toContain('6 fields');
    expect(messages[7]).toContain('between 0 and 23');
  });
});
