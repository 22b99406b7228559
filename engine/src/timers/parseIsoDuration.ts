import { Duration } from 'luxon';

export type DurationParseResult = { ok: true; value: Duration } | { ok: false; message: string };

const ISO_DURATION =
  /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;

/** Parses an ISO-8601 duration such as `P1D`, `PT5M` or `P1Y2M3DT4H`. */
export function parseIsoDuration(raw: string): DurationParseResult {
  const text = raw.trim().toUpperCase();
  const value = ISO_DURATION.test(text) ? Duration.fromISO(text) : undefined;
  if (value === undefined || !value.isValid) {
    return {
      ok: false,
      message: `'${raw}' is not an ISO-8601 duration: write it like PT15M, P1D or P1Y2M3DT4H.`,
    };
  }
  return { ok: true, value };
}
