import dayjs, { type Dayjs } from 'dayjs';
import { vnTime } from '../../lib/format';

/** Today as a plain day (YYYY-MM-DD) on a wall clock in Vietnam. */
export const vnToday = (): string => vnTime(new Date()).format('YYYY-MM-DD');

/** A plain day as a dayjs for the date pickers (which show DD/MM/YYYY). */
export const dayValue = (day: string): Dayjs => dayjs(day, 'YYYY-MM-DD');
export const dayString = (d: Dayjs): string => d.format('YYYY-MM-DD');

/** The first and last day of the current month in Vietnam. */
export function thisMonth(): [string, string] {
  const now = vnTime(new Date());
  return [now.startOf('month').format('YYYY-MM-DD'), now.endOf('month').format('YYYY-MM-DD')];
}

/** From the first of this month to today, in Vietnam (the default period of the reports). */
export function monthSoFar(): [string, string] {
  const now = vnTime(new Date());
  return [now.startOf('month').format('YYYY-MM-DD'), now.format('YYYY-MM-DD')];
}

export const DATE_FORMAT = 'DD/MM/YYYY';
