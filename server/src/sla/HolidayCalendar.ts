// The calendar lives beside the working-days connector, so that the SLA clock and the process
// library's working-day deadlines (e.g. the reaction deadline of a request for information)
// count the same days.
export {
  holidayCalendar,
  holidayFileSchema,
  macaoHolidays,
  type HolidayCalendar,
} from '@balcao/connectors';
