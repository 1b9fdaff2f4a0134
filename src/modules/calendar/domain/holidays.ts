/**
 * Days off and make-up working days from the holiday file (announced public-sector schedules) or, for years
 * the file does not mark "announced", derived from the Labour Code rules (statutory fallback).
 *
 * The file is passed in by the caller (see HolidayFile); this module never reads it.
 */
import { CalendarRuleError } from './errors';
import { lunarYearMarkers, type SolarDate } from './lunar';
import { type DayNum, dayNumFromYmd, isWeekend, parseDay, yearOf } from './time';

/** One year of data/seed/vn-holidays.json (only the fields the engine uses are required). */
export interface HolidayYearEntry {
  status: string;
  tet_lunar_new_year?: string | null;
  hung_kings?: string | null;
  giao_thua?: string | null;
  giao_thua_lunar_day?: string | null;
  statutory_holidays?: Record<string, string[] | null> | null;
  compensatory_days_nghi_bu?: string[] | null;
  statutory_days_off?: string[] | null;
  public_sector_days_off_announced?: string[] | null;
  makeup_working_days?: string[] | null;
  swapped_days_off?: string[] | null;
  non_working_weekdays_public_sector?: string[] | null;
  notes?: string;
}

/** The holiday file (data/seed/vn-holidays.json): `years` maps 'YYYY' to that year's entry. */
export interface HolidayFile {
  years: Record<string, HolidayYearEntry>;
  field_definitions?: Record<string, string>;
}

export type MarkSource = 'announced' | 'statutory';

/** What the holiday data says about one date (dates without a mark follow the weekly pattern). */
export interface DayMark {
  /** true: a make-up working day (ngày làm bù); false: a day off (the center is closed). */
  makeup: boolean;
  source: MarkSource;
  name: string;
}

/** Vietnamese names of the categories of `statutory_holidays`. */
export const HOLIDAY_NAMES: Record<string, string> = {
  tet_duong_lich: 'Tết Dương lịch',
  tet_am_lich_5_days: 'Tết Nguyên đán',
  gio_to_hung_vuong: 'Giỗ Tổ Hùng Vương',
  ngay_chien_thang_30_4: 'Ngày Chiến thắng (30/4)',
  quoc_te_lao_dong_1_5: 'Ngày Quốc tế Lao động (1/5)',
  quoc_khanh: 'Quốc khánh',
};
export const NAME_COMPENSATORY = 'Nghỉ bù';
export const NAME_SWAPPED = 'Nghỉ hoán đổi';
export const NAME_MAKEUP = 'Ngày làm bù';
const NAME_GENERIC = 'Nghỉ lễ';

const list = (v: string[] | null | undefined, what: string): string[] => {
  if (v == null) return [];
  if (!Array.isArray(v)) throw new CalendarRuleError('INVALID_HOLIDAY_DATA', `Dữ liệu ngày nghỉ sai: ${what}`);
  return v;
};

/** Index of the holiday file: announced marks for all announced years, statutory marks computed lazily. */
export class HolidayIndex {
  private readonly announcedYears = new Set<number>();
  private readonly announced = new Map<DayNum, DayMark>();
  private readonly statutory = new Map<number, Map<DayNum, DayMark>>();

  constructor(file: HolidayFile) {
    if (!file || typeof file !== 'object' || !file.years || typeof file.years !== 'object') {
      throw new CalendarRuleError('INVALID_HOLIDAY_DATA', 'Dữ liệu ngày nghỉ lễ không hợp lệ (thiếu "years")');
    }
    const names = new Map<DayNum, string>();
    const offDays: DayNum[] = [];
    for (const [key, entry] of Object.entries(file.years)) {
      if (!/^\d{4}$/.test(key) || !entry || entry.status !== 'announced') continue;
      const year = Number(key);
      this.announcedYears.add(year);
      for (const [cat, dates] of Object.entries(entry.statutory_holidays ?? {})) {
        for (const s of list(dates, cat)) names.set(parseDay(s), HOLIDAY_NAMES[cat] ?? NAME_GENERIC);
      }
      const comp = new Set(list(entry.compensatory_days_nghi_bu, 'compensatory_days_nghi_bu').map(parseDay));
      const swapped = new Set(list(entry.swapped_days_off, 'swapped_days_off').map(parseDay));
      const weekdaysOff = list(entry.non_working_weekdays_public_sector, 'non_working_weekdays_public_sector');
      const periods = list(entry.public_sector_days_off_announced, 'public_sector_days_off_announced');
      // Every weekday off, and every weekend date inside an announced off period (those Saturdays are closed).
      for (const s of [...weekdaysOff, ...periods]) {
        const d = parseDay(s);
        if (yearOf(d) !== year) {
          throw new CalendarRuleError('INVALID_HOLIDAY_DATA', `Ngày ${s} không thuộc năm ${year}`);
        }
        if (!this.announced.has(d)) offDays.push(d);
        const name = comp.has(d) ? NAME_COMPENSATORY : swapped.has(d) ? NAME_SWAPPED : '';
        this.announced.set(d, { makeup: false, source: 'announced', name });
      }
      for (const s of list(entry.makeup_working_days, 'makeup_working_days')) {
        this.announced.set(parseDay(s), { makeup: true, source: 'announced', name: NAME_MAKEUP });
      }
    }
    this.nameAnnouncedDays(offDays, names);
  }

  /**
   * Holiday names: a statutory holiday keeps its own name; other dates of an off period (weekends, swapped
   * days without a name) get 'Nghỉ <holidays of that period>' — periods are runs of consecutive dates.
   */
  private nameAnnouncedDays(offDays: DayNum[], names: Map<DayNum, string>): void {
    offDays.sort((a, b) => a - b);
    let i = 0;
    while (i < offDays.length) {
      let j = i;
      while (j + 1 < offDays.length && offDays[j + 1] === offDays[j] + 1) j++;
      const run = offDays.slice(i, j + 1);
      const runNames = [...new Set(run.map((d) => names.get(d)).filter((n): n is string => !!n))];
      const fallback = runNames.length ? `Nghỉ ${runNames.join(' và ')}` : NAME_GENERIC;
      for (const d of run) {
        const mark = this.announced.get(d);
        if (mark && !mark.makeup) mark.name = names.get(d) ?? (mark.name || fallback);
      }
      i = j + 1;
    }
  }

  isAnnounced(year: number): boolean {
    return this.announcedYears.has(year);
  }

  /** The mark of a date, from the announced schedule of its year or from the statutory rules. */
  markOf(day: DayNum, year: number): DayMark | undefined {
    if (this.announcedYears.has(year)) return this.announced.get(day);
    let marks = this.statutory.get(year);
    if (!marks) {
      marks = statutoryMarks(year);
      this.statutory.set(year, marks);
    }
    return marks.get(day);
  }
}

const solarNum = (s: SolarDate) => dayNumFromYmd(s.year, s.month, s.day);

/** The statutory holidays of `year` (Labour Code 2019 art.112 list, nominal dates incl. weekends). */
export function statutoryHolidays(year: number): Array<{ day: DayNum; name: string }> {
  const lunar = lunarYearMarkers(year);
  const tet = solarNum(lunar.tet);
  const out = [
    { day: dayNumFromYmd(year, 1, 1), name: HOLIDAY_NAMES.tet_duong_lich },
    // Giao thừa (last day of the lunar year) + mùng 1–4.
    ...[-1, 0, 1, 2, 3].map((k) => ({ day: tet + k, name: HOLIDAY_NAMES.tet_am_lich_5_days })),
    { day: solarNum(lunar.hungKings), name: HOLIDAY_NAMES.gio_to_hung_vuong },
    { day: dayNumFromYmd(year, 4, 30), name: HOLIDAY_NAMES.ngay_chien_thang_30_4 },
    { day: dayNumFromYmd(year, 5, 1), name: HOLIDAY_NAMES.quoc_te_lao_dong_1_5 },
    { day: dayNumFromYmd(year, 9, 1), name: HOLIDAY_NAMES.quoc_khanh },
    { day: dayNumFromYmd(year, 9, 2), name: HOLIDAY_NAMES.quoc_khanh },
  ];
  return out.sort((a, b) => a.day - b.day);
}

/**
 * Statutory days off of `year`: every holiday (closed, even on a weekend) plus one compensatory weekday
 * (nghỉ bù) for each holiday falling on Saturday or Sunday — the first weekday after it that is neither a
 * holiday nor an already assigned compensatory day (so they stack up after a block of holidays).
 * Two holidays on the same date count once.
 */
export function statutoryMarks(year: number): Map<DayNum, DayMark> {
  const marks = new Map<DayNum, DayMark>();
  const holidays = statutoryHolidays(year);
  for (const h of holidays) {
    if (!marks.has(h.day)) marks.set(h.day, { makeup: false, source: 'statutory', name: h.name });
  }
  const seen = new Set<DayNum>();
  for (const h of holidays) {
    if (seen.has(h.day) || !isWeekend(h.day)) continue;
    seen.add(h.day);
    let c = h.day + 1;
    while (isWeekend(c) || marks.has(c)) c++;
    marks.set(c, { makeup: false, source: 'statutory', name: NAME_COMPENSATORY });
  }
  return marks;
}
