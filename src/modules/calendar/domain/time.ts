/**
 * Time helpers for Asia/Ho_Chi_Minh (fixed UTC+7, no DST), done with arithmetic on UTC milliseconds so the
 * machine's own time zone never matters.
 *
 * Vocabulary:
 * - "day number" (DayNum): days since 1970-01-01 of the local (UTC+7) calendar date;
 * - "day" (string): 'YYYY-MM-DD' of that local date;
 * - "minute of day" / "ms of day": offset from local midnight.
 */
import { CalendarRuleError } from './errors';

export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;

/** Supported range of calendar years (lunar algorithm and holiday rules are meaningful in it). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export type DayNum = number;

/** 0 = Sunday … 6 = Saturday (same convention as Date#getUTCDay). 1970-01-01 was a Thursday. */
export function weekdayOf(day: DayNum): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: DayNum): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

export function dayNumFromYmd(year: number, month: number, day: number): DayNum {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function ymdOf(day: DayNum): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function yearOf(day: DayNum): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDay(day: DayNum): string {
  const { year, month, day: d } = ymdOf(day);
  return `${pad(year, 4)}-${pad(month)}-${pad(d)}`;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict 'YYYY-MM-DD' (real calendar date, year in the supported range). */
export function parseDay(s: string): DayNum {
  const m = typeof s === 'string' ? DAY_RE.exec(s) : null;
  if (!m) throw new CalendarRuleError('INVALID_DAY', `Ngày không hợp lệ: ${String(s)} (định dạng YYYY-MM-DD)`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayNumFromYmd(y, mo, d);
  const back = ymdOf(n);
  if (back.year !== y || back.month !== mo || back.day !== d) {
    throw new CalendarRuleError('INVALID_DAY', `Ngày không tồn tại: ${s}`);
  }
  assertYearInRange(y);
  return n;
}

export function assertYearInRange(year: number): void {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarRuleError(
      'DATE_OUT_OF_RANGE',
      `Ngày nằm ngoài phạm vi lịch được hỗ trợ (${MIN_YEAR}–${MAX_YEAR})`,
      { year },
    );
  }
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:MM' → minutes after midnight (00:00–23:59, or '24:00' for the end of a day). */
export function parseTime(s: string): number {
  if (s === '24:00') return 24 * 60;
  const m = typeof s === 'string' ? TIME_RE.exec(s) : null;
  if (!m) throw new CalendarRuleError('INVALID_TIME', `Giờ không hợp lệ: ${String(s)} (định dạng HH:MM)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Validates a Date (a real instant within the supported years) and returns its UTC milliseconds. */
export function instantMs(d: Date, what = 'Thời điểm'): number {
  const ms = d instanceof Date ? d.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new CalendarRuleError('INVALID_DATE', `${what} không hợp lệ`);
  assertYearInRange(yearOf(vnDayOfMs(ms)));
  return ms;
}

/** Local (UTC+7) day number of an instant. */
export function vnDayOfMs(ms: number): DayNum {
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since local (UTC+7) midnight of an instant. */
export function vnMsOfDay(ms: number): number {
  const local = ms + VN_OFFSET_MS;
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

/** The instant at `minutes` after local midnight of `day`, as UTC milliseconds. */
export function vnMs(day: DayNum, minutes: number): number {
  return day * DAY_MS + minutes * MINUTE_MS - VN_OFFSET_MS;
}

export function vnInstant(day: DayNum, minutes: number): Date {
  return new Date(vnMs(day, minutes));
}

/** Convenience for callers and tests: '2025-03-12', '18:30' → the instant 2025-03-12T18:30+07:00. */
export function vnDate(day: string, time = '00:00'): Date {
  return vnInstant(parseDay(day), parseTime(time));
}

/** Local day 'YYYY-MM-DD' of an instant. */
export function vnDayString(d: Date): string {
  return formatDay(vnDayOfMs(instantMs(d)));
}

export function daysInYear(year: number): number {
  return dayNumFromYmd(year + 1, 1, 1) - dayNumFromYmd(year, 1, 1);
}
