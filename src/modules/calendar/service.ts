import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../../platform/db';
import { one, prepared } from '../../platform/db';
import { badRequest, notFound } from '../../platform/errors';
import { type CenterRef, type CenterSettings, UUID } from '../centers/repo';
import { type CalendarOverride, type HolidayFile, type TimeRange, type WorkCalendar, createWorkCalendar } from './domain';

const HOLIDAY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/seed/vn-holidays.json');
let holidayData: HolidayFile | undefined;
export function holidayFile(): HolidayFile {
  holidayData ??= JSON.parse(fs.readFileSync(HOLIDAY_FILE, 'utf8')) as HolidayFile;
  return holidayData;
}

type OverrideRow = { id: string; day: string; kind: 'day_off' | 'working_day'; reason: string; center_id: string | null };
// The center and its overrides in one round trip: every dossier read and write asks for its center's calendar.
const overridesOf = (centerSql: string) => `SELECT coalesce(json_agg(json_build_object('id', o.id, 'day', o.day, 'kind', o.kind,
    'reason', o.reason, 'center_id', o.center_id) ORDER BY o.day, o.center_id NULLS FIRST), '[]'::json)
  FROM calendar_overrides o WHERE o.removed_at IS NULL AND (o.center_id IS NULL OR o.center_id = ${centerSql})`;
const centerSql = (where: string) => prepared(`SELECT c.id, c.code, c.name, c.settings, (${overridesOf('c.id')}) AS overrides FROM centers c WHERE ${where}`);
const CENTER_BY_ID_SQL = centerSql('c.id = $1::uuid');
const CENTER_BY_CODE_SQL = centerSql('c.code = $1');
const PROVINCE_OVERRIDES_SQL = prepared(`SELECT (${overridesOf('NULL::uuid')}) AS o`);

/** Everything a center's calendar is built from, as one JSON value a query can carry along. */
export interface CalendarInputs {
  settings: CenterSettings | null;
  overrides: OverrideRow[];
}

/** Centers keep Saturday morning open unless their settings say otherwise (and the province default does). */
const saturdayMorningOpen = (inputs: CalendarInputs) => inputs.settings?.saturdayMorningOpen !== false;
/** Saturday morning counts in time limits only where the center says so (the national rules otherwise). */
const saturdayMorningCounts = (inputs: CalendarInputs) => saturdayMorningOpen(inputs) && inputs.settings?.saturdayMorningCounts === true;
/** What a center's settings change in its calendar (hours only where the center set its own). */
type BuildConfig = { saturdayMorningOpen: boolean; saturdayMorningCounts: boolean; officeHours?: TimeRange[]; publicHours?: TimeRange[] };
const buildConfig = (inputs: CalendarInputs): BuildConfig => ({
  saturdayMorningOpen: saturdayMorningOpen(inputs), saturdayMorningCounts: saturdayMorningCounts(inputs),
  ...(inputs.settings?.officeHours?.length ? { officeHours: inputs.settings.officeHours } : {}),
  ...(inputs.settings?.publicHours?.length ? { publicHours: inputs.settings.publicHours } : {}),
});

/**
 * A SQL expression yielding the CalendarInputs of the center whose id is `centerIdSql` (e.g. `d.center_id`).
 * Queries that load a dossier add it as a column, so the dossier and its calendar arrive in one round trip and a
 * change of the calendar is still seen by the very next request on every instance.
 */
export function calendarInputsSql(centerIdSql: string): string {
  return `json_build_object('settings', (SELECT settings FROM centers WHERE id = ${centerIdSql}), 'overrides', (${overridesOf(centerIdSql)}))`;
}

/**
 * Builds the work calendar of a center (or the province default) from the holiday file, the administrators'
 * changes and the center's settings. The overrides are read on every call (with the center, one query) so a change
 * made through any app instance applies to the next computation; the built calendar is cached by the exact
 * inputs, so repeated computations pay nothing.
 */
export class CalendarService {
  private cache = new Map<string, WorkCalendar>();

  constructor(private readonly db: Queryable) {}

  async forCenter(idOrCode?: string | null): Promise<{ calendar: WorkCalendar; center: CenterRef | null; saturdayMorningOpen: boolean; saturdayMorningCounts: boolean }> {
    let center: (CenterRef & { settings: CenterSettings }) | null = null;
    let overrides: OverrideRow[];
    if (idOrCode) {
      const row = await one<CenterRef & { settings: CenterSettings; overrides: OverrideRow[] }>(
        this.db, UUID.test(idOrCode) ? CENTER_BY_ID_SQL : CENTER_BY_CODE_SQL, [idOrCode]);
      if (!row) throw notFound(`Trung tâm "${idOrCode}"`);
      ({ overrides, ...center } = row);
    } else {
      overrides = (await one<{ o: OverrideRow[] }>(this.db, PROVINCE_OVERRIDES_SQL))!.o;
    }
    const inputs: CalendarInputs = { settings: center?.settings ?? null, overrides };
    return {
      calendar: this.fromInputs(inputs), center: center ? { id: center.id, code: center.code, name: center.name } : null,
      saturdayMorningOpen: saturdayMorningOpen(inputs), saturdayMorningCounts: saturdayMorningCounts(inputs),
    };
  }

  /** The calendar of a row's center: from the inputs its query brought along (calendarInputsSql), else one query. */
  async forRow(row: { center_id: string; calendar_inputs?: CalendarInputs }): Promise<WorkCalendar> {
    return row.calendar_inputs ? this.fromInputs(row.calendar_inputs) : (await this.forCenter(row.center_id)).calendar;
  }

  /** The calendar from inputs a query already brought along (see calendarInputsSql), without a round trip. */
  fromInputs(inputs: CalendarInputs): WorkCalendar {
    return this.build(buildConfig(inputs), inputs.overrides);
  }

  private build(config: BuildConfig, overrides: OverrideRow[]): WorkCalendar {
    const key = JSON.stringify([config.saturdayMorningOpen, config.saturdayMorningCounts, config.officeHours ?? null, config.publicHours ?? null, overrides.map((o) => o.id)]);
    let calendar = this.cache.get(key);
    if (!calendar) {
      // A center's own change for a day wins over the province-wide one for the same day.
      const byDay = new Map<string, CalendarOverride>();
      for (const o of overrides) byDay.set(o.day, { date: o.day, kind: o.kind, reason: o.reason });
      calendar = createWorkCalendar({ holidays: holidayFile(), overrides: [...byDay.values()], config });
      if (this.cache.size > 200) this.cache.clear();
      this.cache.set(key, calendar);
    }
    return calendar;
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
