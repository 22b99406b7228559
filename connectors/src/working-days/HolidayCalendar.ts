import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const holidayFileSchema = z.object({
  verifiedAgainstGazette: z.boolean(),
  years: z.record(z.string(), z.array(z.object({ date: isoDate, name: z.string() }))),
});

/** Public holidays by Macao date (YYYY-MM-DD), for the years the data covers. */
export interface HolidayCalendar {
  isHoliday(date: string): boolean;
  /** Years with data; a date outside them cannot be computed reliably. */
  covers(year: number): boolean;
  /** Changes when the dates do: SLA deadlines stored with another version are recomputed. */
  readonly version?: string;
}

export function holidayCalendar(file: z.infer<typeof holidayFileSchema>): HolidayCalendar {
  const dates = new Set(Object.values(file.years).flatMap((days) => days.map((d) => d.date)));
  const years = new Set(Object.keys(file.years).map(Number));
  const version = createHash('sha256')
    .update(JSON.stringify([[...years].sort(), [...dates].sort()]))
    .digest('hex')
    .slice(0, 16);
  return { isHoliday: (date) => dates.has(date), covers: (year) => years.has(year), version };
}

/**
 * The shipped Macao calendar (2025-2027; see the note in the JSON file: check the gazette).
 * It lives here, beside the working-days connector, so that the server's SLA clock and the
 * process library's deadlines count the same days.
 */
export function macaoHolidays(): HolidayCalendar {
  const file = new URL('./macao-public-holidays.json', import.meta.url);
  return holidayCalendar(holidayFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
}
