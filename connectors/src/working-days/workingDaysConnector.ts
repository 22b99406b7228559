import { z } from 'zod';
import { connectorError } from '../runtime/ConnectorError';
import { defineConnector } from '../runtime/defineConnector';
import { addWorkingDays } from './addWorkingDays';
import type { HolidayCalendar } from './HolidayCalendar';

export const workingDaysInputSchema = z.object({
  workingDays: z.number().int().min(1, 'workingDays must be 1 or more').max(366),
  /** Count from this instant (ISO date-time with offset); default: now. */
  from: z.iso.datetime({ offset: true }).nullish(),
});

/**
 * A deadline in working days, which FEEL cannot compute (it knows no holidays): the due date
 * is the last of `workingDays` Macao working days counted from the day after `from`, and
 * `dueAt` its end (23:59:59 Macao time), ready for a timer's `timeDate` or a task's due date.
 */
export function workingDaysConnector(deps: { holidays: HolidayCalendar; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return defineConnector({
    type: 'balcao:working-days:1',
    input: workingDaysInputSchema,
    async run(input) {
      const from = input.from ? new Date(input.from) : now();
      let dueDate: string;
      try {
        dueDate = addWorkingDays(from, input.workingDays, deps.holidays);
      } catch (error) {
        throw connectorError('Internal', (error as Error).message, { cause: error });
      }
      return {
        from: from.toISOString(),
        workingDays: input.workingDays,
        dueDate,
        dueAt: `${dueDate}T23:59:59+08:00`,
      };
    },
  });
}
