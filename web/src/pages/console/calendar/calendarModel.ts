import type { CalendarDay, CalendarYear } from '../../../api/types';
import { dayOfWeek } from '../../../lib/format';

export type DayStatus = 'working' | 'weekend' | 'saturday_open' | 'day_off' | 'makeup';

export interface DayInfo {
  date: string;
  day: number;
  dow: number;
  status: DayStatus;
  entry?: CalendarDay;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDay = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Status of every day of a month: listed days (off / make-up) win over the weekly pattern computed here. */
export function monthDays(year: number, month: number, data: CalendarYear | undefined, byDate: Map<string, CalendarDay>): DayInfo[] {
  const out: DayInfo[] = [];
  for (let d = 1; d <= daysInMonth(year, month); d++) {
    const date = isoDay(year, month, d);
    const dow = dayOfWeek(date);
    const entry = byDate.get(date);
    let status: DayStatus;
    if (entry?.kind === 'day_off') status = 'day_off';
    else if (entry?.kind === 'makeup') status = 'makeup';
    else if (dow === 0) status = 'weekend';
    else if (dow === 6) status = data?.saturdayMorningOpen ? 'saturday_open' : 'weekend';
    else status = 'working';
    out.push({ date, day: d, dow, status, entry });
  }
  return out;
}

/** Blank cells before the 1st so that weeks start on Monday, as Vietnamese calendars do. */
export const leadingBlanks = (firstDow: number) => (firstDow + 6) % 7;

/** The listed days by date. */
export function byDateMap(items: CalendarDay[] | undefined): Map<string, CalendarDay> {
  const m = new Map<string, CalendarDay>();
  for (const it of items ?? []) {
    // An administrator's change is the last word on a day; keep it over the announced or statutory entry.
    const prev = m.get(it.date);
    if (!prev || it.source === 'admin') m.set(it.date, it);
  }
  return m;
}
