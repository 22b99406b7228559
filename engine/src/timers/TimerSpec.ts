import type { CronSchedule } from './parseCron';

/**
 * A parsed timer value. Instants and durations are kept as ISO strings so the spec stays
 * JSON-serialisable (the runtime may store it with the timer).
 */
export type TimerSpec =
  | { kind: 'date'; /** ISO date-time with offset */ at: string }
  | { kind: 'duration'; /** ISO-8601 duration */ duration: string }
  | {
      kind: 'cycle';
      /** undefined = repeat forever (`R/…`) */
      repetitions?: number;
      /** first due date when given (`R3/2026-01-01T10:00:00Z/PT1H`), else now + interval */
      start?: string;
      interval: string;
    }
  | { kind: 'cron'; expression: string; schedule: CronSchedule };

export type TimerParseResult = { ok: true; spec: TimerSpec } | { ok: false; message: string };
