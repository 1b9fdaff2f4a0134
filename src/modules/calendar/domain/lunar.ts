/**
 * Vietnamese lunar calendar after Hồ Ngọc Đức's algorithm ("Âm lịch Việt Nam", astronomical new moons and
 * solar terms computed for the meridian UTC+7). Pure arithmetic on Julian day numbers.
 *
 * Rules: a month starts on the local day of the new moon; month 11 contains the winter solstice; in a year with
 * 13 months the leap month is the first one after month 11 that contains no major solar term (trung khí).
 */
import { CalendarRuleError } from './errors';

export const VN_TIME_ZONE_HOURS = 7;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  isLeapMonth: boolean;
}

export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

const INT = Math.floor;
const PI = Math.PI;
const SYNODIC = 29.530588853;
const K0 = 2415021.076998695; // JD of the new moon of 1900-01-01 (k = 0)

/** Gregorian (Julian before 1582-10-15) date → Julian day number. */
export function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = INT((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  let jd = dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
  if (jd < 2299161) jd = dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - 32083;
  return jd;
}

/** Julian day number → Gregorian (Julian before 1582-10-15) date. */
export function jdToDate(jd: number): SolarDate {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = INT((4 * a + 3) / 146097);
    c = a - INT((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = INT((4 * c + 3) / 1461);
  const e = c - INT((1461 * d) / 4);
  const m = INT((5 * e + 2) / 153);
  return {
    day: e - INT((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * INT(m / 10),
    year: b * 100 + d - 4800 + INT(m / 10),
  };
}

/** Julian date (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltat =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltat;
}

/** Sun's apparent longitude (radians, 0..2π) at Julian date `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L = L - PI * 2 * INT(L / (PI * 2));
  return L;
}

/** Local day (JDN) of the k-th new moon. */
function newMoonDay(k: number, tz: number): number {
  return INT(newMoon(k) + 0.5 + tz / 24);
}

/** Index 0..11 of the 30° sector the sun is in at the start of local day `dayNumber`. */
function sunLongitudeSector(dayNumber: number, tz: number): number {
  return INT((sunLongitude(dayNumber - 0.5 - tz / 24) / PI) * 6);
}

/** JDN of the first day of lunar month 11 of the lunar year ending in Gregorian year `yy`. */
function lunarMonth11(yy: number, tz: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021;
  const k = INT(off / SYNODIC);
  let nm = newMoonDay(k, tz);
  if (sunLongitudeSector(nm, tz) >= 9) nm = newMoonDay(k - 1, tz);
  return nm;
}

/** Offset (in months after month 11 starting on a11) of the leap month of a 13-month year. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = INT((a11 - K0) / SYNODIC + 0.5);
  let last: number;
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

function assertInt(v: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new CalendarRuleError('INVALID_LUNAR_DATE', `${what} không hợp lệ: ${String(v)}`);
  }
}

/** Gregorian date → Vietnamese lunar date. */
export function solarToLunar(yy: number, mm: number, dd: number, tz = VN_TIME_ZONE_HOURS): LunarDate {
  assertInt(yy, 1800, 2199, 'Năm');
  assertInt(mm, 1, 12, 'Tháng');
  assertInt(dd, 1, 31, 'Ngày');
  const dayNumber = jdFromDate(dd, mm, yy);
  const k = INT((dayNumber - K0) / SYNODIC);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(yy, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = lunarMonth11(yy - 1, tz);
  } else {
    lunarYear = yy + 1;
    b11 = lunarMonth11(yy + 1, tz);
  }
  const lunarDay = dayNumber - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let isLeapMonth = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      if (diff === leapDiff) isLeapMonth = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { day: lunarDay, month: lunarMonth, year: lunarYear, isLeapMonth };
}

/** JDN of the first day of the given lunar month, or null if that month is not a leap month of that year. */
function lunarMonthStart(month: number, year: number, isLeapMonth: boolean, tz: number): number | null {
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, tz);
    b11 = lunarMonth11(year, tz);
  } else {
    a11 = lunarMonth11(year, tz);
    b11 = lunarMonth11(year + 1, tz);
  }
  const k = INT(0.5 + (a11 - K0) / SYNODIC);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (isLeapMonth && month !== leapMonth) return null;
    if (isLeapMonth || off >= leapOff) off += 1;
  } else if (isLeapMonth) {
    return null;
  }
  return newMoonDay(k + off, tz);
}

/** Vietnamese lunar date → Gregorian date. Throws if the (leap) month does not exist or the day exceeds it. */
export function lunarToSolar(
  day: number,
  month: number,
  year: number,
  isLeapMonth = false,
  tz = VN_TIME_ZONE_HOURS,
): SolarDate {
  assertInt(year, 1800, 2199, 'Năm âm lịch');
  assertInt(month, 1, 12, 'Tháng âm lịch');
  assertInt(day, 1, 30, 'Ngày âm lịch');
  const start = lunarMonthStart(month, year, isLeapMonth, tz);
  if (start === null) {
    throw new CalendarRuleError('INVALID_LUNAR_DATE', `Năm âm lịch ${year} không có tháng ${month} nhuận`);
  }
  const length = lunarMonthLength(start, tz);
  if (day > length) {
    throw new CalendarRuleError('INVALID_LUNAR_DATE', `Tháng ${month}/${year} âm lịch chỉ có ${length} ngày`);
  }
  return jdToDate(start + day - 1);
}

/** Number of days (29 or 30) of the lunar month starting on JDN `start`. */
function lunarMonthLength(start: number, tz: number): number {
  const k = INT((start - K0) / SYNODIC + 0.5);
  for (const kk of [k, k - 1, k + 1]) {
    if (newMoonDay(kk, tz) === start) return newMoonDay(kk + 1, tz) - start;
  }
  /* c8 ignore next */
  return 30;
}

/** Tết (1/1), giao thừa (last day of the previous lunar year) and Hùng Kings' day (10/3) of lunar year `year`. */
export function lunarYearMarkers(year: number, tz = VN_TIME_ZONE_HOURS): {
  tet: SolarDate;
  giaoThua: SolarDate;
  giaoThuaLunarDay: number;
  hungKings: SolarDate;
} {
  const tetJd = jdFromDate(...solarTriple(lunarToSolar(1, 1, year, false, tz)));
  const giaoThua = jdToDate(tetJd - 1);
  const gtLunar = solarToLunar(giaoThua.year, giaoThua.month, giaoThua.day, tz);
  return {
    tet: jdToDate(tetJd),
    giaoThua,
    giaoThuaLunarDay: gtLunar.day,
    hungKings: lunarToSolar(10, 3, year, false, tz),
  };
}

function solarTriple(s: SolarDate): [number, number, number] {
  return [s.day, s.month, s.year];
}
