import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../../platform/db';
import { many, one } from '../../platform/db';
import { badRequest, notFound } from '../../platform/errors';
import { type CalendarOverride, type HolidayFile, type WorkCalendar, createWorkCalendar } from './domain';

const HOLIDAY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/seed/vn-holidays.json');
let holidayData: HolidayFile | undefined;
export function holidayFile(): HolidayFile {
  holidayData ??= JSON.parse(fs.readFileSync(HOLIDAY_FILE, 'utf8')) as HolidayFile;
  return holidayData;
}

export interface CenterRef {
  id: string;
  code: string;
  name: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findCenter(db: Queryable, idOrCode: string): Promise<CenterRef & { settings: { saturdayMorningOpen?: boolean } }> {
  const row = await one<CenterRef & { settings: { saturdayMorningOpen?: boolean } }>(
    db,
    `SELECT id, code, name, settings FROM centers WHERE ${UUID.test(idOrCode) ? 'id = $1::uuid' : 'code = $1'}`,
    [idOrCode],
  );
  if (!row) throw notFound(`Trung tâm "${idOrCode}"`);
  return row;
}

/**
 * Builds the work calendar of a center (or the province default) from the holiday file, the administrators'
 * changes and the center's settings. The overrides are read on every call (one small indexed query) so a change
 * made through any app instance applies to the next computation; the built calendar is cached by the exact
 * inputs, so repeated computations pay nothing.
 */
export class CalendarService {
  private cache = new Map<string, WorkCalendar>();

  constructor(private readonly db: Queryable) {}

  async forCenter(idOrCode?: string | null): Promise<{ calendar: WorkCalendar; center: CenterRef | null; saturdayMorningOpen: boolean }> {
    const center = idOrCode ? await findCenter(this.db, idOrCode) : null;
    const overrides = await many<{ id: string; day: string; kind: 'day_off' | 'working_day'; reason: string; center_id: string | null }>(
      this.db,
      `SELECT id, day, kind, reason, center_id FROM calendar_overrides
        WHERE removed_at IS NULL AND (center_id IS NULL OR center_id = $1) ORDER BY day, center_id NULLS FIRST`,
      [center?.id ?? null],
    );
    // A center's own change for a day wins over the province-wide one for the same day.
    const byDay = new Map<string, CalendarOverride>();
    for (const o of overrides) byDay.set(o.day, { date: o.day, kind: o.kind, reason: o.reason });
    const saturdayMorningOpen = center ? center.settings?.saturdayMorningOpen !== false : true;
    const key = JSON.stringify([saturdayMorningOpen, overrides.map((o) => o.id)]);
    let calendar = this.cache.get(key);
    if (!calendar) {
      calendar = createWorkCalendar({ holidays: holidayFile(), overrides: [...byDay.values()], config: { saturdayMorningOpen } });
      if (this.cache.size > 200) this.cache.clear();
      this.cache.set(key, calendar);
    }
    return { calendar, center: center ? { id: center.id, code: center.code, name: center.name } : null, saturdayMorningOpen };
  }
}

export function parseInstant(s: string): Date {
  // ISO 8601 with a date, a time and an explicit offset (or Z): a bare local time would be ambiguous.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) {
    throw badRequest('CALENDAR_BAD_INSTANT', 'Thời điểm tiếp nhận phải theo ISO 8601 kèm múi giờ, ví dụ 2025-03-12T18:30:00+07:00.');
  }
  const d = new Date(s);
  // JavaScript rolls 30 February over into March; a date that does not exist is an error, not another date.
  const [y, m, day] = s.slice(0, 10).split('-').map(Number);
  const calendarDay = new Date(Date.UTC(y, m - 1, day));
  if (Number.isNaN(d.getTime()) || calendarDay.getUTCMonth() !== m - 1 || calendarDay.getUTCDate() !== day) throw badRequest('CALENDAR_BAD_INSTANT', 'Thời điểm tiếp nhận không hợp lệ.');
  return d;
}
