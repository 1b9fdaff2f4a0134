import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../calendar/domain';
import { at, holidays } from '../../../../test/support/calendar-instants';
import { atRiskLimit, legalDueAt, openFactsAt, openState, settlementOutcome } from './timing';

const cal = createWorkCalendar({ holidays });

describe('settlementOutcome: against the legal due date', () => {
  const due = '2025-03-14 17:00'; // Friday
  it.each([
    // [due, original due (before an extension), ended, late by supplement, withdrawn, outcome]
    [due, null, '2025-03-13 15:00', false, false, 'early'],
    [due, null, '2025-03-14 06:59', false, false, 'early'],
    [due, null, '2025-03-14 07:00', false, false, 'on_time'],
    [due, null, '2025-03-14 17:00', false, false, 'on_time'],
    [due, null, '2025-03-14 17:01', false, false, 'late'],
    [due, null, '2025-03-10 09:00', true, false, 'late'], // a second supplement request: late whatever the dates
    // Extended to Wed 19/03: resolved by the new appointment is still late against the original date…
    ['2025-03-19 17:00', '2025-03-14 17:00', '2025-03-18 10:00', false, false, 'late'],
    // …and on time only if it came before the original one.
    ['2025-03-19 17:00', '2025-03-14 17:00', '2025-03-14 10:00', false, false, 'on_time'],
    [due, null, '2025-03-20 10:00', false, true, 'withdrawn'],
    [due, null, '2025-03-20 10:00', true, true, 'withdrawn'],
  ] as const)('due %s (originally %s), ended %s, late by supplement %s, withdrawn %s → %s', (d, orig, ended, lbs, wd, expected) => {
    expect(settlementOutcome(cal, { dueAt: at(d), originalDueAt: orig ? at(orig) : null, endedAt: at(ended), lateBySupplement: lbs, withdrawn: wd })).toBe(expected);
  });

  it('the legal due date is the one before the extension', () => {
    expect(legalDueAt({ dueAt: at('2025-03-19 17:00'), originalDueAt: at('2025-03-14 17:00') })).toEqual(at('2025-03-14 17:00'));
    expect(legalDueAt({ dueAt: at('2025-03-19 17:00') })).toEqual(at('2025-03-19 17:00'));
  });
});

describe('openState: within time, at risk (one working day), overdue; paused time excluded', () => {
  it.each([
    // [due, paused at, now, state]
    ['2025-03-14 17:00', null, '2025-03-12 16:00', 'within_time'], // 1 h of Wed + a whole Thursday + Friday left
    ['2025-03-14 17:00', null, '2025-03-13 17:00', 'at_risk'], // exactly one working day (Friday) left
    ['2025-03-14 17:00', null, '2025-03-13 16:59', 'within_time'], // one minute more than a working day
    ['2025-03-14 17:00', null, '2025-03-14 17:00', 'at_risk'], // at the due instant: not yet overdue
    ['2025-03-14 17:00', null, '2025-03-14 17:01', 'overdue'],
    // Friday evening, due Monday 17:00: the weekend is not working time, Monday is the one working day ahead.
    ['2025-03-17 17:00', null, '2025-03-14 18:00', 'at_risk'],
    ['2025-03-18 11:00', null, '2025-03-14 18:00', 'within_time'],
    // Paused before the due date: the clock stands still, so neither overdue nor at risk however long it waits.
    ['2025-03-14 17:00', '2025-03-13 10:00', '2025-04-20 10:00', 'within_time'],
    ['2025-03-14 17:00', '2025-03-14 16:00', '2025-03-14 16:30', 'within_time'],
    // Paused after it was already overdue: still overdue.
    ['2025-03-14 17:00', '2025-03-17 09:00', '2025-03-18 10:00', 'overdue'],
  ] as const)('due %s, paused %s, at %s → %s', (due, paused, now, expected) => {
    expect(openState(cal, { dueAt: at(due), pausedAt: paused ? at(paused) : null }, at(now))).toBe(expected);
  });

  it('over Tết 2026 (16–20/02 off): from Friday 13/02 17:00 the next working day is Monday 23/02', () => {
    expect(atRiskLimit(cal, at('2026-02-13 17:00'))).toEqual(at('2026-02-23 17:00'));
    expect(openState(cal, { dueAt: at('2026-02-23 17:00') }, at('2026-02-13 17:00'))).toBe('at_risk');
    expect(openState(cal, { dueAt: at('2026-02-24 08:00') }, at('2026-02-13 17:00'))).toBe('within_time');
  });

  it('an extended dossier is overdue once past its original date, whatever the new appointment', () => {
    expect(openState(cal, { dueAt: at('2025-03-19 17:00'), originalDueAt: at('2025-03-14 17:00') }, at('2025-03-17 09:00'))).toBe('overdue');
  });
});

describe('openFactsAt: the due date and pause as they stood at a past instant', () => {
  const current = { dueAt: at('2025-03-24 17:00'), pausedAt: null };
  const resumed = { at: at('2025-03-20 09:00'), pausedFrom: at('2025-03-12 10:00'), previousLegalDueAt: at('2025-03-14 17:00') };
  it.each([
    // [as of, facts then]
    ['2025-03-11 17:00', { dueAt: '2025-03-14 17:00', pausedAt: null }], // before the pause: the old due date, running
    ['2025-03-17 00:00', { dueAt: '2025-03-14 17:00', pausedAt: '2025-03-12 10:00' }], // during it: paused since 12/03
    ['2025-03-21 00:00', { dueAt: '2025-03-24 17:00', pausedAt: null }], // after the resumption: today's dates
  ])('as of %s', (asOf, expected) => {
    const f = openFactsAt(current, [resumed], at(asOf));
    expect({ dueAt: f.dueAt, pausedAt: f.pausedAt }).toEqual({ dueAt: at(expected.dueAt), pausedAt: expected.pausedAt ? at(expected.pausedAt) : null });
  });

  it('a pause still running counts only from when it began', () => {
    const paused = { dueAt: at('2025-03-14 17:00'), pausedAt: at('2025-03-12 10:00') };
    expect(openFactsAt(paused, [], at('2025-03-11 12:00')).pausedAt).toBeNull();
    expect(openFactsAt(paused, [], at('2025-03-13 12:00')).pausedAt).toEqual(at('2025-03-12 10:00'));
  });
});
