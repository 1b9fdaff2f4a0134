/** Test helpers (used by *.test.ts only): Vietnam-local instants written and read as plain strings. */
import holidaysJson from '../../data/seed/vn-holidays.json';
import type { HolidayFile } from '../../src/modules/calendar/domain/holidays';

export const holidays: HolidayFile = holidaysJson;

/** '2025-03-12 18:30' (UTC+7) → Date, parsed by the JS engine from an explicit offset. */
export function at(local: string): Date {
  const d = new Date(`${local.replace(' ', 'T')}:00+07:00`);
  if (Number.isNaN(d.getTime())) throw new Error(`bad test instant ${local}`);
  return d;
}

/** Date → '2025-03-12 18:30' in UTC+7. */
export function fmt(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export { prng } from '../../src/platform/prng';
