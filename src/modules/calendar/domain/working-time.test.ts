import { describe, expect, it } from 'vitest';
import { CalendarRuleError } from './errors';
import { at, fmt, holidays } from '../../../../test/support/calendar-instants';
import { createWorkCalendar } from './work-calendar';
import { addWorkingMinutes, extendForPause, workingMinutesBetween } from './working-time';

const cal = createWorkCalendar({ holidays });

describe('workingMinutesBetween', () => {
  it.each([
    ['2025-03-12 10:00', '2025-03-12 14:00', 120], // 90 before lunch + 30 after
    ['2025-03-12 12:00', '2025-03-12 13:00', 0], // lunch break
    ['2025-03-12 06:00', '2025-03-12 20:00', 480],
    ['2025-03-14 16:00', '2025-03-17 09:00', 180], // Fri 60 + Mon 120; Saturday morning not counted
    ['2025-03-15 08:00', '2025-03-15 10:00', 0], // open Saturday is not working time
    ['2025-04-26 08:00', '2025-04-26 10:00', 120], // make-up Saturday is
    ['2025-01-24 07:00', '2025-02-03 07:00', 480], // only Fri 24/01 before Tết
    ['2025-12-31 07:00', '2026-01-05 17:00', 960], // Wed 31/12 + Mon 5/1
    ['2025-03-12 14:00', '2025-03-12 10:00', -120], // reversed
    // Mon 10/03/2025 … Fri 06/03/2026 = 52 weeks = 260 weekdays; minus 6 weekdays off in 2025 (7/4, 30/4, 1/5,
    // 2/5, 1/9, 2/9) and 7 in 2026 (1/1, 2/1, 16–20/2); plus make-up Saturdays 26/04/2025 and 10/01/2026 → 249.
    ['2025-03-10 07:00', '2026-03-09 07:00', 480 * 249],
  ])('%s → %s = %d min', (a, b, expected) => {
    expect(workingMinutesBetween(cal, at(a), at(b))).toBe(expected);
  });

  it('counts 2025 working days: 261 weekdays − 12 weekdays off + 1 make-up Saturday = 250', () => {
    expect(workingMinutesBetween(cal, at('2025-01-01 00:00'), at('2026-01-01 00:00'))).toBe(250 * 480);
  });

  it('returns fractional minutes for instants with seconds', () => {
    const a = new Date(at('2025-03-12 10:00').getTime() + 30_000);
    expect(workingMinutesBetween(cal, a, at('2025-03-12 10:02'))).toBe(1.5);
  });
});

describe('addWorkingMinutes', () => {
  it.each([
    ['2025-03-12 10:30', 120, '2025-03-12 14:30'],
    ['2025-03-12 12:00', 30, '2025-03-12 14:00'], // starts at 13:30
    ['2025-03-12 17:30', 60, '2025-03-13 08:00'],
    ['2025-03-12 16:00', 60, '2025-03-12 17:00'],
    ['2025-03-12 16:00', 61, '2025-03-13 07:01'],
    ['2025-03-15 09:00', 10, '2025-03-17 07:10'],
    ['2025-03-12 12:00', 0, '2025-03-12 12:00'],
  ])('%s + %d min → %s', (from, minutes, expected) => {
    expect(fmt(addWorkingMinutes(cal, at(from), minutes))).toBe(expected);
  });

  it('rejects negative minutes', () => {
    expect(() => addWorkingMinutes(cal, at('2025-03-12 10:00'), -1)).toThrowError(CalendarRuleError);
  });
});

describe('extendForPause', () => {
  it.each([
    // Paused Tue 29/04 14:00 → Tue 06/05/2025 10:00: 180 (Tue) + 0 (30/4–4/5) + 480 (Mon) + 180 (Tue) = 840 min.
    // From Wed 07/05 17:00: Thu 8/5 480 → 360 left on Fri 9/5: 270 before lunch + 90 → 15:00.
    ['2025-05-07 17:00', '2025-04-29 14:00', '2025-05-06 10:00', '2025-05-09 15:00'],
    // Paused Fri 13/02/2026 15:00 → Mon 23/02 08:00 (Tết): 120 + 60 = 180 min; Wed 25/02 17:00 → Thu 26/02 10:00.
    ['2026-02-25 17:00', '2026-02-13 15:00', '2026-02-23 08:00', '2026-02-26 10:00'],
    // Paused over a weekend only: nothing to add.
    ['2025-03-20 17:00', '2025-03-15 14:00', '2025-03-16 18:00', '2025-03-20 17:00'],
    // Paused 2 hours on a Wednesday morning, due Friday 17:00 → Monday 09:00.
    ['2025-03-14 17:00', '2025-03-12 08:00', '2025-03-12 10:00', '2025-03-17 09:00'],
    // Due mid-morning; pause crosses lunch: 11:00–14:00 = 30 + 30 = 60 min; 10:00 + 60 → 11:00.
    ['2025-03-20 10:00', '2025-03-12 11:00', '2025-03-12 14:00', '2025-03-20 11:00'],
  ])('due %s, paused %s → %s: new due %s', (dueAt, from, to, expected) => {
    expect(fmt(extendForPause(cal, at(dueAt), at(from), at(to)))).toBe(expected);
  });

  it('rejects a resume before the pause', () => {
    expect(() => extendForPause(cal, at('2025-03-20 17:00'), at('2025-03-12 10:00'), at('2025-03-12 09:00'))).toThrowError(
      expect.objectContaining({ code: 'INVALID_PAUSE' }),
    );
  });
});
