import { DateTime, Duration, FixedOffsetZone } from 'luxon';

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Converts a FEEL result into what Zeebe stores as a variable: JSON has no temporal types,
 * so dates, times and date-times become ISO strings and durations ISO-8601 duration
 * strings (as Zeebe does); functions, ranges and non-finite numbers become null.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (DateTime.isDateTime(value)) return temporalToString(value);
  if (Duration.isDuration(value)) return durationToString(value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (isPlainObject(value)) {
    const result: Record<string, JsonValue> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'function') result[key] = toJsonValue(entry);
    }
    return result;
  }
  return null;
}

function temporalToString(value: DateTime): string | null {
  if (!value.isValid) return null;
  // feelin marks a time as a date-time on 1900-01-01 and a date as UTC midnight.
  if (value.year === 1900 && value.month === 1 && value.day === 1) {
    return value.toISOTime({ suppressMilliseconds: true, includeOffset: false });
  }
  const midnight =
    value.hour === 0 && value.minute === 0 && value.second === 0 && value.millisecond === 0;
  if (midnight && value.zone.equals(FixedOffsetZone.utcInstance)) return value.toISODate();
  const iso = value.toISO({ suppressMilliseconds: true });
  if (iso === null) return null;
  // A named zone is kept in brackets, as Java's ZonedDateTime prints it.
  return value.zone.type === 'iana' ? `${iso}[${value.zoneName}]` : iso;
}

// Zeebe prints day-time durations as Java's Duration does (hours at most: P1D → PT24H) and
// year-month durations as Java's Period (P1Y2M).
function durationToString(value: Duration): string | null {
  if (!value.isValid) return null;
  if (value.years !== 0 || value.months !== 0) {
    const months = Math.trunc(value.as('months'));
    const years = Math.trunc(months / 12);
    const rest = months % 12;
    if (months === 0) return 'P0D';
    return `P${years !== 0 ? `${years}Y` : ''}${rest !== 0 ? `${rest}M` : ''}`;
  }
  const millis = value.as('milliseconds');
  if (millis === 0) return 'PT0S';
  const sign = millis < 0 ? '-' : '';
  let rest = Math.abs(millis);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  return (
    'PT' +
    (hours !== 0 ? `${sign}${hours}H` : '') +
    (minutes !== 0 ? `${sign}${minutes}M` : '') +
    (seconds !== 0 ? `${sign}${seconds}S` : '')
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
