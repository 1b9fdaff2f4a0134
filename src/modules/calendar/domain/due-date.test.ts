import { describe, expect, it } from 'vitest';
import { addWorkingDays, computeDueDate, receiptOf, type TimeLimit } from './due-date';
import { CalendarRuleError } from './errors';
import { at, fmt, holidays } from '../../../../test/support/calendar-instants';
import { createWorkCalendar } from './work-calendar';

const cal = createWorkCalendar({ holidays });
const noSaturday = createWorkCalendar({ holidays, config: { saturdayMorningOpen: false } });
const due = (c: typeof cal, received: string, limit: TimeLimit) => fmt(computeDueDate(c, at(received), limit).dueAt);
const days = (value: number): TimeLimit => ({ unit: 'working_days', value });
const hours = (value: number): TimeLimit => ({ unit: 'working_hours', value });
const SAME: TimeLimit = { unit: 'same_day', value: 0 };
const CUT15: TimeLimit = { unit: 'same_day', value: 0, cutoff: '15:00' };

// 2025-03-12 is a Wednesday; 2025-03-15 an ordinary Saturday; Tết 2025: off Sat 25/01–Sun 02/02;
// 30/4–1/5 2025: off Wed 30/04–Sun 04/05 with make-up Saturday 26/04.
describe('receiptOf', () => {
  it.each([
    ['2025-03-12 18:30', '2025-03-13', '2025-03-13 07:00', true, 'Wed evening online → Thu'],
    ['2025-03-12 09:15', '2025-03-12', '2025-03-12 09:15', false, 'in office hours'],
    ['2025-03-12 06:45', '2025-03-12', '2025-03-12 07:00', true, 'before opening → same day'],
    ['2025-03-12 12:10', '2025-03-12', '2025-03-12 13:30', true, 'lunch break → same day 13:30'],
    ['2025-03-12 16:59', '2025-03-12', '2025-03-12 16:59', false, 'last minute'],
    ['2025-03-12 17:00', '2025-03-13', '2025-03-13 07:00', true, 'closing time'],
    ['2025-03-12 23:59', '2025-03-13', '2025-03-13 07:00', true, 'late night (16:59 UTC)'],
    ['2025-03-13 06:30', '2025-03-13', '2025-03-13 07:00', true, 'early morning (23:30 UTC the day before)'],
    ['2025-03-15 09:00', '2025-03-15', '2025-03-15 09:00', false, 'open Saturday morning'],
    ['2025-03-15 11:30', '2025-03-17', '2025-03-17 07:00', true, 'Saturday after 11:30 → Monday'],
    ['2025-03-16 10:00', '2025-03-17', '2025-03-17 07:00', true, 'Sunday → Monday'],
    ['2025-01-24 17:30', '2025-02-03', '2025-02-03 07:00', true, 'Friday evening before Tết'],
    ['2025-01-25 09:00', '2025-02-03', '2025-02-03 07:00', true, 'Saturday inside the Tết period'],
    ['2025-04-26 15:00', '2025-04-26', '2025-04-26 15:00', false, 'make-up Saturday afternoon'],
    ['2025-04-25 17:30', '2025-04-26', '2025-04-26 07:00', true, 'Friday evening before a make-up Saturday'],
    ['2025-04-29 17:30', '2025-05-05', '2025-05-05 07:00', true, 'before 30/4–4/5'],
  ])('%s → %s (%s)', (received, day, effective, moved) => {
    const r = receiptOf(cal, at(received));
    expect([r.receiptDay, fmt(r.effectiveReceivedAt), r.moved]).toEqual([day, effective, moved]);
  });

  it.each([
    ['2025-03-14 17:30', '2025-03-17'],
    ['2025-03-15 09:00', '2025-03-17'],
  ])('Saturday closed: %s → %s', (received, day) => {
    expect(receiptOf(noSaturday, at(received)).receiptDay).toBe(day);
  });
});

describe('working days', () => {
  it.each([
    ['2025-03-12 18:30', 1, '2025-03-14 17:00'], // received Thu → 1st working day after is Fri
    ['2025-03-10 09:00', 5, '2025-03-17 17:00'],
    ['2025-01-24 10:00', 3, '2025-02-05 17:00'], // Tết 27–31/01 skipped
    ['2025-03-15 09:00', 3, '2025-03-19 17:00'], // Saturday receipt; Saturday is not counted
    ['2025-04-24 10:00', 1, '2025-04-25 17:00'],
    ['2025-04-24 10:00', 2, '2025-04-26 17:00'], // make-up Saturday counts
    ['2025-04-24 10:00', 3, '2025-04-28 17:00'],
    ['2025-04-29 10:00', 2, '2025-05-06 17:00'], // 30/4, 1/5, 2/5 (swapped) off
    ['2026-02-12 10:00', 2, '2026-02-23 17:00'], // Tết 2026: off 14–22/02
    ['2026-01-09 10:00', 1, '2026-01-10 17:00'], // make-up Saturday 10/01/2026
    ['2025-12-31 10:00', 1, '2026-01-05 17:00'], // 1/1 and 2/1 (swapped) 2026 off
    ['2018-12-28 10:00', 1, '2019-01-02 17:00'], // 31/12/2018 swapped, 1/1/2019 holiday
    ['2018-12-28 10:00', 4, '2019-01-05 17:00'], // make-up Saturday 05/01/2019
    ['2028-04-28 10:00', 1, '2028-05-03 17:00'], // statutory: Mon 1/5 holiday, Tue 2/5 nghỉ bù for Sun 30/4
    ['2030-01-31 10:00', 1, '2030-02-08 17:00'], // statutory Tết 1–5/02/2030 + nghỉ bù 6–7/02
    ['2027-02-04 10:00', 1, '2027-02-12 17:00'], // statutory Tết 5–9/02/2027 + nghỉ bù 10–11/02
  ])('%s + %i working days → %s', (received, n, expected) => {
    expect(due(cal, received, days(n))).toBe(expected);
  });

  it('N = 1000 is accepted and lands about four years later', () => {
    const r = computeDueDate(cal, at('2025-03-12 10:00'), days(1000));
    expect(fmt(r.dueAt) > '2029-01-01').toBe(true);
    expect(fmt(r.dueAt) < '2029-06-01').toBe(true);
    expect(fmt(r.dueAt).endsWith('17:00')).toBe(true);
  });

  it.each([
    ['2025-03-12', 0, '2025-03-12'],
    ['2025-03-12', 3, '2025-03-17'],
    ['2025-01-24', 1, '2025-02-03'],
    ['2025-03-15', 1, '2025-03-17'],
  ])('addWorkingDays(%s, %i) = %s', (day, n, expected) => {
    expect(addWorkingDays(cal, day, n)).toBe(expected);
  });
});

describe('same-day procedures', () => {
  it.each([
    [cal, '2025-03-12 09:00', '2025-03-12 16:30', 'morning'],
    [cal, '2025-03-12 10:59', '2025-03-12 16:30', 'just before 11:00'],
    [cal, '2025-03-12 11:00', '2025-03-13 11:00', 'at 11:00'],
    [cal, '2025-03-12 14:00', '2025-03-13 11:00', 'afternoon'],
    [cal, '2025-03-12 12:00', '2025-03-13 11:00', 'lunch break counts as 13:30'],
    [cal, '2025-03-12 06:30', '2025-03-12 16:30', 'before opening counts as 07:00'],
    [cal, '2025-03-12 18:30', '2025-03-13 16:30', 'evening → received Thu 07:00'],
    [cal, '2025-03-14 14:00', '2025-03-15 11:00', 'Friday afternoon → Saturday morning'],
    [noSaturday, '2025-03-14 14:00', '2025-03-17 11:00', 'Friday afternoon, Saturday closed → Monday'],
    [cal, '2025-03-15 10:00', '2025-03-15 11:30', 'Saturday morning: capped at 11:30'],
    [cal, '2025-03-15 11:10', '2025-03-17 11:00', 'Saturday after 11:00 → Monday'],
    [noSaturday, '2025-03-15 10:00', '2025-03-17 16:30', 'Saturday closed → received Monday 07:00'],
    [cal, '2025-04-29 14:00', '2025-05-05 11:00', 'afternoon before 30/4–4/5'],
    [cal, '2025-01-24 15:00', '2025-02-03 11:00', 'afternoon before Tết'],
    [cal, '2025-01-25 09:00', '2025-02-03 16:30', 'Saturday inside Tết → received Mon 3/2 07:00'],
    [cal, '2025-04-25 14:00', '2025-04-26 11:00', 'Friday → make-up Saturday'],
    [cal, '2025-04-26 10:00', '2025-04-26 16:30', 'make-up Saturday is a full day'],
  ])('%#: %s → %s (%s)', (c, received, expected) => {
    expect(due(c, received, SAME)).toBe(expected);
  });

  it.each([
    [cal, CUT15, '2025-03-12 14:59', '2025-03-12 17:00'],
    [cal, CUT15, '2025-03-12 15:00', '2025-03-13 17:00'],
    [cal, CUT15, '2025-03-12 16:00', '2025-03-13 17:00'],
    [cal, CUT15, '2025-03-12 18:30', '2025-03-13 17:00'],
    [cal, CUT15, '2025-03-15 10:00', '2025-03-15 11:30'],
    [cal, CUT15, '2025-03-14 15:30', '2025-03-15 11:30'],
    [noSaturday, CUT15, '2025-03-14 15:30', '2025-03-17 17:00'],
    [cal, CUT15, '2025-01-24 15:30', '2025-02-03 17:00'],
    [cal, { unit: 'same_day', value: 1, cutoff: '16:00' } as TimeLimit, '2025-03-12 15:30', '2025-03-12 17:00'],
  ])('%#: cut-off %j, %s → %s', (c, limit, received, expected) => {
    expect(due(c, received, limit)).toBe(expected);
  });
});

describe('working hours', () => {
  it.each([
    ['2025-03-14 16:00', 4, '2025-03-17 10:00'], // Fri 1h, Mon 3h (Saturday morning not counted)
    ['2025-03-12 10:30', 2, '2025-03-12 14:30'], // across lunch
    ['2025-03-12 10:30', 1, '2025-03-12 11:30'], // ends exactly at the end of the morning
    ['2025-03-12 07:00', 8, '2025-03-12 17:00'], // one full working day
    ['2025-03-12 09:00', 8, '2025-03-13 09:00'],
    ['2025-01-24 15:00', 8, '2025-02-03 15:00'], // across Tết: Fri 2h, Mon 3/2 6h
    ['2025-03-12 18:30', 4, '2025-03-13 11:00'], // received Thu 07:00
    ['2025-03-15 09:00', 2, '2025-03-17 09:00'], // Saturday receipt, counting starts Monday
    ['2025-04-25 16:00', 2, '2025-04-26 08:00'], // make-up Saturday counts
    ['2025-03-10 07:00', 40, '2025-03-14 17:00'],
    ['2025-12-31 14:00', 24, '2026-01-07 14:00'], // 3h + Mon 8h + Tue 8h + Wed 5h
  ])('%s + %ih → %s', (received, n, expected) => {
    expect(due(cal, received, hours(n))).toBe(expected);
  });
});

describe('administrator overrides change due dates', () => {
  const withOff = createWorkCalendar({ holidays, overrides: [{ date: '2025-03-13', kind: 'day_off', reason: 'Bão' }] });
  const withSat = createWorkCalendar({
    holidays,
    overrides: [{ date: '2025-03-15', kind: 'working_day', reason: 'Làm bù' }],
  });
  const backToWork = createWorkCalendar({
    holidays,
    overrides: [{ date: '2025-05-02', kind: 'working_day', reason: 'Hủy nghỉ hoán đổi' }],
  });
  const noMakeup = createWorkCalendar({
    holidays,
    overrides: [{ date: '2025-04-26', kind: 'day_off', reason: 'Hủy làm bù' }],
  });

  it.each([
    [cal, '2025-03-12 10:00', days(1), '2025-03-13 17:00'],
    [withOff, '2025-03-12 10:00', days(1), '2025-03-14 17:00'],
    [withOff, '2025-03-13 10:00', days(1), '2025-03-17 17:00'], // received Fri 14 → Mon 17
    [withOff, '2025-03-12 16:00', hours(2), '2025-03-14 08:00'],
    [cal, '2025-03-14 10:00', days(1), '2025-03-17 17:00'],
    [withSat, '2025-03-14 10:00', days(1), '2025-03-15 17:00'],
    [withSat, '2025-03-14 16:00', hours(2), '2025-03-15 08:00'],
    [backToWork, '2025-04-29 10:00', days(1), '2025-05-02 17:00'],
    [noMakeup, '2025-04-24 10:00', days(2), '2025-04-28 17:00'],
  ])('%#: %s %j → %s', (c, received, limit, expected) => {
    expect(due(c, received, limit)).toBe(expected);
  });

  it('a day-off override moves the receipt', () => {
    expect(receiptOf(withOff, at('2025-03-13 10:00')).receiptDay).toBe('2025-03-14');
  });
});

describe('input validation', () => {
  it.each([
    [days(0), 'INVALID_TIME_LIMIT'],
    [days(-1), 'INVALID_TIME_LIMIT'],
    [days(1.5), 'INVALID_TIME_LIMIT'],
    [days(Number.NaN), 'INVALID_TIME_LIMIT'],
    [days(1001), 'TIME_LIMIT_TOO_LARGE'],
    [hours(10001), 'TIME_LIMIT_TOO_LARGE'],
    [hours(0), 'INVALID_TIME_LIMIT'],
    [{ unit: 'weeks', value: 1 } as unknown as TimeLimit, 'INVALID_TIME_LIMIT'],
    [{ unit: 'same_day', value: 0, cutoff: '25:00' } as TimeLimit, 'INVALID_TIME_LIMIT'],
  ])('%j → %s', (limit, code) => {
    expect(() => computeDueDate(cal, at('2025-03-12 10:00'), limit)).toThrowError(
      expect.objectContaining({ name: 'CalendarRuleError', code }),
    );
  });

  it('uses Vietnamese messages', () => {
    expect(() => computeDueDate(cal, at('2025-03-12 10:00'), days(0))).toThrowError('Thời hạn phải là số nguyên dương');
  });

  it('accepts the upper bounds and ignores the value of a same-day limit', () => {
    expect(() => computeDueDate(cal, at('2025-03-12 10:00'), hours(10000))).not.toThrow();
    expect(() => computeDueDate(cal, at('2025-03-12 10:00'), { unit: 'same_day', value: -5 })).not.toThrow();
  });

  it.each([[new Date('not a date')], [new Date(Number.NaN)], ['2025-03-12' as unknown as Date]])(
    'rejects the instant %s',
    (d) => {
      expect(() => computeDueDate(cal, d, days(1))).toThrowError(CalendarRuleError);
      expect(() => receiptOf(cal, d)).toThrowError(expect.objectContaining({ code: 'INVALID_DATE' }));
    },
  );

  it('rejects instants outside the supported years', () => {
    expect(() => receiptOf(cal, new Date('1850-01-01T00:00:00Z'))).toThrowError(
      expect.objectContaining({ code: 'DATE_OUT_OF_RANGE' }),
    );
  });

  it.each([[-1], [1.5]])('addWorkingDays rejects n = %d', (n) => {
    expect(() => addWorkingDays(cal, '2025-03-12', n)).toThrowError(CalendarRuleError);
  });
});
