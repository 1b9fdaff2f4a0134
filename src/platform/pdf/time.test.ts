import { describe, expect, it } from 'vitest';
import {
  formatIsoDate,
  formatVnDate,
  formatVnDateTime,
  formatVnHourDate,
  formatVnLongDate,
  formatVnTime,
  vnCalendarDate,
  vnParts,
} from './time';

describe('Việt Nam time text (UTC+7 by arithmetic)', () => {
  it.each([
    // instant (UTC)                 date          time     
    ['2025-03-12T09:30:00Z', '12/03/2025', '16:30'],
    ['2025-03-12T16:59:00Z', '12/03/2025', '23:59'],
    ['2025-03-12T17:00:00Z', '13/03/2025', '00:00'],
    ['2024-12-31T17:05:00Z', '01/01/2025', '00:05'],
    ['2024-02-28T20:00:00Z', '29/02/2024', '03:00'],
    ['2025-01-01T00:00:00Z', '01/01/2025', '07:00'],
  ])('%s → %s %s', (iso, date, time) => {
    const d = new Date(iso);
    expect(formatVnDate(d)).toBe(date);
    expect(formatVnTime(d)).toBe(time);
    expect(formatVnDateTime(d)).toBe(`${date} ${time}`);
  });

  it('does not depend on the process time zone', () => {
    const d = new Date('2025-03-12T20:15:00Z');
    expect(vnParts(d)).toEqual({ year: 2025, month: 3, day: 13, hour: 3, minute: 15 });
    expect(new Date(d).getTimezoneOffset()).toBe(0); // vitest runs with TZ=UTC: the +7 comes from our arithmetic
  });

  it('writes the appointment wording', () => {
    expect(formatVnHourDate(new Date('2025-03-12T09:30:00Z'))).toBe('16 giờ 30 phút, ngày 12/03/2025');
    expect(formatVnHourDate(new Date('2025-03-13T01:05:00Z'))).toBe('08 giờ 05 phút, ngày 13/03/2025');
  });

  it.each([
    ['2025-03-12T03:00:00Z', 'ngày 12 tháng 3 năm 2025'],
    ['2025-02-05T03:00:00Z', 'ngày 05 tháng 02 năm 2025'],
    ['2025-01-31T03:00:00Z', 'ngày 31 tháng 01 năm 2025'],
    ['2025-12-09T03:00:00Z', 'ngày 09 tháng 12 năm 2025'],
    ['2025-09-30T18:00:00Z', 'ngày 01 tháng 10 năm 2025'],
  ])('date line of %s: %s (zero before days < 10 and months 1–2)', (iso, text) => {
    expect(formatVnLongDate(new Date(iso))).toBe(text);
  });

  it('leaves missing dates empty and rejects invalid ones', () => {
    expect(formatVnDate(null)).toBe('');
    expect(formatVnDateTime(undefined)).toBe('');
    expect(formatVnHourDate(null)).toBe('');
    expect(() => formatVnDate(new Date('nope'))).toThrow(/không hợp lệ/);
  });

  it('formats ISO calendar dates and gives the VN calendar date for spreadsheets', () => {
    expect(formatIsoDate('1989-07-21')).toBe('21/07/1989');
    expect(formatIsoDate('21/07/1989')).toBe('21/07/1989');
    expect(formatIsoDate(null)).toBe('');
    expect(vnCalendarDate(new Date('2025-03-12T18:00:00Z')).toISOString()).toBe('2025-03-13T00:00:00.000Z');
  });
});
