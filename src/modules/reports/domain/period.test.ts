import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../calendar/domain';
import { at, holidays } from '../../../../test/support/calendar-instants';
import { boundsOf, isDay, lastWorkingDay, monthPeriod, monthToDate, periodProblem, previousMonth, todayPeriod } from './period';

const cal = createWorkCalendar({ holidays });

describe('periods', () => {
  it('bounds are the local midnights; asOf is the end, or now while the period runs', () => {
    const b = boundsOf({ from: '2025-03-01', to: '2025-03-31' }, at('2025-05-01 10:00'));
    expect(b.start).toEqual(at('2025-03-01 00:00'));
    expect(b.end).toEqual(at('2025-04-01 00:00'));
    expect(b.asOf).toEqual(b.end);
    expect(boundsOf({ from: '2025-03-01', to: '2025-03-31' }, at('2025-03-20 10:00')).asOf).toEqual(at('2025-03-20 10:00'));
  });

  it('today and this month follow UTC+7, not the machine', () => {
    expect(todayPeriod(at('2025-03-01 06:30'))).toEqual({ from: '2025-03-01', to: '2025-03-01' });
    expect(monthToDate(at('2025-03-20 23:59'))).toEqual({ from: '2025-03-01', to: '2025-03-20' });
  });

  it.each([
    ['2025-02', '2025-02-01', '2025-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025-12', '2025-12-01', '2025-12-31'],
  ])('month %s is %s … %s', (m, from, to) => expect(monthPeriod(m)).toEqual({ from, to }));

  it('previous month wraps the year', () => expect(previousMonth('2026-01')).toBe('2025-12'));

  it.each([
    ['2025-05', '2025-05-30'], // Saturday 31/05 is not a working day
    ['2025-08', '2025-08-29'], // Friday; the 30th and 31st are a weekend
    ['2026-01', '2026-01-30'],
    ['2026-02', '2026-02-27'],
    ['2025-04', '2025-04-29'], // 30/04 is a holiday
  ])('the last working day of %s is %s', (m, d) => expect(lastWorkingDay(cal, m)).toBe(d));

  it.each([
    [{ from: '2025-03-01', to: '2025-03-31' }, null],
    [{ from: '2025-03-31', to: '2025-03-01' }, 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.'],
    [{ from: '2025-02-30', to: '2025-03-01' }, 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.'],
    [{ from: '2010-01-01', to: '2025-03-01' }, 'Kỳ báo cáo dài tối đa 10 năm.'],
  ])('period %o → %s', (p, problem) => expect(periodProblem(p)).toBe(problem));

  it('isDay rejects impossible days', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2025-3-01')).toBe(false);
  });
});
