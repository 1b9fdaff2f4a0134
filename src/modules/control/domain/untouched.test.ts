import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../calendar/domain';
import { at, fmt, holidays } from '../../../../test/support/calendar-instants';
import { halfDayMinutes, isUntouched, lastTouch, mustBeUpdated, untouchedCutoff, untouchedNow } from './untouched';

const cal = createWorkCalendar({ holidays });
const DEP = 'dep-tp';

describe('half a working day of office hours (07:00–11:30, 13:30–17:00)', () => {
  it('is four hours', () => expect(halfDayMinutes(cal)).toBe(240));

  it.each([
    // [last touched, now, untouched?]
    // Across lunch: 1 h 30 of the morning + the afternoon's first hours; the break is not working time.
    ['2026-03-10 10:00', '2026-03-10 14:29', false],
    ['2026-03-10 10:00', '2026-03-10 16:00', false], // exactly 4 h: not more than half a day
    ['2026-03-10 10:00', '2026-03-10 16:01', true],
    // Touched at the end of the morning: the afternoon (3 h 30) is not enough, 30 min of the next morning complete it.
    ['2026-03-10 11:30', '2026-03-10 17:00', false],
    ['2026-03-10 11:30', '2026-03-11 07:30', false],
    ['2026-03-10 11:30', '2026-03-11 07:31', true],
    // Touched during lunch counts from 13:30.
    ['2026-03-10 12:15', '2026-03-10 17:00', false],
    ['2026-03-10 12:15', '2026-03-11 07:31', true],
    // Across a weekend: Friday 15:00 → Monday 09:00 is 2 h + 2 h (Saturday-morning reception is not working time).
    ['2026-03-13 15:00', '2026-03-14 10:00', false],
    ['2026-03-13 15:00', '2026-03-16 09:00', false],
    ['2026-03-13 15:00', '2026-03-16 09:01', true],
    // Across the days off of 30/04 and 01/05/2026 and the weekend: Wednesday 29/04 15:00 → Monday 04/05 09:00.
    ['2026-04-29 15:00', '2026-05-01 16:00', false],
    ['2026-04-29 15:00', '2026-05-04 09:00', false],
    ['2026-04-29 15:00', '2026-05-04 09:01', true],
    // Across Tết 2026 (16–20/02 off, after the weekend of 14–15/02).
    ['2026-02-13 16:00', '2026-02-23 10:00', false],
    ['2026-02-13 16:00', '2026-02-23 10:01', true],
  ] as const)('touched %s, at %s → untouched %s', (touched, now, expected) => {
    expect(isUntouched(cal, at(touched), at(now))).toBe(expected);
    // The cutoff the SQL compares with says the same thing.
    expect(at(touched).getTime() < untouchedCutoff(cal, at(now)).getTime()).toBe(expected);
  });

  it.each([
    // [now, cutoff]: the earliest instant with at most 4 working hours before now (the end of an office block when
    // the four hours reach back exactly to the start of the next).
    ['2026-03-10 16:01', '2026-03-10 10:01'],
    ['2026-03-10 14:30', '2026-03-10 08:30'],
    ['2026-03-11 07:30', '2026-03-10 11:30'], // 3 h 30 of the afternoon + 30 min: back to the end of the morning
    ['2026-03-16 09:00', '2026-03-13 15:00'],
    ['2026-03-16 07:00', '2026-03-13 11:00'],
    ['2026-03-14 10:00', '2026-03-13 11:00'], // Saturday: the last working hours are Friday's
  ] as const)('cutoff at %s is %s', (now, cutoff) => {
    expect(fmt(untouchedCutoff(cal, at(now)))).toBe(cutoff);
  });

  it('the cutoff agrees with isUntouched to the millisecond around it', () => {
    const now = at('2026-03-11 07:31');
    const c = untouchedCutoff(cal, now).getTime();
    expect(isUntouched(cal, new Date(c - 1), now)).toBe(true);
    expect(isUntouched(cal, new Date(c), now)).toBe(false);
  });
});

describe('what counts as touched by the holding department', () => {
  const events = [
    { at: at('2026-03-09 09:00'), action: 'receive', actorDepartmentId: null },
    { at: at('2026-03-09 10:00'), action: 'transfer', actorDepartmentId: null }, // arrives in the department
    { at: at('2026-03-09 14:00'), action: 'assign', actorDepartmentId: DEP },
    { at: at('2026-03-10 08:00'), action: 'urge', actorDepartmentId: null }, // the director's urge is not an update
    { at: at('2026-03-10 09:00'), action: 'extend', actorDepartmentId: null },
    { at: at('2026-03-10 09:30'), action: 'assign', actorDepartmentId: 'dep-other' },
  ];
  it('the latest event of its staff, or the arrival', () => {
    expect(lastTouch(events, DEP)).toEqual(at('2026-03-09 14:00'));
    expect(lastTouch(events.slice(0, 2), DEP)).toEqual(at('2026-03-09 10:00'));
    expect(lastTouch([...events, { at: at('2026-03-12 10:00'), action: 'supplement', actorDepartmentId: null }], DEP)).toEqual(at('2026-03-12 10:00'));
    expect(lastTouch(events.slice(0, 1), DEP)).toBeNull();
  });

  it.each([
    ['in_progress', 'department', true],
    ['paused', 'applicant', false], // the applicant holds it: nothing for the department to update
    ['in_progress', 'inter_agency', false], // another agency holds it
    ['received', 'center', false],
    ['resolved', 'center', false],
  ] as const)('%s held by %s must be updated: %s', (status, holder, expected) => {
    expect(mustBeUpdated({ status, holder, departmentId: DEP })).toBe(expected);
    expect(untouchedNow(cal, { status, holder, departmentId: DEP }, at('2026-03-09 14:00'), at('2026-03-11 09:00'))).toBe(expected);
  });
});
