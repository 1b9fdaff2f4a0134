import { describe, expect, it } from 'vitest';
import { CalendarRuleError } from './errors';
import { lunarToSolar, lunarYearMarkers, solarToLunar } from './lunar';
import { holidays } from '../../../../test/support/calendar-instants';

const ymd = (s: { year: number; month: number; day: number }) =>
  `${s.year}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
const parts = (s: string) => s.split('-').map(Number) as [number, number, number];

const fileYears = Object.entries(holidays.years).map(([y, e]) => ({
  year: Number(y),
  tet: e.tet_lunar_new_year as string,
  hung: e.hung_kings as string,
  giaoThua: e.giao_thua as string,
  giaoThuaDay: Number((e.giao_thua_lunar_day as string).split('/')[0]),
}));

// 2028–2031 worked out independently: local (UTC+7) day of the astronomical new moons (astronomy-engine
// 2.1.19): 2028-01-26 22:13, 2029-02-13 17:32, 2030-02-02 23:08 (00:08 on 3 Feb in UTC+8, so the Chinese New
// Year is 2030-02-03 but Tết in Vietnam is 2030-02-02), 2031-01-23 11:31; month 3 starts 2028-03-26,
// 2029-04-14, 2030-04-03, 2031-03-23 → Hùng Kings = that + 9 days.
const laterYears = [
  { year: 2028, tet: '2028-01-26', hung: '2028-04-04', giaoThua: '2028-01-25', giaoThuaDay: 29 },
  { year: 2029, tet: '2029-02-13', hung: '2029-04-23', giaoThua: '2029-02-12', giaoThuaDay: 29 },
  { year: 2030, tet: '2030-02-02', hung: '2030-04-12', giaoThua: '2030-02-01', giaoThuaDay: 29 },
  { year: 2031, tet: '2031-01-23', hung: '2031-04-01', giaoThua: '2031-01-22', giaoThuaDay: 29 },
];

describe('lunar calendar (Hồ Ngọc Đức, UTC+7)', () => {
  it('the holiday file covers 2017–2027', () => {
    expect(fileYears.map((y) => y.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
  });

  it.each([...fileYears, ...laterYears])('$year: Tết $tet, giao thừa $giaoThua, Hùng Kings $hung', (c) => {
    const m = lunarYearMarkers(c.year);
    expect(ymd(m.tet)).toBe(c.tet);
    expect(ymd(m.giaoThua)).toBe(c.giaoThua);
    expect(m.giaoThuaLunarDay).toBe(c.giaoThuaDay);
    expect(ymd(m.hungKings)).toBe(c.hung);
    expect(ymd(lunarToSolar(1, 1, c.year, false))).toBe(c.tet);
    expect(ymd(lunarToSolar(10, 3, c.year, false))).toBe(c.hung);
    expect(solarToLunar(...parts(c.tet))).toEqual({ day: 1, month: 1, year: c.year, isLeapMonth: false });
    expect(solarToLunar(...parts(c.hung))).toEqual({ day: 10, month: 3, year: c.year, isLeapMonth: false });
    expect(solarToLunar(...parts(c.giaoThua))).toEqual({
      day: c.giaoThuaDay,
      month: 12,
      year: c.year - 1,
      isLeapMonth: false,
    });
  });

  it('2030 differs between Vietnam (UTC+7) and China (UTC+8)', () => {
    expect(ymd(lunarYearMarkers(2030).tet)).toBe('2030-02-02');
    expect(ymd(lunarYearMarkers(2030, 8).tet)).toBe('2030-02-03');
  });

  // Months that start a day earlier in Vietnam than in China (file: vn_vs_chinese_calendar_differences).
  it.each([
    { vn: '2018-11-07', cn: '2018-11-08', month: 10, year: 2018 },
    { vn: '2019-03-06', cn: '2019-03-07', month: 2, year: 2019 },
    { vn: '2020-12-14', cn: '2020-12-15', month: 11, year: 2020 },
  ])('month $month/$year starts on $vn in Vietnam ($cn in China)', (c) => {
    expect(solarToLunar(...parts(c.vn))).toEqual({ day: 1, month: c.month, year: c.year, isLeapMonth: false });
    expect(solarToLunar(...parts(c.vn), 8).day).not.toBe(1);
    expect(solarToLunar(...parts(c.cn), 8)).toEqual({ day: 1, month: c.month, year: c.year, isLeapMonth: false });
  });

  it.each([
    // 2023 (Quý Mão) has a leap 2nd month starting 2023-03-22; month 3 starts 2023-04-20.
    { solar: '2023-03-21', lunar: { day: 30, month: 2, year: 2023, isLeapMonth: false } },
    { solar: '2023-03-22', lunar: { day: 1, month: 2, year: 2023, isLeapMonth: true } },
    { solar: '2023-04-20', lunar: { day: 1, month: 3, year: 2023, isLeapMonth: false } },
    // Mid-autumn 2024 (15/8 Giáp Thìn) was 2024-09-17; the lunar year 2024 ended on 2025-01-28 (29 Chạp).
    { solar: '2024-09-17', lunar: { day: 15, month: 8, year: 2024, isLeapMonth: false } },
    { solar: '2025-01-28', lunar: { day: 29, month: 12, year: 2024, isLeapMonth: false } },
    // 2025 (Ất Tỵ) has a leap 6th month: new moon 2025-07-24 19:11 UTC = 25 July 02:11 in Vietnam.
    { solar: '2025-07-25', lunar: { day: 1, month: 6, year: 2025, isLeapMonth: true } },
    { solar: '2025-06-25', lunar: { day: 1, month: 6, year: 2025, isLeapMonth: false } },
  ])('solar $solar ↔ lunar', (c) => {
    expect(solarToLunar(...parts(c.solar))).toEqual(c.lunar);
    expect(ymd(lunarToSolar(c.lunar.day, c.lunar.month, c.lunar.year, c.lunar.isLeapMonth))).toBe(c.solar);
  });

  it('round-trips every day of 2016–2032', () => {
    let d = Date.UTC(2016, 0, 1);
    let checked = 0;
    while (d < Date.UTC(2033, 0, 1)) {
      const s = new Date(d).toISOString().slice(0, 10);
      const l = solarToLunar(...parts(s));
      expect(ymd(lunarToSolar(l.day, l.month, l.year, l.isLeapMonth))).toBe(s);
      d += 86_400_000;
      checked++;
    }
    expect(checked).toBe(6210);
  });

  it.each([
    ['a leap 3rd month in 2023', () => lunarToSolar(1, 3, 2023, true)],
    ['a leap 6th month in 2024 (the leap 6th month is in 2025)', () => lunarToSolar(1, 6, 2024, true)],
    ['30 Chạp of a 29-day month (lunar year 2024)', () => lunarToSolar(30, 12, 2024)],
    ['day 31', () => lunarToSolar(31, 1, 2025)],
    ['month 13', () => lunarToSolar(1, 13, 2025)],
  ])('rejects %s', (_name, fn) => {
    expect(fn).toThrowError(CalendarRuleError);
  });
});
