/**
 * Spring-style 6-field cron (`second minute hour day-of-month month day-of-week`), the form
 * Zeebe accepts in timeCycle, plus the @yearly/@monthly/@weekly/@daily/@hourly macros.
 * Each field becomes the sorted list of allowed values so the schedule is plain data.
 */
export interface CronSchedule {
  seconds: number[];
  minutes: number[];
  hours: number[];
  daysOfMonth: number[];
  months: number[];
  /** 1 = Monday … 7 = Sunday (ISO, as luxon's weekday). */
  daysOfWeek: number[];
}

export type CronParseResult = { ok: true; schedule: CronSchedule } | { ok: false; message: string };

const MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

const MONTH_NAMES = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldRule {
  name: string;
  min: number;
  max: number;
  names?: string[];
  /** value of names[0] */
  namesFrom?: number;
}

const FIELDS: FieldRule[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES, namesFrom: 1 },
  // Spring: 0 and 7 are Sunday.
  { name: 'day of week', min: 0, max: 7, names: DAY_NAMES, namesFrom: 0 },
];

export function parseCron(raw: string): CronParseResult {
  const text = MACROS[raw.trim().toLowerCase()] ?? raw.trim();
  const parts = text.split(/\s+/);
  if (parts.length !== 6) {
    return {
      ok: false,
      message: `'${raw}' is not a cron expression: Zeebe expects 6 fields (second minute hour day-of-month month day-of-week), e.g. '0 0 9 * * MON-FRI'.`,
    };
  }
  const values: number[][] = [];
  for (const [index, rule] of FIELDS.entries()) {
    const parsed = parseField(parts[index] ?? '', rule);
    if (typeof parsed === 'string') return { ok: false, message: `'${raw}': ${parsed}` };
    values.push(parsed);
  }
  const [seconds = [], minutes = [], hours = [], daysOfMonth = [], months = [], rawDays = []] =
    values;
  const daysOfWeek = [...new Set(rawDays.map((d) => (d === 0 ? 7 : d)))].sort((a, b) => a - b);
  return { ok: true, schedule: { seconds, minutes, hours, daysOfMonth, months, daysOfWeek } };
}

function parseField(field: string, rule: FieldRule): number[] | string {
  const result = new Set<number>();
  for (const item of field.toUpperCase().split(',')) {
    const match = /^(\*|\?|[A-Z0-9]+(?:-[A-Z0-9]+)?)(?:\/(\d+))?$/.exec(item);
    if (match === null) {
      return `the ${rule.name} field '${field}' is not supported: use numbers, names, ranges (a-b), lists (a,b) and steps (*/n); L, W and # are not supported.`;
    }
    const [, range = '', stepText] = match;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1) return `the ${rule.name} field '${field}' has a step of 0.`;
    let from = rule.min;
    let to = rule.max;
    if (range !== '*' && range !== '?') {
      const [start = '', end] = range.split('-');
      const a = toNumber(start, rule);
      const b = end === undefined ? (stepText === undefined ? a : rule.max) : toNumber(end, rule);
      if (a === undefined || b === undefined) {
        return `the ${rule.name} field '${field}' must be between ${rule.min} and ${rule.max}.`;
      }
      if (a > b) return `the ${rule.name} field '${field}' has a range that runs backwards.`;
      from = a;
      to = b;
    }
    for (let v = from; v <= to; v += step) result.add(v);
  }
  return [...result].sort((a, b) => a - b);
}

function toNumber(text: string, rule: FieldRule): number | undefined {
  const index = rule.names?.indexOf(text) ?? -1;
  const value =
    index >= 0 ? index + (rule.namesFrom ?? 0) : /^\d+$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(value) && value >= rule.min && value <= rule.max ? value : undefined;
}
