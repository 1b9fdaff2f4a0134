/**
 * Typed error of the legal-clock domain: a stable `code` for programs and a Vietnamese message for people.
 * The HTTP edge may map it to 400 (all codes are caused by invalid input or a forbidden state change).
 */
export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_DAY'
  | 'DATE_OUT_OF_RANGE'
  | 'INVALID_TIME'
  | 'INVALID_TIME_LIMIT'
  | 'TIME_LIMIT_TOO_LARGE'
  | 'INVALID_CONFIG'
  | 'INVALID_OVERRIDE'
  | 'INVALID_HOLIDAY_DATA'
  | 'INVALID_LUNAR_DATE'
  | 'INVALID_PAUSE'
  | 'EXTENSION_ALREADY_APPLIED'
  | 'EXTENSION_NOT_LATER';

export class CalendarRuleError extends Error {
  readonly code: CalendarErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: CalendarErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'CalendarRuleError';
    this.code = code;
    this.details = details;
  }
}
