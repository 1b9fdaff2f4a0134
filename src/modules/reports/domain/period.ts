// Report periods: calendar days of Asia/Ho_Chi_Minh, from the first day's midnight to the midnight after the last.
import { vnDate, vnDayString, type WorkCalendar } from '../../calendar/domain';

export interface Period {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (included). */
  to: string;
}

export interface PeriodBounds {
  /** Midnight (UTC+7) starting the first day. */
  start: Date;
  /** Midnight after the last day. */
  end: Date;
  /**
   * The instant the "in progress" columns describe: the end of the period, or now when the period has not ended
   * yet (a report of the current month shows what is open now, not a forecast).
   */
  asOf: Date;
}

/** The longest period a report covers (ten years): beyond it a request is a mistake, not a report. */
export const MAX_PERIOD_DAYS = 3660;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `s` is a real calendar day written YYYY-MM-DD. */
export function isDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A Vietnamese message when the period is not usable, else null. */
export function periodProblem(p: Period): string | null {
  if (!isDay(p.from) || !isDay(p.to)) return 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.';
  if (p.to < p.from) return 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.';
  if (daysBetween(p.from, p.to) >= MAX_PERIOD_DAYS) return 'Kỳ báo cáo dài tối đa 10 năm.';
  return null;
}

export function boundsOf(p: Period, now: Date): PeriodBounds {
  const start = vnDate(p.from);
  const end = vnDate(addDays(p.to, 1));
  return { start, end, asOf: now.getTime() < end.getTime() ? now : end };
}

/** Today (UTC+7) as a one-day period. */
export function todayPeriod(now: Date): Period {
  const d = vnDayString(now);
  return { from: d, to: d };
}

/** From the first of the month to today: "this month" on a dashboard. */
export function monthToDate(now: Date): Period {
  const d = vnDayString(now);
  return { from: `${d.slice(0, 8)}01`, to: d };
}

/** The whole calendar month of `month` (YYYY-MM). */
export function monthPeriod(month: string): Period {
  const from = `${month}-01`;
  const next = addDays(`${month}-28`, 4).slice(0, 8) + '01';
  return { from, to: addDays(next, -1) };
}

/** The month (YYYY-MM) before `month`. */
export function previousMonth(month: string): string {
  return addDays(`${month}-01`, -1).slice(0, 7);
}

/**
 * The last working day of a month by the center's calendar (Quy chế art. 14.1: the monthly report is due then),
 * or null in the unlikely month without one.
 */
export function lastWorkingDay(cal: WorkCalendar, month: string): string | null {
  const { from, to } = monthPeriod(month);
  for (let d = to; d >= from; d = addDays(d, -1)) if (cal.isWorkingDay(d)) return d;
  return null;
}
