/** The legal clock (pure domain): work calendar, receipt day, due dates, working time, classification. */
export { CalendarRuleError, type CalendarErrorCode } from './errors';
export {
  DEFAULT_CALENDAR_CONFIG,
  resolveConfig,
  type CalendarConfig,
  type CalendarConfigInput,
  type TimeRange,
} from './config';
export {
  type HolidayFile,
  type HolidayYearEntry,
  HOLIDAY_NAMES,
  statutoryHolidays,
} from './holidays';
export {
  WorkCalendar,
  createWorkCalendar,
  type CalendarOverride,
  type DayInfo,
  type DayKind,
  type DaySource,
  type YearDay,
} from './work-calendar';
export {
  receiptOf,
  computeDueDate,
  addWorkingDays,
  MAX_WORKING_DAYS,
  MAX_WORKING_HOURS,
  type TimeLimit,
  type TimeLimitUnit,
  type Receipt,
  type DueDateResult,
} from './due-date';
export { workingMinutesBetween, addWorkingMinutes, extendForPause } from './working-time';
export { classify, applyExtension, type DueStatus, type ExtensionState, type Extended } from './classify';
export { solarToLunar, lunarToSolar, lunarYearMarkers, type LunarDate, type SolarDate } from './lunar';
export { vnDate, vnDayString, VN_OFFSET_MS } from './time';
export { publicOpeningAt, returnWindow, type PublicOpening, type PublicSession } from './public-hours';
