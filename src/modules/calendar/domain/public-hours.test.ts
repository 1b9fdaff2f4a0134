import { describe, expect, it } from 'vitest';
import { computeDueDate } from './due-date';
import { publicOpeningAt, returnWindow, type PublicSession } from './public-hours';
import { at, fmt, holidays } from '../../../../test/support/calendar-instants';
import { createWorkCalendar } from './work-calendar';

const cal = createWorkCalendar({ holidays });
const noSaturday = createWorkCalendar({ holidays, config: { saturdayMorningOpen: false } });
const counted = createWorkCalendar({ holidays, config: { saturdayMorningCounts: true } });
const text = (s: PublicSession | null) => (s ? `${s.day} ${s.start}–${s.end}` : null);

// 2025-03-12 Wed; 03-14 Fri; 03-15 Sat; Tết 2025 off Sat 25/01–Sun 02/02; make-up Saturday 26/04/2025.
describe('publicOpeningAt: the public hours 07:30–11:00 and 14:00–16:30 (Saturday 07:30–11:00)', () => {
  it.each([
    // at, open, next session
    ['2025-03-12 07:29', false, '2025-03-12 07:30–11:00', 'before opening'],
    ['2025-03-12 07:30', true, '2025-03-12 14:00–16:30', 'opening minute'],
    ['2025-03-12 10:59', true, '2025-03-12 14:00–16:30', 'last morning minute'],
    ['2025-03-12 11:00', false, '2025-03-12 14:00–16:30', 'lunch'],
    ['2025-03-12 16:29', true, '2025-03-13 07:30–11:00', 'last afternoon minute'],
    ['2025-03-12 16:30', false, '2025-03-13 07:30–11:00', 'after hours'],
    ['2025-03-12 23:10', false, '2025-03-13 07:30–11:00', 'night'],
    ['2025-03-14 17:00', false, '2025-03-15 07:30–11:00', 'Friday evening: Saturday morning'],
    ['2025-03-15 09:00', true, '2025-03-17 07:30–11:00', 'Saturday morning'],
    ['2025-03-15 11:00', false, '2025-03-17 07:30–11:00', 'Saturday noon: Monday'],
    ['2025-03-16 10:00', false, '2025-03-17 07:30–11:00', 'Sunday'],
    ['2025-01-24 17:00', false, '2025-02-03 07:30–11:00', 'before Tết: after it'],
    ['2025-01-28 10:00', false, '2025-02-03 07:30–11:00', 'inside Tết'],
    ['2025-04-26 15:00', true, '2025-04-28 07:30–11:00', 'make-up Saturday afternoon'],
  ])('%s → open %s, next %s (%s)', (when, open, next) => {
    const o = publicOpeningAt(cal, at(when));
    expect([o.open, text(o.next)]).toEqual([open, next]);
    if (open) expect(o.current!.from.getTime()).toBeLessThanOrEqual(at(when).getTime());
  });

  it('a center closed on Saturdays opens next on Monday', () => {
    expect(text(publicOpeningAt(noSaturday, at('2025-03-14 17:00')).next)).toBe('2025-03-17 07:30–11:00');
    expect(publicOpeningAt(noSaturday, at('2025-03-15 09:00')).open).toBe(false);
  });

  it('an administrator day off closes the center that day', () => {
    const c = createWorkCalendar({ holidays, overrides: [{ date: '2025-03-12', kind: 'day_off', reason: 'Bầu cử' }] });
    const o = publicOpeningAt(c, at('2025-03-12 09:00'));
    expect([o.open, text(o.next)]).toEqual([false, '2025-03-13 07:30–11:00']);
  });
});

describe('returnWindow: the appointment in public hours, the deadline unchanged', () => {
  it.each([
    // due, window
    ['2025-03-17 17:00', '2025-03-17 14:00–16:30', 'day limit: the afternoon of the due day'],
    ['2025-03-12 16:30', '2025-03-12 14:00–16:30', 'same day before 11:00'],
    ['2025-03-13 11:00', '2025-03-13 07:30–11:00', 'same day after 11:00: next morning'],
    ['2025-03-15 11:30', '2025-03-15 07:30–11:00', 'due on a Saturday morning that counts'],
    ['2025-03-12 09:00', '2025-03-12 09:00–11:00', 'hour limit inside the morning session'],
    ['2025-03-12 10:45', '2025-03-12 14:00–16:30', 'less than 30 minutes left: the afternoon'],
    ['2025-03-12 16:10', '2025-03-13 07:30–11:00', 'late afternoon: the next morning'],
    ['2025-03-12 11:30', '2025-03-12 14:00–16:30', 'end of the morning office hours: the afternoon'],
    ['2025-03-12 14:00', '2025-03-12 14:00–16:30', 'at the start of the afternoon session'],
    ['2025-03-12 07:10', '2025-03-12 07:30–11:00', 'before the first session'],
    ['2025-03-14 16:20', '2025-03-15 07:30–11:00', 'Friday late: Saturday morning'],
    ['2025-04-26 17:00', '2025-04-26 14:00–16:30', 'make-up Saturday: a full day'],
  ])('due %s → %s (%s)', (dueAt, window) => {
    expect(text(returnWindow(cal, at(dueAt)))).toBe(window);
  });

  it('follows the due date the clock computes', () => {
    const r = computeDueDate(counted, at('2025-03-13 10:00'), { unit: 'working_days', value: 2 });
    expect(fmt(r.dueAt)).toBe('2025-03-15 11:30');
    const w = returnWindow(counted, r.dueAt);
    expect([fmt(w.from), fmt(w.to)]).toEqual(['2025-03-15 07:30', '2025-03-15 11:00']);
  });
});
