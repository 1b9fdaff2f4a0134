// The center setting "sáng thứ Bảy tính vào thời hạn" (Quy chế art. 2.7: working days run "từ thứ Hai đến sáng thứ
// Bảy"): an ordinary Saturday's morning (07:00–11:30) is working time for hour limits, and the Saturday is a working
// day for day limits. Holidays, Saturdays inside a holiday period and make-up (swapped) Saturdays keep their rules.
// Each row is checked with the setting on (`on`) and, for contrast, off (`off`, the national rules every other test
// file checks).
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { computeDueDate, type TimeLimit } from './due-date';
import { CalendarRuleError } from './errors';
import { at, fmt, holidays } from '../../../../test/support/calendar-instants';
import { createWorkCalendar } from './work-calendar';
import { addWorkingMinutes, extendForPause, workingMinutesBetween } from './working-time';

const off = createWorkCalendar({ holidays });
const on = createWorkCalendar({ holidays, config: { saturdayMorningCounts: true } });
const due = (c: typeof on, received: string, limit: TimeLimit) => fmt(computeDueDate(c, at(received), limit).dueAt);
const days = (value: number): TimeLimit => ({ unit: 'working_days', value });
const hours = (value: number): TimeLimit => ({ unit: 'working_hours', value });

// 2025-03-13 Thu, 03-15 Sat. Tết 2025: off Sat 25/01–Sun 02/02. 30/4–1/5 2025: off Wed 30/04–Sun 04/05 (Sat 03/05
// in it) with the make-up Saturday 26/04. 2/9 2025: off Sat 30/08–Tue 02/09. Tết 2026: off Sat 14/02–Sun 22/02.
describe('day limits count an ordinary Saturday', () => {
  it.each([
    // received, N, due with the setting on, due with it off
    ['2025-03-13 10:00', 3, '2025-03-17 17:00', '2025-03-18 17:00', 'Thursday + 3 → Monday (seed-requirements row 18)'],
    ['2025-03-13 10:00', 2, '2025-03-15 11:30', '2025-03-17 17:00', 'due on a Saturday: at the end of its morning'],
    ['2025-03-14 10:00', 1, '2025-03-15 11:30', '2025-03-17 17:00', 'Friday + 1 → Saturday'],
    ['2025-03-15 09:00', 1, '2025-03-17 17:00', '2025-03-17 17:00', 'received on Saturday: counting starts Monday'],
    ['2025-03-14 17:30', 1, '2025-03-17 17:00', '2025-03-17 17:00', 'Friday evening: received Saturday morning'],
    ['2025-03-15 11:45', 1, '2025-03-18 17:00', '2025-03-18 17:00', 'Saturday after 11:30: received Monday'],
    ['2025-03-10 09:00', 6, '2025-03-17 17:00', '2025-03-18 17:00', 'a week of six working days'],
    ['2025-03-10 09:00', 12, '2025-03-24 17:00', '2025-03-26 17:00', 'two weeks: two Saturdays gained'],
    ['2025-01-24 10:00', 1, '2025-02-03 17:00', '2025-02-03 17:00', 'Tết: Saturdays 25/01 and 01/02 are days off'],
    ['2025-01-24 10:00', 6, '2025-02-08 11:30', '2025-02-10 17:00', 'the first Saturday after Tết counts'],
    ['2026-02-12 10:00', 2, '2026-02-23 17:00', '2026-02-23 17:00', 'Tết 2026: Saturday 14/02 is off'],
    ['2025-04-29 10:00', 1, '2025-05-05 17:00', '2025-05-05 17:00', 'holiday Saturday 03/05 does not count'],
    ['2025-08-29 10:00', 1, '2025-09-03 17:00', '2025-09-03 17:00', 'holiday Saturday 30/08 does not count'],
    ['2025-04-24 10:00', 2, '2025-04-26 17:00', '2025-04-26 17:00', 'make-up Saturday 26/04: a full working day'],
    ['2025-04-24 10:00', 3, '2025-04-28 17:00', '2025-04-28 17:00', 'after the make-up Saturday'],
    ['2026-01-09 10:00', 1, '2026-01-10 17:00', '2026-01-10 17:00', 'make-up Saturday 10/01/2026: full day'],
    ['2025-12-31 10:00', 1, '2026-01-05 17:00', '2026-01-05 17:00', '1–4/01/2026 off (Saturday 03/01 in it)'],
  ])('%s + %i days → on %s, off %s (%s)', (received, n, expectedOn, expectedOff) => {
    expect(due(on, received, days(n))).toBe(expectedOn);
    expect(due(off, received, days(n))).toBe(expectedOff);
  });
});

describe('hour limits count Saturday 07:00–11:30', () => {
  it.each([
    ['2025-03-14 15:00', 4, '2025-03-15 09:00', '2025-03-17 09:00', 'Fri 2 h + Sat 2 h'],
    ['2025-03-14 16:00', 8, '2025-03-17 09:30', '2025-03-17 16:00', 'Fri 1 h + Sat 4.5 h + Mon 2.5 h'],
    ['2025-03-15 10:00', 2, '2025-03-17 07:30', '2025-03-17 09:00', 'received Saturday in its hours'],
    ['2025-03-15 12:00', 1, '2025-03-17 08:00', '2025-03-17 08:00', 'received Saturday after 11:30: from Monday'],
    ['2025-08-29 16:00', 2, '2025-09-03 08:00', '2025-09-03 08:00', 'holiday Saturday 30/08 is not working time'],
    ['2025-01-24 16:00', 2, '2025-02-03 08:00', '2025-02-03 08:00', 'Tết Saturdays are not working time'],
    ['2025-04-25 16:00', 6, '2025-04-26 14:00', '2025-04-26 14:00', 'make-up Saturday: full office hours'],
    ['2025-03-14 16:00', 49, '2025-03-22 10:30', '2025-03-24 17:00', 'Fri 1 + Sat 4.5 + 5 × 8 + Sat 3.5 (off: 1 + 40 + 8)'],
  ])('%s + %i h → on %s, off %s (%s)', (received, n, expectedOn, expectedOff) => {
    expect(due(on, received, hours(n))).toBe(expectedOn);
    expect(due(off, received, hours(n))).toBe(expectedOff);
  });

  it.each([
    ['2025-03-14 16:00', 330, '2025-03-15 11:30', 'runs out exactly at the end of Saturday morning'],
    ['2025-03-14 16:00', 331, '2025-03-17 07:01', 'one minute more: Monday'],
    ['2025-03-15 11:29', 1, '2025-03-15 11:30', 'the last minute of Saturday'],
  ])('%s + %i min → %s (%s)', (from, minutes, expected) => {
    expect(fmt(addWorkingMinutes(on, at(from), minutes))).toBe(expected);
  });

  it.each([
    ['2025-03-14 16:00', '2025-03-17 09:00', 450, 180, 'Fri 60 + Sat 270 + Mon 120'],
    ['2025-03-15 08:00', '2025-03-15 10:00', 120, 0, 'inside Saturday morning'],
    ['2025-03-15 06:00', '2025-03-15 18:00', 270, 0, 'the whole Saturday'],
    ['2025-08-29 07:00', '2025-09-03 07:00', 480, 480, 'holiday Saturday 30/08'],
    ['2025-04-26 08:00', '2025-04-26 15:00', 300, 300, 'make-up Saturday: 210 + 90'],
    ['2025-03-17 09:00', '2025-03-14 16:00', -450, -180, 'reversed'],
  ])('%s → %s: on %d min, off %d min (%s)', (a, b, minutesOn, minutesOff) => {
    expect(workingMinutesBetween(on, at(a), at(b))).toBe(minutesOn);
    expect(workingMinutesBetween(off, at(a), at(b))).toBe(minutesOff);
  });

  it('2025 has 250 full working days and 46 counted Saturday mornings (52 Saturdays − 5 off − 1 make-up)', () => {
    expect(workingMinutesBetween(on, at('2025-01-01 00:00'), at('2026-01-01 00:00'))).toBe(250 * 480 + 46 * 270);
    expect(workingMinutesBetween(off, at('2025-01-01 00:00'), at('2026-01-01 00:00'))).toBe(250 * 480);
  });

  it('spans of years agree with the sum of their days', () => {
    const y25 = workingMinutesBetween(on, at('2025-01-01 00:00'), at('2026-01-01 00:00'));
    const y26 = workingMinutesBetween(on, at('2026-01-01 00:00'), at('2027-01-01 00:00'));
    expect(workingMinutesBetween(on, at('2025-01-01 00:00'), at('2027-01-01 00:00'))).toBe(y25 + y26);
    // And adding that time back lands on the first working instant of 2027 that completes it: the end of the last
    // working day of 2026, Thursday 31/12/2026 17:00.
    expect(fmt(addWorkingMinutes(on, at('2025-01-01 00:00'), y25 + y26))).toBe('2026-12-31 17:00');
  });

  it('a pause over a Saturday morning gives that morning back', () => {
    // Paused Fri 14:00 → Mon 10:00: Fri 180 + Sat 270 + Mon 180 = 630 min (off: 360). From Thu 20/03 17:00 with
    // the setting on: Fri 480 → 150 left on Sat 22/03 → 09:30; off: 360 on Fri 21/03 → 270 + 90 → 15:00.
    expect(fmt(extendForPause(on, at('2025-03-20 17:00'), at('2025-03-14 14:00'), at('2025-03-17 10:00')))).toBe('2025-03-22 09:30');
    expect(fmt(extendForPause(off, at('2025-03-20 17:00'), at('2025-03-14 14:00'), at('2025-03-17 10:00')))).toBe('2025-03-21 15:00');
  });
});

describe('the calendar with the setting on', () => {
  it.each([
    ['2025-03-15', 'weekend', true, true, [{ start: '07:00', end: '11:30' }]],
    ['2025-03-16', 'weekend', false, false, []],
    ['2025-05-03', 'day_off', false, false, []],
    ['2025-04-26', 'makeup', true, true, [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }]],
  ])('%s: %s, working %s, open %s', (date, kind, working, open, openHours) => {
    expect(on.dayInfo(date)).toMatchObject({ kind, working, centerOpen: open, openHours });
    expect(on.isWorkingDay(date)).toBe(working);
  });

  it('an administrator day off on a Saturday wins; a working-day override makes it a full day', () => {
    const c = createWorkCalendar({
      holidays,
      config: { saturdayMorningCounts: true },
      overrides: [
        { date: '2025-03-15', kind: 'day_off', reason: 'Sự kiện của tỉnh' },
        { date: '2025-03-22', kind: 'working_day', reason: 'Làm bù cả ngày' },
      ],
    });
    expect(fmt(computeDueDate(c, at('2025-03-14 10:00'), days(1)).dueAt)).toBe('2025-03-17 17:00');
    expect(fmt(computeDueDate(c, at('2025-03-21 10:00'), days(1)).dueAt)).toBe('2025-03-22 17:00');
    expect(workingMinutesBetween(c, at('2025-03-22 00:00'), at('2025-03-23 00:00'))).toBe(480);
  });

  it('a result settled before 07:00 of a Saturday due date is early', () => {
    expect(classify(on, at('2025-03-15 11:30'), at('2025-03-15 06:50'), at('2025-03-15 06:50'))).toBe('early');
    expect(classify(on, at('2025-03-15 11:30'), at('2025-03-15 11:31'), at('2025-03-15 11:31'))).toBe('late');
  });

  it('same-day procedures keep their rule (Saturday receipt due at 11:30)', () => {
    expect(due(on, '2025-03-15 09:00', { unit: 'same_day', value: 0 })).toBe('2025-03-15 11:30');
    expect(due(on, '2025-03-14 14:00', { unit: 'same_day', value: 0 })).toBe('2025-03-15 11:00');
  });

  it('requires Saturday mornings open', () => {
    expect(() => createWorkCalendar({ holidays, config: { saturdayMorningOpen: false, saturdayMorningCounts: true } })).toThrowError(CalendarRuleError);
  });
});
