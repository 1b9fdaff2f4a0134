import { describe, expect, it } from 'vitest';
import { CalendarRuleError } from './errors';
import type { HolidayFile } from './holidays';
import { holidays } from '../../../../test/support/calendar-instants';
import { createWorkCalendar } from './work-calendar';

const cal = createWorkCalendar({ holidays });
const isWeekend = (s: string) => [0, 6].includes(new Date(`${s}T00:00:00Z`).getUTCDay());

const announced = Object.entries(holidays.years)
  .filter(([, e]) => e.status === 'announced')
  .map(([y, e]) => ({
    year: Number(y),
    weekdaysOff: e.non_working_weekdays_public_sector ?? [],
    makeup: e.makeup_working_days ?? [],
    weekendOff: (e.public_sector_days_off_announced ?? []).filter(isWeekend),
  }));

describe('announced public-sector schedules 2017–2026', () => {
  it('has exactly the ten announced years', () => {
    expect(announced.map((a) => a.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(cal.isAnnouncedYear(2026)).toBe(true);
    expect(cal.isAnnouncedYear(2027)).toBe(false);
  });

  it.each(announced)('$year: weekdays off, make-up Saturdays and closed weekends', (a) => {
    for (const d of a.weekdaysOff) {
      expect(cal.dayInfo(d), d).toMatchObject({ kind: 'day_off', working: false, centerOpen: false, source: 'announced' });
    }
    for (const d of a.makeup) {
      expect(cal.dayInfo(d), d).toMatchObject({ kind: 'makeup', working: true, centerOpen: true, source: 'announced' });
    }
    for (const d of a.weekendOff) {
      expect(cal.dayInfo(d), d).toMatchObject({ kind: 'day_off', working: false, centerOpen: false, openHours: [] });
    }
    const listed = cal.yearDays(a.year);
    expect(listed.map((x) => x.date)).toEqual([...a.weekdaysOff, ...a.makeup].sort());
    expect(new Set(listed.map((x) => x.source))).toEqual(new Set(['announced']));
  });
});

describe('dayInfo', () => {
  it.each([
    // date, kind, working, centerOpen, source, name
    ['2025-01-27', 'day_off', false, false, 'announced', 'Tết Nguyên đán'],
    ['2025-01-25', 'day_off', false, false, 'announced', 'Nghỉ Tết Nguyên đán'],
    ['2025-02-03', 'working', true, true, null, undefined],
    ['2025-04-26', 'makeup', true, true, 'announced', 'Ngày làm bù'],
    ['2025-05-02', 'day_off', false, false, 'announced', 'Nghỉ hoán đổi'],
    ['2025-05-03', 'day_off', false, false, 'announced', 'Nghỉ Ngày Chiến thắng (30/4) và Ngày Quốc tế Lao động (1/5)'],
    ['2025-03-15', 'weekend', false, true, 'weekly', undefined],
    ['2025-03-16', 'weekend', false, false, 'weekly', undefined],
    ['2017-01-31', 'day_off', false, false, 'announced', 'Nghỉ bù'],
    ['2018-12-31', 'day_off', false, false, 'announced', 'Nghỉ hoán đổi'],
    ['2019-01-05', 'makeup', true, true, 'announced', 'Ngày làm bù'],
    ['2019-05-04', 'makeup', true, true, 'announced', 'Ngày làm bù'],
    ['2024-04-29', 'day_off', false, false, 'announced', 'Nghỉ hoán đổi'],
    ['2024-05-04', 'makeup', true, true, 'announced', 'Ngày làm bù'],
    ['2026-01-02', 'day_off', false, false, 'announced', 'Nghỉ hoán đổi'],
    ['2026-01-10', 'makeup', true, true, 'announced', 'Ngày làm bù'],
    ['2026-04-27', 'day_off', false, false, 'announced', 'Nghỉ bù'],
    ['2026-08-22', 'makeup', true, true, 'announced', 'Ngày làm bù'],
    ['2026-08-31', 'day_off', false, false, 'announced', 'Nghỉ hoán đổi'],
    ['2026-11-24', 'working', true, true, null, undefined], // Culture Day: pending, not yet statutory
    ['2023-04-29', 'day_off', false, false, 'announced', 'Giỗ Tổ Hùng Vương'], // a Saturday
    ['2023-05-03', 'day_off', false, false, 'announced', 'Nghỉ bù'],
    ['2022-12-31', 'day_off', false, false, 'announced', 'Nghỉ Tết Dương lịch'], // opens the 2023 New Year
    ['2016-02-12', 'day_off', false, false, 'statutory', 'Nghỉ bù'],
    ['2027-02-05', 'day_off', false, false, 'statutory', 'Tết Nguyên đán'], // giao thừa
    ['2027-02-06', 'day_off', false, false, 'statutory', 'Tết Nguyên đán'], // a Saturday holiday: closed
    ['2027-05-01', 'day_off', false, false, 'statutory', 'Ngày Quốc tế Lao động (1/5)'],
    ['2027-05-03', 'day_off', false, false, 'statutory', 'Nghỉ bù'],
    ['2027-05-08', 'weekend', false, true, 'weekly', undefined],
    ['2028-05-02', 'day_off', false, false, 'statutory', 'Nghỉ bù'],
    ['2030-02-06', 'day_off', false, false, 'statutory', 'Nghỉ bù'],
    ['2030-02-08', 'working', true, true, null, undefined],
    ['2031-09-01', 'day_off', false, false, 'statutory', 'Quốc khánh'],
  ])('%s → %s', (date, kind, working, centerOpen, source, name) => {
    const info = cal.dayInfo(date);
    expect(info).toMatchObject({ date, kind, working, centerOpen, source });
    expect(info.name).toBe(name);
  });

  it('reports office and public hours of a working day and an open Saturday', () => {
    expect(cal.dayInfo('2025-03-14')).toMatchObject({
      weekday: 5,
      openHours: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
      publicHours: [{ start: '07:30', end: '11:00' }, { start: '14:00', end: '16:30' }],
    });
    expect(cal.dayInfo('2025-03-15')).toMatchObject({
      weekday: 6,
      openHours: [{ start: '07:00', end: '11:30' }],
      publicHours: [{ start: '07:30', end: '11:00' }],
    });
  });

  it('closes ordinary Saturdays when saturdayMorningOpen is false, but not make-up Saturdays', () => {
    const closed = createWorkCalendar({ holidays, config: { saturdayMorningOpen: false } });
    expect(closed.dayInfo('2025-03-15')).toMatchObject({ kind: 'weekend', centerOpen: false, openHours: [] });
    expect(closed.dayInfo('2025-04-26')).toMatchObject({ kind: 'makeup', centerOpen: true, working: true });
  });

  it.each(['2025-02-30', '2025-2-3', '25-01-01', '', '1800-01-01'])('rejects the day %j', (d) => {
    expect(() => cal.dayInfo(d)).toThrowError(CalendarRuleError);
  });
});

describe('statutory fallback (years not announced)', () => {
  // Worked out by hand: holidays 1/1, giao thừa + mùng 1–4, 10/3 lunar, 30/4, 1/5, 1/9, 2/9; a holiday on
  // Sat/Sun gives the next weekday that is neither a holiday nor already a compensatory day.
  it.each([
    [2016, ['01-01', '02-08', '02-09', '02-10', '02-11', '02-12', '04-18', '05-02', '05-03', '09-01', '09-02']],
    [2027, ['01-01', '02-05', '02-08', '02-09', '02-10', '02-11', '04-16', '04-30', '05-03', '09-01', '09-02']],
    [2028, ['01-03', '01-25', '01-26', '01-27', '01-28', '01-31', '04-04', '05-01', '05-02', '09-01', '09-04']],
    [2029, ['01-01', '02-12', '02-13', '02-14', '02-15', '02-16', '04-23', '04-30', '05-01', '09-03', '09-04']],
    [2030, ['01-01', '02-01', '02-04', '02-05', '02-06', '02-07', '04-12', '04-30', '05-01', '09-02', '09-03']],
    [2031, ['01-01', '01-22', '01-23', '01-24', '01-27', '01-28', '04-01', '04-30', '05-01', '09-01', '09-02']],
  ])('%i: weekdays off', (year, days) => {
    const listed = cal.yearDays(year);
    expect(listed.map((x) => x.date)).toEqual(days.map((d) => `${year}-${d}`));
    expect(listed.every((x) => x.kind === 'day_off' && x.source === 'statutory')).toBe(true);
  });

  it.each([
    ['2028-01-01', 'Tết Dương lịch'], // Saturday → Mon 3 Jan
    ['2028-01-29', 'Tết Nguyên đán'], // Saturday mùng 4 → Mon 31 Jan
    ['2028-04-30', 'Ngày Chiến thắng (30/4)'], // Sunday; Mon 1/5 is a holiday → Tue 2/5
    ['2029-09-01', 'Quốc khánh'],
    ['2030-02-02', 'Tết Nguyên đán'],
    ['2031-01-26', 'Tết Nguyên đán'],
  ])('weekend holiday %s (%s) closes the center', (date, name) => {
    expect(cal.dayInfo(date)).toMatchObject({ kind: 'day_off', centerOpen: false, working: false, name });
  });

  it('2027 agrees with the certain dates of the file and with its "1 before + 4 after" Tết projection', () => {
    const y = holidays.years['2027'] as unknown as {
      statutory_days_off: string[];
      tet_projection_options: { one_before_four_after: { statutory: string[]; compensatory: string[] } };
      national_day_adjacent_candidates: string[];
    };
    const off = (d: string) => !cal.dayInfo(d).working && !cal.dayInfo(d).centerOpen;
    for (const d of y.statutory_days_off) expect(off(d), d).toBe(true);
    for (const d of y.tet_projection_options.one_before_four_after.statutory) expect(off(d), d).toBe(true);
    for (const d of y.tet_projection_options.one_before_four_after.compensatory) expect(off(d), d).toBe(true);
    expect(off(y.national_day_adjacent_candidates[0])).toBe(true); // 1 September
    expect(off('2027-09-03')).toBe(false);
  });
});

describe('administrator overrides', () => {
  const withOverrides = createWorkCalendar({
    holidays,
    overrides: [
      { date: '2025-03-13', kind: 'day_off', reason: 'Bão số 3' },
      { date: '2025-03-15', kind: 'working_day', reason: 'Làm bù' },
      { date: '2025-03-16', kind: 'working_day', reason: 'Chiến dịch cấp đổi' },
      { date: '2025-05-02', kind: 'working_day', reason: 'Trực tiếp nhận hồ sơ' },
      { date: '2025-03-22', kind: 'day_off', reason: 'Sửa chữa trụ sở' },
    ],
  });

  it.each([
    ['2025-03-13', 'day_off', false, false, 'Bão số 3'],
    ['2025-03-15', 'makeup', true, true, 'Làm bù'],
    ['2025-03-16', 'makeup', true, true, 'Chiến dịch cấp đổi'],
    ['2025-05-02', 'working', true, true, 'Trực tiếp nhận hồ sơ'],
    ['2025-03-22', 'day_off', false, false, 'Sửa chữa trụ sở'], // an otherwise open Saturday
  ])('%s → %s', (date, kind, working, centerOpen, reason) => {
    expect(withOverrides.dayInfo(date)).toMatchObject({ kind, working, centerOpen, source: 'admin', reason });
  });

  it('lists overrides in yearDays, sorted, with their reason', () => {
    const admin = withOverrides.yearDays(2025).filter((d) => d.source === 'admin');
    expect(admin.map((d) => [d.date, d.kind, d.reason])).toEqual([
      ['2025-03-13', 'day_off', 'Bão số 3'],
      ['2025-03-15', 'makeup', 'Làm bù'],
      ['2025-03-16', 'makeup', 'Chiến dịch cấp đổi'],
      ['2025-03-22', 'day_off', 'Sửa chữa trụ sở'],
      ['2025-05-02', 'working', 'Trực tiếp nhận hồ sơ'],
    ]);
    expect(withOverrides.yearDays(2025)).toHaveLength(cal.yearDays(2025).length + 4); // 05-02 replaced
  });

  it.each([
    [{ date: '2025-13-01', kind: 'day_off', reason: 'x' }],
    [{ date: '2025-01-01', kind: 'holiday', reason: 'x' }],
  ])('rejects an invalid override %j', (o) => {
    expect(() => createWorkCalendar({ holidays, overrides: [o as never] })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OVERRIDE' }),
    );
  });
});

describe('inputs', () => {
  it('rejects a holiday file without years', () => {
    expect(() => createWorkCalendar({ holidays: {} as HolidayFile })).toThrowError(
      expect.objectContaining({ code: 'INVALID_HOLIDAY_DATA' }),
    );
  });

  it.each([
    [{ officeHours: [] }],
    [{ officeHours: [{ start: '13:30', end: '17:00' }, { start: '07:00', end: '11:30' }] }],
    [{ officeHours: [{ start: '07:00', end: '25:00' }] }],
    [{ sameDay: { morningCutoff: '11h' } }],
  ])('rejects the configuration %j', (config) => {
    expect(() => createWorkCalendar({ holidays, config: config as never })).toThrowError(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
  });
});
