/**
 * Per-year day table of a calendar: kind/source/opening of every date plus sorted lists and prefix counts of
 * working days and open days, so that "n-th working day after" and "working days between" jump by year and
 * index instead of scanning day by day.
 */
import type { ResolvedConfig } from './config';
import type { HolidayIndex } from './holidays';
import { type DayNum, assertYearInRange, dayNumFromYmd, daysInYear, weekdayOf } from './time';

export const K_WORKING = 0;
export const K_WEEKEND = 1;
export const K_DAY_OFF = 2;
export const K_MAKEUP = 3;

export const S_NONE = 0;
export const S_WEEKLY = 1;
export const S_ANNOUNCED = 2;
export const S_STATUTORY = 3;
export const S_ADMIN = 4;

/** Opening of a date: closed, full office hours (working day), or Saturday-morning hours. */
export const O_CLOSED = 0;
export const O_OFFICE = 1;
export const O_SATURDAY = 2;

export interface OverrideEntry {
  kind: 'day_off' | 'working_day';
  reason: string;
}

export const NAME_ADMIN_DAY_OFF = 'Nghỉ theo thông báo của Trung tâm';
export const NAME_ADMIN_WORKING = 'Ngày làm việc theo thông báo của Trung tâm';
export const NAME_ADMIN_MAKEUP = 'Ngày làm bù';

export interface YearTable {
  year: number;
  start: DayNum;
  length: number;
  kind: Uint8Array;
  source: Uint8Array;
  open: Uint8Array;
  names: Map<number, string>;
  reasons: Map<number, string>;
  /** workPrefix[i] = number of working days at indices < i. */
  workPrefix: Int32Array;
  /** workMsPrefix[i] = working milliseconds of the days at indices < i (a counted Saturday morning is a short day). */
  workMsPrefix: Float64Array;
  /** Day numbers of the working days, ascending. */
  workDays: Int32Array;
  openPrefix: Int32Array;
  openDays: Int32Array;
}

export function buildYearTable(
  year: number,
  holidays: HolidayIndex,
  overrides: Map<DayNum, OverrideEntry>,
  rc: ResolvedConfig,
): YearTable {
  assertYearInRange(year);
  const start = dayNumFromYmd(year, 1, 1);
  const length = daysInYear(year);
  const kind = new Uint8Array(length);
  const source = new Uint8Array(length);
  const open = new Uint8Array(length);
  const names = new Map<number, string>();
  const reasons = new Map<number, string>();
  const workPrefix = new Int32Array(length + 1);
  const workMsPrefix = new Float64Array(length + 1);
  const openPrefix = new Int32Array(length + 1);
  const work: number[] = [];
  const opened: number[] = [];
  for (let i = 0; i < length; i++) {
    const d = start + i;
    const wd = weekdayOf(d);
    const weekend = wd === 0 || wd === 6;
    let k = weekend ? K_WEEKEND : K_WORKING;
    let s = weekend ? S_WEEKLY : S_NONE;
    const mark = holidays.markOf(d, year);
    if (mark) {
      k = mark.makeup ? K_MAKEUP : K_DAY_OFF;
      s = mark.source === 'announced' ? S_ANNOUNCED : S_STATUTORY;
      if (mark.name) names.set(i, mark.name);
    }
    const ov = overrides.get(d);
    if (ov) {
      s = S_ADMIN;
      reasons.set(i, ov.reason);
      if (ov.kind === 'day_off') {
        k = K_DAY_OFF;
        names.set(i, NAME_ADMIN_DAY_OFF);
      } else {
        k = weekend ? K_MAKEUP : K_WORKING;
        names.set(i, weekend ? NAME_ADMIN_MAKEUP : NAME_ADMIN_WORKING);
      }
    }
    kind[i] = k;
    source[i] = s;
    const fullDay = k === K_WORKING || k === K_MAKEUP;
    const saturdayMorning = k === K_WEEKEND && wd === 6 && rc.config.saturdayMorningOpen;
    open[i] = fullDay ? O_OFFICE : saturdayMorning ? O_SATURDAY : O_CLOSED;
    // An ordinary Saturday morning is working time only where the center counts it (a holiday Saturday never is; a
    // make-up Saturday is a full working day either way).
    const working = fullDay || (saturdayMorning && rc.config.saturdayMorningCounts);
    if (working) work.push(d);
    if (open[i] !== O_CLOSED) opened.push(d);
    workPrefix[i + 1] = work.length;
    workMsPrefix[i + 1] = workMsPrefix[i] + (fullDay ? rc.workingDayMs : working ? rc.saturdayWorkMs : 0);
    openPrefix[i + 1] = opened.length;
  }
  return {
    year,
    start,
    length,
    kind,
    source,
    open,
    names,
    reasons,
    workPrefix,
    workMsPrefix,
    workDays: Int32Array.from(work),
    openPrefix,
    openDays: Int32Array.from(opened),
  };
}
