/** Configuration of the legal clock (office hours, Saturday reception, same-day rules) and its validation. */
import { CalendarRuleError } from './errors';
import { MINUTE_MS, parseTime } from './time';

export interface TimeRange {
  start: string;
  end: string;
}

export interface CalendarConfig {
  /** Office hours of a working day; working time and reception are counted inside them. */
  officeHours: TimeRange[];
  /** Office hours of a Saturday the center opens for reception (not a working day). */
  saturdayHours: TimeRange[];
  /** Hours when the public is served (informational; reported by dayInfo). */
  publicHours: TimeRange[];
  /** Whether the center receives files on Saturday mornings that are not days off. */
  saturdayMorningOpen: boolean;
  /**
   * Whether Saturday morning counts in time limits ("từ thứ Hai đến sáng thứ Bảy", the Quy chế of some centers): its
   * hours are working time for hour limits and the Saturday is a working day for day limits. Off by default (the
   * national 5-day week); needs saturdayMorningOpen.
   */
  saturdayMorningCounts: boolean;
  sameDay: {
    /** Same-day procedures received before this time are due the same day… */
    morningCutoff: string;
    /** …at this time (capped at the end of that day's office hours)… */
    sameDayDue: string;
    /** …otherwise at this time of the next day the center is open. */
    nextDayDue: string;
  };
}

export type CalendarConfigInput = Partial<Omit<CalendarConfig, 'sameDay'>> & {
  sameDay?: Partial<CalendarConfig['sameDay']>;
};

export const DEFAULT_CALENDAR_CONFIG: CalendarConfig = Object.freeze({
  officeHours: Object.freeze([
    Object.freeze({ start: '07:00', end: '11:30' }),
    Object.freeze({ start: '13:30', end: '17:00' }),
  ]) as TimeRange[],
  saturdayHours: Object.freeze([Object.freeze({ start: '07:00', end: '11:30' })]) as TimeRange[],
  publicHours: Object.freeze([
    Object.freeze({ start: '07:30', end: '11:00' }),
    Object.freeze({ start: '14:00', end: '16:30' }),
  ]) as TimeRange[],
  saturdayMorningOpen: true,
  saturdayMorningCounts: false,
  sameDay: Object.freeze({ morningCutoff: '11:00', sameDayDue: '16:30', nextDayDue: '11:00' }),
}) as CalendarConfig;

/** An interval of a day in milliseconds after local midnight, [start, end). */
export interface MsInterval {
  start: number;
  end: number;
}

export interface ResolvedConfig {
  config: CalendarConfig;
  office: MsInterval[];
  saturday: MsInterval[];
  publicHours: MsInterval[];
  /** Working milliseconds of one working day (sum of office hours). */
  workingDayMs: number;
  /** Working milliseconds of a Saturday morning that counts (sum of Saturday hours; 0 when it does not count). */
  saturdayWorkMs: number;
  morningCutoffMs: number;
  sameDayDueMs: number;
  nextDayDueMs: number;
}

function intervals(ranges: TimeRange[] | undefined, what: string, allowEmpty: boolean): MsInterval[] {
  if (!Array.isArray(ranges) || (!allowEmpty && ranges.length === 0)) {
    throw new CalendarRuleError('INVALID_CONFIG', `Cấu hình ${what} phải là danh sách khung giờ`);
  }
  const out: MsInterval[] = [];
  for (const r of ranges) {
    let start: number;
    let end: number;
    try {
      start = parseTime(r.start) * MINUTE_MS;
      end = parseTime(r.end) * MINUTE_MS;
    } catch {
      throw new CalendarRuleError('INVALID_CONFIG', `Khung giờ ${what} không hợp lệ`);
    }
    const prev = out[out.length - 1];
    if (start >= end || (prev && start < prev.end)) {
      throw new CalendarRuleError('INVALID_CONFIG', `Khung giờ ${what} phải tăng dần và không chồng lấn`);
    }
    out.push({ start, end });
  }
  return out;
}

function timeMs(s: string, what: string): number {
  try {
    return parseTime(s) * MINUTE_MS;
  } catch {
    throw new CalendarRuleError('INVALID_CONFIG', `Giờ ${what} không hợp lệ: ${String(s)}`);
  }
}

/** Merges a partial configuration over the defaults and validates it. */
export function resolveConfig(input: CalendarConfigInput = {}): ResolvedConfig {
  const config: CalendarConfig = {
    officeHours: (input.officeHours ?? DEFAULT_CALENDAR_CONFIG.officeHours).map((r) => ({ ...r })),
    saturdayHours: (input.saturdayHours ?? DEFAULT_CALENDAR_CONFIG.saturdayHours).map((r) => ({ ...r })),
    publicHours: (input.publicHours ?? DEFAULT_CALENDAR_CONFIG.publicHours).map((r) => ({ ...r })),
    saturdayMorningOpen: input.saturdayMorningOpen ?? DEFAULT_CALENDAR_CONFIG.saturdayMorningOpen,
    saturdayMorningCounts: input.saturdayMorningCounts ?? DEFAULT_CALENDAR_CONFIG.saturdayMorningCounts,
    sameDay: { ...DEFAULT_CALENDAR_CONFIG.sameDay, ...(input.sameDay ?? {}) },
  };
  if (typeof config.saturdayMorningOpen !== 'boolean') {
    throw new CalendarRuleError('INVALID_CONFIG', 'Cấu hình saturdayMorningOpen phải là true/false');
  }
  if (typeof config.saturdayMorningCounts !== 'boolean') {
    throw new CalendarRuleError('INVALID_CONFIG', 'Cấu hình saturdayMorningCounts phải là true/false');
  }
  if (config.saturdayMorningCounts && !config.saturdayMorningOpen) {
    throw new CalendarRuleError('INVALID_CONFIG', 'Sáng thứ Bảy chỉ tính vào thời hạn khi Trung tâm làm việc sáng thứ Bảy');
  }
  const office = intervals(config.officeHours, 'làm việc', false);
  const saturday = intervals(config.saturdayHours, 'sáng thứ Bảy', !config.saturdayMorningOpen);
  const sum = (list: MsInterval[]) => list.reduce((s, i) => s + i.end - i.start, 0);
  return {
    config,
    office,
    saturday,
    publicHours: intervals(config.publicHours, 'tiếp công dân', true),
    workingDayMs: sum(office),
    saturdayWorkMs: config.saturdayMorningCounts ? sum(saturday) : 0,
    morningCutoffMs: timeMs(config.sameDay.morningCutoff, 'chốt buổi sáng'),
    sameDayDueMs: timeMs(config.sameDay.sameDayDue, 'trả kết quả trong ngày'),
    nextDayDueMs: timeMs(config.sameDay.nextDayDue, 'trả kết quả ngày hôm sau'),
  };
}

/** Intersection of two sorted interval lists. */
export function intersect(a: MsInterval[], b: MsInterval[]): MsInterval[] {
  const out: MsInterval[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (start < end) out.push({ start, end });
    }
  }
  return out;
}
