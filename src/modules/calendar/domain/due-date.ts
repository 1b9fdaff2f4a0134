/** Receipt day and due date (hạn trả kết quả) of a file, from the instant it was received and its time limit. */
import { CalendarRuleError } from './errors';
import { type DayNum, MINUTE_MS, formatDay, instantMs, parseDay, parseTime, vnDayOfMs, vnMs, vnMsOfDay } from './time';
import type { WorkCalendar } from './work-calendar';
import { addWorkingMs } from './working-time';

export type TimeLimitUnit = 'working_days' | 'working_hours' | 'same_day';

export type TimeLimit = {
  unit: TimeLimitUnit;
  /** Number of working days / hours; ignored for 'same_day'. */
  value: number;
  /** Same-day procedures only: received before this 'HH:MM' → due the same day, else the next open day. */
  cutoff?: string;
};

export interface Receipt {
  /** Local date 'YYYY-MM-DD' the file counts as received. */
  receiptDay: string;
  /** The actual instant when received in office hours, else the start of the next office-hours block. */
  effectiveReceivedAt: Date;
  /** true when the receipt was outside office hours (effectiveReceivedAt ≠ receivedAt). */
  moved: boolean;
}

export interface DueDateResult extends Receipt {
  dueAt: Date;
}

export const MAX_WORKING_DAYS = 1000;
export const MAX_WORKING_HOURS = 10000;

interface ReceiptMs {
  day: DayNum;
  at: number;
  moved: boolean;
}

function receiptMs(cal: WorkCalendar, ms: number): ReceiptMs {
  const day = vnDayOfMs(ms);
  const msOfDay = vnMsOfDay(ms);
  for (const i of cal.openIntervals(day)) {
    if (msOfDay < i.start) return { day, at: vnMs(day, 0) + i.start, moved: true }; // before opening / lunch
    if (msOfDay < i.end) return { day, at: ms, moved: false };
  }
  const next = cal.nthOpenAfter(day, 1);
  return { day: next, at: vnMs(next, 0) + cal.openIntervals(next)[0].start, moved: true };
}

/**
 * Receipt day: the day of receipt when received during office hours of a day the center is open (Saturday
 * morning included when open), also before opening or during the lunch break of such a day; otherwise the next
 * day the center is open, effective at its opening time.
 */
export function receiptOf(cal: WorkCalendar, receivedAt: Date): Receipt {
  const r = receiptMs(cal, instantMs(receivedAt, 'Thời điểm tiếp nhận'));
  return { receiptDay: formatDay(r.day), effectiveReceivedAt: new Date(r.at), moved: r.moved };
}

/** End of the office hours of an open day, as UTC ms. */
function endOfDay(cal: WorkCalendar, day: DayNum): number {
  const list = cal.openIntervals(day);
  return vnMs(day, 0) + list[list.length - 1].end;
}

function validateLimit(limit: TimeLimit): void {
  if (!limit || typeof limit !== 'object') {
    throw new CalendarRuleError('INVALID_TIME_LIMIT', 'Thời hạn giải quyết không hợp lệ');
  }
  if (limit.unit === 'same_day') {
    if (limit.cutoff !== undefined) {
      try {
        parseTime(limit.cutoff);
      } catch {
        throw new CalendarRuleError('INVALID_TIME_LIMIT', `Giờ chốt nhận hồ sơ không hợp lệ: ${String(limit.cutoff)}`);
      }
    }
    return;
  }
  if (limit.unit !== 'working_days' && limit.unit !== 'working_hours') {
    throw new CalendarRuleError('INVALID_TIME_LIMIT', `Đơn vị thời hạn không hợp lệ: ${String(limit.unit)}`);
  }
  if (typeof limit.value !== 'number' || !Number.isInteger(limit.value) || limit.value <= 0) {
    throw new CalendarRuleError('INVALID_TIME_LIMIT', 'Thời hạn phải là số nguyên dương', { value: limit.value });
  }
  const max = limit.unit === 'working_days' ? MAX_WORKING_DAYS : MAX_WORKING_HOURS;
  if (limit.value > max) {
    const what = limit.unit === 'working_days' ? 'ngày làm việc' : 'giờ làm việc';
    throw new CalendarRuleError('TIME_LIMIT_TOO_LARGE', `Thời hạn tối đa là ${max} ${what}`, { value: limit.value, max });
  }
}

/** Due instant of a same-day procedure (rule 7). */
function sameDayDue(cal: WorkCalendar, r: ReceiptMs, cutoff?: string): number {
  const t = r.at - vnMs(r.day, 0);
  if (cutoff !== undefined) {
    const day = t < parseTime(cutoff) * MINUTE_MS ? r.day : cal.nthOpenAfter(r.day, 1);
    return endOfDay(cal, day);
  }
  const { morningCutoffMs, sameDayDueMs, nextDayDueMs } = cal.rc;
  const day = t < morningCutoffMs ? r.day : cal.nthOpenAfter(r.day, 1);
  const due = t < morningCutoffMs ? sameDayDueMs : nextDayDueMs;
  return Math.min(vnMs(day, 0) + due, endOfDay(cal, day));
}

/**
 * Due date of a file received at `receivedAt` with time limit `limit`:
 * - working_days N: the end of office hours (17:00; 11:30 on a Saturday morning the center counts) of the N-th
 *   working day strictly after the receipt day;
 * - working_hours N: N hours of office time of working days from the effective receipt instant;
 * - same_day: before 11:00 → 16:30 the same day, else 11:00 the next open day (capped at the end of that
 *   day's office hours); with `cutoff`, before it → end of office hours that day, else of the next open day.
 */
export function computeDueDate(cal: WorkCalendar, receivedAt: Date, limit: TimeLimit): DueDateResult {
  validateLimit(limit);
  const r = receiptMs(cal, instantMs(receivedAt, 'Thời điểm tiếp nhận'));
  let due: number;
  if (limit.unit === 'working_days') {
    const day = cal.nthWorkingAfter(r.day, limit.value);
    due = vnMs(day, 0) + cal.endOfWork(day);
  } else if (limit.unit === 'working_hours') {
    due = addWorkingMs(cal, r.at, limit.value * 60 * MINUTE_MS);
  } else {
    due = sameDayDue(cal, r, limit.cutoff);
  }
  return {
    dueAt: new Date(due),
    receiptDay: formatDay(r.day),
    effectiveReceivedAt: new Date(r.at),
    moved: r.moved,
  };
}

/** The n-th working day strictly after `day` ('YYYY-MM-DD'); n = 0 returns `day` itself. */
export function addWorkingDays(cal: WorkCalendar, day: string, n: number): string {
  const d = parseDay(day);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 100 * MAX_WORKING_DAYS) {
    throw new CalendarRuleError('INVALID_TIME_LIMIT', 'Số ngày làm việc phải là số nguyên không âm');
  }
  return n === 0 ? formatDay(d) : formatDay(cal.nthWorkingAfter(d, n));
}
