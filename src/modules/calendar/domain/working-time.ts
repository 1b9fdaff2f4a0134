/**
 * Working time: office hours of working days only. Saturday-morning reception hours are not working time, unless
 * the center counts Saturday morning (then a Saturday is a short working day of its morning hours).
 * Computations jump over whole days with the calendar's per-year prefix sums of working time, so their cost does
 * not grow with the length of the span.
 */
import type { MsInterval } from './config';
import { CalendarRuleError } from './errors';
import { type DayNum, MINUTE_MS, instantMs, vnDayOfMs, vnMs, vnMsOfDay } from './time';
import type { WorkCalendar } from './work-calendar';

/** Working milliseconds of a day's working hours elapsed before `msOfDay`. */
function workedBefore(hours: MsInterval[], msOfDay: number): number {
  let sum = 0;
  for (const i of hours) {
    if (msOfDay <= i.start) break;
    sum += Math.min(msOfDay, i.end) - i.start;
  }
  return sum;
}

/** Working milliseconds in [a, b) (negative if b < a). */
export function workingMsBetween(cal: WorkCalendar, a: number, b: number): number {
  if (b < a) return -workingMsBetween(cal, b, a);
  const da = vnDayOfMs(a);
  const db = vnDayOfMs(b);
  const ha = cal.workIntervals(da);
  const ma = vnMsOfDay(a);
  const mb = vnMsOfDay(b);
  if (da === db) return workedBefore(ha, mb) - workedBefore(ha, ma);
  const head = workedBefore(ha, 24 * 60 * MINUTE_MS) - workedBefore(ha, ma);
  const tail = workedBefore(cal.workIntervals(db), mb);
  return head + cal.workingMsInRange(da + 1, db) + tail;
}

/** Walks the working hours of day `d` from `msOfDay`; returns the instant or the ms still to add. */
function consumeInDay(hours: MsInterval[], d: DayNum, msOfDay: number, remaining: number): { at?: number; left: number } {
  for (const i of hours) {
    if (msOfDay >= i.end) continue;
    const from = Math.max(i.start, msOfDay);
    const avail = i.end - from;
    if (remaining <= avail) return { at: vnMs(d, 0) + from + remaining, left: 0 };
    remaining -= avail;
  }
  return { left: remaining };
}

/**
 * The earliest instant t ≥ from with exactly `ms` working milliseconds in [from, t). So the result is at the
 * end of an office-hours block (e.g. 17:00) rather than the start of the next one when the time runs out there.
 */
export function addWorkingMs(cal: WorkCalendar, from: number, ms: number): number {
  if (ms <= 0) return from;
  const d = vnDayOfMs(from);
  const first = consumeInDay(cal.workIntervals(d), d, vnMsOfDay(from), ms);
  if (first.at !== undefined) return first.at;
  // Skip whole days: the target is the first working day by which the rest has run (per-year prefix sums).
  const { day, rest } = cal.dayReachingWorkMs(d, first.left);
  const r = consumeInDay(cal.workIntervals(day), day, 0, rest);
  /* c8 ignore next */
  if (r.at === undefined) throw new Error('working-time invariant broken');
  return r.at;
}

/** Working minutes (office hours of working days) between two instants; fractional if they are not whole. */
export function workingMinutesBetween(cal: WorkCalendar, a: Date, b: Date): number {
  return workingMsBetween(cal, instantMs(a), instantMs(b)) / MINUTE_MS;
}

/** Adds working minutes to an instant, moving forward through office hours of working days only. */
export function addWorkingMinutes(cal: WorkCalendar, from: Date, minutes: number): Date {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    throw new CalendarRuleError('INVALID_TIME_LIMIT', 'Số phút làm việc phải là số không âm');
  }
  return new Date(addWorkingMs(cal, instantMs(from), Math.round(minutes * MINUTE_MS)));
}

/**
 * Resumption after a pause (tạm dừng): the due date moves forward by the working time that elapsed while
 * paused, counted in office hours of working days and added through working time only.
 */
export function extendForPause(cal: WorkCalendar, dueAt: Date, pausedFrom: Date, pausedTo: Date): Date {
  const due = instantMs(dueAt, 'Thời hạn');
  const from = instantMs(pausedFrom, 'Thời điểm tạm dừng');
  const to = instantMs(pausedTo, 'Thời điểm tiếp tục');
  if (to < from) {
    throw new CalendarRuleError('INVALID_PAUSE', 'Thời điểm tiếp tục phải sau thời điểm tạm dừng');
  }
  const paused = workingMsBetween(cal, from, to);
  return new Date(paused > 0 ? addWorkingMs(cal, due, paused) : due);
}
