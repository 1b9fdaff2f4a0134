/**
 * The work calendar: which dates are working days, which are days off, when the center is open.
 * Built from the holiday file, administrator overrides and a configuration; year tables are built lazily and
 * cached per instance.
 */
import { type CalendarConfig, type CalendarConfigInput, type MsInterval, type ResolvedConfig, type TimeRange, intersect, resolveConfig } from './config';
import { CalendarRuleError } from './errors';
import { type HolidayFile, HolidayIndex } from './holidays';
import { type DayNum, MINUTE_MS, formatDay, formatTime, parseDay, weekdayOf, yearOf } from './time';
import {
  K_DAY_OFF, K_MAKEUP, O_CLOSED, O_OFFICE, O_SATURDAY,
  S_ADMIN, S_ANNOUNCED, S_STATUTORY,
  type OverrideEntry, type YearTable, buildYearTable,
} from './year-table';

export type DayKind = 'working' | 'weekend' | 'day_off' | 'makeup';
export type DaySource = 'announced' | 'statutory' | 'admin' | 'weekly';

export interface CalendarOverride {
  date: string;
  kind: 'day_off' | 'working_day';
  reason: string;
}

export interface DayInfo {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  kind: DayKind;
  /**
   * Counts for time limits: a working weekday, a make-up working day, or an ordinary Saturday where the center
   * counts Saturday morning (then only its morning hours are working time).
   */
  working: boolean;
  /** The center receives files that day (working days, and Saturday mornings when configured). */
  centerOpen: boolean;
  /** Office hours of the center that day ([] when closed). */
  openHours: TimeRange[];
  /** Hours for the public that day (public hours within the open hours). */
  publicHours: TimeRange[];
  /** null for an ordinary Monday–Friday working day; 'weekly' for an ordinary weekend day. */
  source: DaySource | null;
  name?: string;
  /** Reason of an administrator override. */
  reason?: string;
}

export interface YearDay {
  date: string;
  /** 'working' only for an administrator override that turns a weekday off back into a working day. */
  kind: 'day_off' | 'makeup' | 'working';
  source: 'announced' | 'statutory' | 'admin';
  name?: string;
  reason?: string;
}

const KINDS: DayKind[] = ['working', 'weekend', 'day_off', 'makeup'];
const SOURCES: Array<DaySource | null> = [null, 'weekly', 'announced', 'statutory', 'admin'];

const toRanges = (list: MsInterval[]): TimeRange[] =>
  list.map((i) => ({ start: formatTime(i.start / MINUTE_MS), end: formatTime(i.end / MINUTE_MS) }));

export class WorkCalendar {
  readonly config: CalendarConfig;
  /** @internal resolved (millisecond) configuration used by the time computations. */
  readonly rc: ResolvedConfig;
  readonly overrides: readonly CalendarOverride[];
  private readonly holidays: HolidayIndex;
  private readonly overrideMap = new Map<DayNum, OverrideEntry>();
  private readonly years = new Map<number, YearTable>();
  private readonly saturdayPublic: MsInterval[];

  constructor(opts: { holidays: HolidayFile; overrides?: CalendarOverride[]; config?: CalendarConfigInput }) {
    this.rc = resolveConfig(opts.config);
    this.config = this.rc.config;
    this.holidays = new HolidayIndex(opts.holidays);
    this.saturdayPublic = intersect(this.rc.publicHours, this.rc.saturday);
    const overrides = opts.overrides ?? [];
    if (!Array.isArray(overrides)) throw new CalendarRuleError('INVALID_OVERRIDE', 'Danh sách điều chỉnh không hợp lệ');
    for (const o of overrides) {
      if (!o || (o.kind !== 'day_off' && o.kind !== 'working_day')) {
        throw new CalendarRuleError('INVALID_OVERRIDE', 'Loại điều chỉnh phải là "day_off" hoặc "working_day"');
      }
      let d: DayNum;
      try {
        d = parseDay(o.date);
      } catch {
        throw new CalendarRuleError('INVALID_OVERRIDE', `Ngày điều chỉnh không hợp lệ: ${String(o.date)}`);
      }
      // Later entries for the same date win.
      this.overrideMap.set(d, { kind: o.kind, reason: String(o.reason ?? '') });
    }
    this.overrides = overrides.map((o) => ({ ...o }));
  }

  /** Whether the holiday file has an announced public-sector schedule for `year`. */
  isAnnouncedYear(year: number): boolean {
    return this.holidays.isAnnounced(year);
  }

  /** @internal the cached table of a year. */
  table(year: number): YearTable {
    let t = this.years.get(year);
    if (!t) {
      t = buildYearTable(year, this.holidays, this.overrideMap, this.rc);
      this.years.set(year, t);
    }
    return t;
  }

  private locate(d: DayNum): [YearTable, number] {
    const t = this.table(yearOf(d));
    return [t, d - t.start];
  }

  /** @internal */
  isWorkingNum(d: DayNum): boolean {
    const [t, i] = this.locate(d);
    return t.workPrefix[i + 1] !== t.workPrefix[i];
  }

  /** @internal open hours (ms after midnight) of a date; [] when the center is closed. */
  openIntervals(d: DayNum): MsInterval[] {
    const [t, i] = this.locate(d);
    const o = t.open[i];
    return o === O_OFFICE ? this.rc.office : o === O_SATURDAY ? this.rc.saturday : [];
  }

  /** @internal working hours (ms after midnight) of a date: office hours, a counted Saturday's morning, or []. */
  workIntervals(d: DayNum): MsInterval[] {
    return this.isWorkingNum(d) ? this.openIntervals(d) : [];
  }

  /** @internal working milliseconds of the days d with from ≤ d < to (0 if to ≤ from). */
  workingMsInRange(from: DayNum, to: DayNum): number {
    if (to <= from) return 0;
    const [ta, ia] = this.locate(from);
    const [tb, ib] = this.locate(to);
    if (ta.year === tb.year) return ta.workMsPrefix[ib] - ta.workMsPrefix[ia];
    let ms = ta.workMsPrefix[ta.length] - ta.workMsPrefix[ia];
    for (let y = ta.year + 1; y < tb.year; y++) {
      const t = this.table(y);
      ms += t.workMsPrefix[t.length];
    }
    return ms + tb.workMsPrefix[ib];
  }

  /**
   * @internal the first working day t after d by which `ms` (> 0) working milliseconds have elapsed counting whole
   * days after d, and the milliseconds still to run on t itself (0 < rest ≤ working ms of t).
   */
  dayReachingWorkMs(d: DayNum, ms: number): { day: DayNum; rest: number } {
    const [first, i] = this.locate(d);
    let t = first;
    let from = i + 1;
    let avail = t.workMsPrefix[t.length] - t.workMsPrefix[from];
    while (ms > avail) {
      ms -= avail;
      t = this.table(t.year + 1);
      from = 0;
      avail = t.workMsPrefix[t.length];
    }
    // Smallest j ≥ from with workMsPrefix[j + 1] − workMsPrefix[from] ≥ ms (the prefix never decreases).
    const base = t.workMsPrefix[from];
    let lo = from;
    let hi = t.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t.workMsPrefix[mid + 1] - base >= ms) hi = mid;
      else lo = mid + 1;
    }
    return { day: t.start + lo, rest: ms - (t.workMsPrefix[lo] - base) };
  }

  /** @internal the end of the working hours of a working day, as ms after midnight. */
  endOfWork(d: DayNum): number {
    const list = this.workIntervals(d);
    /* c8 ignore next */
    if (!list.length) throw new Error('not a working day');
    return list[list.length - 1].end;
  }

  /** @internal the n-th (n ≥ 1) working day strictly after d. */
  nthWorkingAfter(d: DayNum, n: number): DayNum {
    return this.nthAfter(d, n, (t) => t.workPrefix, (t) => t.workDays);
  }

  /** @internal the n-th (n ≥ 1) open day strictly after d. */
  nthOpenAfter(d: DayNum, n: number): DayNum {
    return this.nthAfter(d, n, (t) => t.openPrefix, (t) => t.openDays);
  }

  private nthAfter(
    d: DayNum,
    n: number,
    prefix: (t: YearTable) => Int32Array,
    days: (t: YearTable) => Int32Array,
  ): DayNum {
    const [first, i] = this.locate(d);
    let t = first;
    let before = prefix(t)[i + 1];
    let avail = days(t).length - before;
    while (n > avail) {
      n -= avail;
      t = this.table(t.year + 1);
      before = 0;
      avail = days(t).length;
    }
    return days(t)[before + n - 1];
  }

  /** @internal number of working days d with from ≤ d < to (0 if to ≤ from). */
  workingDaysInRange(from: DayNum, to: DayNum): number {
    if (to <= from) return 0;
    const [ta, ia] = this.locate(from);
    const [tb, ib] = this.locate(to);
    if (ta.year === tb.year) return ta.workPrefix[ib] - ta.workPrefix[ia];
    let count = ta.workDays.length - ta.workPrefix[ia];
    for (let y = ta.year + 1; y < tb.year; y++) count += this.table(y).workDays.length;
    return count + tb.workPrefix[ib];
  }

  /** Everything about one date ('YYYY-MM-DD'). */
  dayInfo(date: string): DayInfo {
    const d = parseDay(date);
    const [t, i] = this.locate(d);
    const o = t.open[i];
    const info: DayInfo = {
      date: formatDay(d),
      weekday: weekdayOf(d),
      kind: KINDS[t.kind[i]],
      working: t.workPrefix[i + 1] !== t.workPrefix[i],
      centerOpen: o !== O_CLOSED,
      openHours: toRanges(this.openIntervals(d)),
      publicHours: toRanges(
        o === O_OFFICE ? intersect(this.rc.publicHours, this.rc.office) : o === O_SATURDAY ? this.saturdayPublic : [],
      ),
      source: SOURCES[t.source[i]],
    };
    const name = t.names.get(i);
    if (name) info.name = name;
    const reason = t.reasons.get(i);
    if (reason !== undefined) info.reason = reason;
    return info;
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingNum(parseDay(date));
  }

  isCenterOpen(date: string): boolean {
    return this.openIntervals(parseDay(date)).length > 0;
  }

  /**
   * The exceptions of a year, sorted by date: every Monday–Friday day off, every make-up working day, and every
   * date with an administrator override. Weekend dates inside an off period are NOT listed (they are days off
   * anyway; dayInfo reports them as kind 'day_off' with centerOpen false).
   */
  yearDays(year: number): YearDay[] {
    const t = this.table(year);
    const out: YearDay[] = [];
    for (let i = 0; i < t.length; i++) {
      const k = t.kind[i];
      const s = t.source[i];
      const weekdayOff = k === K_DAY_OFF && !(weekdayOf(t.start + i) % 6 === 0);
      if (!(s === S_ADMIN || weekdayOff || k === K_MAKEUP)) continue;
      const item: YearDay = {
        date: formatDay(t.start + i),
        kind: k === K_DAY_OFF ? 'day_off' : k === K_MAKEUP ? 'makeup' : 'working',
        source: s === S_ANNOUNCED ? 'announced' : s === S_STATUTORY ? 'statutory' : 'admin',
      };
      const name = t.names.get(i);
      if (name) item.name = name;
      const reason = t.reasons.get(i);
      if (reason !== undefined) item.reason = reason;
      out.push(item);
    }
    return out;
  }
}

export function createWorkCalendar(opts: {
  holidays: HolidayFile;
  overrides?: CalendarOverride[];
  config?: CalendarConfigInput;
}): WorkCalendar {
  return new WorkCalendar(opts);
}
