import type { DateTime } from 'luxon';
import type { TimerKind } from '../model/CompiledProcess';
import { parseCron } from './parseCron';
import { parseIsoDateTime } from './parseIsoDateTime';
import { parseIsoDuration } from './parseIsoDuration';
import type { TimerParseResult } from './TimerSpec';

/**
 * Parses a static timer value (or the string a FEEL timer expression produced):
 * timeDate → ISO date-time with offset; timeDuration → ISO duration;
 * timeCycle → ISO repeating interval (`R5/PT10S`, `R/PT1H`, `R3/<start>/PT1H`) or cron.
 */
export function parseTimerValue(kind: TimerKind, value: string): TimerParseResult {
  const text = value.trim();
  if (text === '') return { ok: false, message: `the timer ${kind} is empty.` };
  switch (kind) {
    case 'date': {
      const at = parseIsoDateTime(text);
      return at.ok ? { ok: true, spec: { kind: 'date', at: isoOf(at.value) } } : at;
    }
    case 'duration': {
      const duration = parseIsoDuration(text);
      return duration.ok ? { ok: true, spec: { kind: 'duration', duration: text } } : duration;
    }
    case 'cycle':
      return text.toUpperCase().startsWith('R') && !text.includes(' ')
        ? parseRepeatingInterval(text)
        : parseCronCycle(text);
  }
}

function parseRepeatingInterval(text: string): TimerParseResult {
  const parts = text.split('/');
  const countText = parts[0]?.slice(1) ?? '';
  const repetitions = countText === '' ? undefined : Number(countText);
  const invalid = {
    ok: false as const,
    message: `'${text}' is not a repeating interval: write it like R5/PT10S, R/PT1H or R3/2026-01-01T09:00:00+08:00/PT1H.`,
  };
  if (repetitions !== undefined && (!/^\d+$/.test(countText) || repetitions < 1)) return invalid;
  if (parts.length !== 2 && parts.length !== 3) return invalid;
  const intervalText = parts[parts.length - 1] ?? '';
  const interval = parseIsoDuration(intervalText);
  if (!interval.ok) return interval;
  if (interval.value.as('milliseconds') <= 0) {
    return {
      ok: false,
      message: `'${text}' repeats every zero seconds: give a positive interval.`,
    };
  }
  let start: string | undefined;
  if (parts.length === 3) {
    const parsed = parseIsoDateTime(parts[1] ?? '');
    if (!parsed.ok) return parsed;
    start = isoOf(parsed.value);
  }
  return {
    ok: true,
    spec: {
      kind: 'cycle',
      interval: intervalText.toUpperCase(),
      ...(repetitions === undefined ? {} : { repetitions }),
      ...(start === undefined ? {} : { start }),
    },
  };
}

function parseCronCycle(text: string): TimerParseResult {
  const cron = parseCron(text);
  return cron.ok
    ? { ok: true, spec: { kind: 'cron', expression: text, schedule: cron.schedule } }
    : cron;
}

function isoOf(value: DateTime): string {
  return value.toISO({ suppressMilliseconds: true }) ?? value.toString();
}
