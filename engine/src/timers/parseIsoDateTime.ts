import { DateTime, IANAZone } from 'luxon';

export type DateTimeParseResult = { ok: true; value: DateTime } | { ok: false; message: string };

const OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * Parses an ISO-8601 date-time that carries an offset (`Z`, `+08:00`), optionally followed
 * by a zone id in brackets (`2026-01-01T10:00:00+08:00[Asia/Macau]`). A value without an
 * offset is rejected: guessing the zone would move deadlines by hours.
 */
export function parseIsoDateTime(raw: string): DateTimeParseResult {
  const text = raw.trim();
  const zoned = /^(.*)\[([^\]]+)\]$/.exec(text);
  const local = zoned?.[1] ?? text;
  const zoneName = zoned?.[2];
  if (!local.includes('T')) {
    return {
      ok: false,
      message: `'${raw}' is not a date-time: write it like 2026-01-01T09:00:00+08:00.`,
    };
  }
  if (!OFFSET.test(local)) {
    return {
      ok: false,
      message: `'${raw}' has no UTC offset: add one, e.g. '${local}+08:00' for Macao time or '${local}Z' for UTC.`,
    };
  }
  if (zoneName !== undefined && !IANAZone.isValidZone(zoneName)) {
    return { ok: false, message: `'${raw}' names an unknown time zone '${zoneName}'.` };
  }
  const value = DateTime.fromISO(local, { setZone: true });
  if (!value.isValid) {
    return {
      ok: false,
      message: `'${raw}' is not a valid ISO-8601 date-time (${value.invalidExplanation ?? value.invalidReason ?? 'invalid'}).`,
    };
  }
  return { ok: true, value: zoneName === undefined ? value : value.setZone(zoneName) };
}
