import { describe, expect, it } from 'vitest';
import { applyExtension, classify } from './classify';
import { at, holidays } from '../../../../test/support/calendar-instants';
import { createWorkCalendar } from './work-calendar';

const cal = createWorkCalendar({ holidays });

describe('classify', () => {
  const due = '2025-03-14 17:00'; // a Friday
  it.each([
    [due, '2025-03-14 16:59', '2025-03-20 10:00', 'on_time'],
    [due, '2025-03-14 17:00', '2025-03-20 10:00', 'on_time'], // exactly at the due instant
    [due, '2025-03-14 07:00', '2025-03-20 10:00', 'on_time'], // office hours of the due day have started
    [due, '2025-03-14 06:59', '2025-03-20 10:00', 'early'],
    [due, '2025-03-13 15:00', '2025-03-20 10:00', 'early'],
    [due, '2025-03-14 17:01', '2025-03-20 10:00', 'late'],
    [due, '2025-03-17 08:00', '2025-03-17 08:00', 'late'],
    [due, null, '2025-03-14 17:01', 'overdue'],
    [due, null, '2025-03-14 17:00', 'in_time'],
    [due, null, '2025-03-10 09:00', 'in_time'],
    ['2025-03-15 11:30', '2025-03-15 06:59', '2025-03-20 10:00', 'early'], // due on an open Saturday
    ['2025-03-15 11:30', '2025-03-15 07:30', '2025-03-20 10:00', 'on_time'],
  ])('due %s, settled %s, now %s → %s', (dueAt, settled, now, expected) => {
    expect(classify(cal, at(dueAt), settled === null ? null : at(settled), at(now))).toBe(expected);
  });
});

describe('applyExtension', () => {
  const state = { id: 'HS-1', dueAt: at('2025-03-14 17:00') };

  it('records the original due date and the time of the extension', () => {
    const next = applyExtension(state, at('2025-03-21 17:00'), at('2025-03-13 09:00'));
    expect(next).toEqual({
      id: 'HS-1',
      dueAt: at('2025-03-21 17:00'),
      originalDueAt: at('2025-03-14 17:00'),
      extendedAt: at('2025-03-13 09:00'),
    });
    expect(state.dueAt).toEqual(at('2025-03-14 17:00')); // not mutated
  });

  it('allows only one extension', () => {
    const once = applyExtension(state, at('2025-03-21 17:00'), at('2025-03-13 09:00'));
    expect(() => applyExtension(once, at('2025-03-28 17:00'), at('2025-03-20 09:00'))).toThrowError(
      expect.objectContaining({ code: 'EXTENSION_ALREADY_APPLIED', message: 'Hồ sơ chỉ được gia hạn một lần' }),
    );
  });

  it.each([['2025-03-14 17:00'], ['2025-03-13 17:00']])('rejects a new due date %s not after the current one', (d) => {
    expect(() => applyExtension(state, at(d), at('2025-03-13 09:00'))).toThrowError(
      expect.objectContaining({ code: 'EXTENSION_NOT_LATER' }),
    );
  });

  it('treats null originalDueAt/extendedAt as not extended', () => {
    const fresh = { dueAt: at('2025-03-14 17:00'), originalDueAt: null, extendedAt: null };
    expect(applyExtension(fresh, at('2025-03-17 17:00'), at('2025-03-13 09:00')).originalDueAt).toEqual(
      at('2025-03-14 17:00'),
    );
  });
});
