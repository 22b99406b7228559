import { describe, expect, it } from 'vitest';
import { checkFeelSyntax } from './checkFeelSyntax';
import { evaluateCondition, evaluateFeel } from './evaluateFeel';

describe('evaluateFeel', () => {
  it('should evaluate with or without the leading =', () => {
    // given
    const variables = { amount: 120, applicant: { name: 'Chan Tai Man' } };

    // when
    const withMarker = evaluateFeel('=amount * 2', variables);
    const withoutMarker = evaluateFeel('applicant.name', variables);

    // then
    expect(withMarker).toEqual({ ok: true, value: 240, warnings: [] });
    expect(withoutMarker).toMatchObject({ ok: true, value: 'Chan Tai Man' });
  });

  it('should serialise temporal values the way Zeebe stores them', () => {
    // given
    const source = `{
      d: date("2026-01-01") ,
      t: time("10:15:00"),
      dt: date and time("2026-01-01T10:00:00+08:00"),
      zoned: date and time("2026-01-01T10:00:00@Asia/Macau"),
      utc: date and time("2026-01-01T02:00:00Z"),
      due: date("2026-01-31") + duration("P1D"),
      wait: duration("PT36H"),
      day: duration("P1D"),
      short: duration("PT90.5S"),
      period: years and months duration(date("2020-01-01"), date("2021-03-01")),
      list: [date("2026-02-01")]
    }`;

    // when
    const result = evaluateFeel(source, {});

    // then
    expect(result).toMatchObject({
      ok: true,
      value: {
        d: '2026-01-01',
        t: '10:15:00',
        dt: '2026-01-01T10:00:00+08:00',
        zoned: '2026-01-01T10:00:00+08:00[Asia/Macau]',
        utc: '2026-01-01T02:00:00Z',
        due: '2026-02-01',
        wait: 'PT36H',
        day: 'PT24H',
        short: 'PT1M30.5S',
        period: 'P1Y2M',
        list: ['2026-02-01'],
      },
    });
  });

  it('should give null with a warning for a missing variable', () => {
    // when
    const result = evaluateFeel('missing', {});

    // then
    expect(result.ok && result.value).toBeNull();
    expect(result.ok && result.warnings.join()).toContain("'missing'");
  });

  it('should fail without throwing on a syntax error', () => {
    // when
    const result = evaluateFeel('= a +', { a: 1 });

    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("'a +'");
  });
});

describe('evaluateCondition', () => {
  it('should return the boolean result', () => {
    // when / then
    expect(evaluateCondition('=age >= 18', { age: 20 })).toEqual({ ok: true, value: true });
    expect(evaluateCondition('age >= 18', { age: 3 })).toEqual({ ok: true, value: false });
  });

  it('should fail like Zeebe when the result is not a boolean', () => {
    // when
    const nullResult = evaluateCondition('=approved', {});
    const stringResult = evaluateCondition('="yes"', {});

    // then
    expect(nullResult.ok).toBe(false);
    expect(!nullResult.ok && nullResult.message).toMatch(
      /^Expected result of the expression 'approved' to be 'BOOLEAN', but was 'NULL'\./,
    );
    expect(!stringResult.ok && stringResult.message).toBe(
      `Expected result of the expression '"yes"' to be 'BOOLEAN', but was 'STRING'.`,
    );
  });
});

describe('checkFeelSyntax', () => {
  it('should accept valid expressions and report broken ones', () => {
    // when / then
    expect(checkFeelSyntax('=if a > 1 then "x" else "y"')).toBeUndefined();
    expect(checkFeelSyntax('={x: [1, 2], y: some v in [1] satisfies v > 0}')).toBeUndefined();
    expect(checkFeelSyntax('=a +')).toMatch(/position/);
    expect(checkFeelSyntax('=foo(')).toBeDefined();
    expect(checkFeelSyntax('=')).toBe('the expression is empty');
  });
});
