import { BalcaoError } from '@balcao/platform';
import type { HolidayCalendar } from './HolidayCalendar';

const MACAO_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The Macao date (YYYY-MM-DD) of the `count`-th working day after the Macao day of `from`:
 * counting starts the day after, and skips Saturdays, Sundays and public holidays.
 */
export function addWorkingDays(from: Date, count: number, holidays: HolidayCalendar): string {
  let day = Math.floor((from.getTime() + MACAO_OFFSET_MS) / DAY_MS);
  for (let left = count; left > 0;) {
    day += 1;
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    const year = Number(date.slice(0, 4));
    if (!holidays.covers(year)) {
      throw BalcaoError.nonRetryable(
        'WORKING_DAYS_HOLIDAYS_MISSING',
        `No Macao public holidays are loaded for ${year}: add them to connectors/src/working-days/macao-public-holidays.json from the official gazette.`,
      );
    }
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
    if (weekday !== 0 && weekday !== 6 && !holidays.isHoliday(date)) left -= 1;
  }
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
