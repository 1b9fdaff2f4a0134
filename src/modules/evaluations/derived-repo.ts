// The derived indicators of dossiers, read from their history in one query (issue 14 item 4).
import type { CalendarService } from '../calendar/service';
import type { WorkCalendar } from '../calendar/domain';
import { many, type Queryable } from '../../platform/db';
import { deriveIndicators, type DerivedIndicators } from './domain/derived';

interface Row {
  id: string;
  center_id: string;
  center_name: string;
  department_name: string | null;
  workflow: { unit: string }[];
  received_at: Date | null;
  due_at: Date | null;
  settled_at: Date | null;
  events: { at: string; action: string; to_status: string; step_index: number | null }[];
}

/** Dossier id → its derived indicators, each computed with its center's work calendar. */
export async function derivedFor(db: Queryable, calendars: CalendarService, dossierIds: string[], now: Date): Promise<Map<string, DerivedIndicators>> {
  const out = new Map<string, DerivedIndicators>();
  if (!dossierIds.length) return out;
  const rows = await many<Row>(db,
    `SELECT d.id, d.center_id, c.name AS center_name, dep.name AS department_name, d.workflow, d.received_at, d.due_at, d.settled_at,
       (SELECT coalesce(json_agg(json_build_object('at', e.at, 'action', e.action, 'to_status', e.to_status, 'step_index', e.step_index) ORDER BY e.at, e.id), '[]'::json)
          FROM dossier_events e WHERE e.dossier_id = d.id) AS events
     FROM dossiers d JOIN centers c ON c.id = d.center_id LEFT JOIN departments dep ON dep.id = d.department_id
     WHERE d.id = ANY($1::uuid[])`, [dossierIds]);
  const byCenter = new Map<string, WorkCalendar>(); // one calendar query per center, not per dossier
  for (const r of rows) {
    let calendar = byCenter.get(r.center_id);
    if (!calendar) byCenter.set(r.center_id, (calendar = (await calendars.forCenter(r.center_id)).calendar));
    out.set(r.id, deriveIndicators({
      centerName: r.center_name, departmentName: r.department_name, workflow: r.workflow,
      receivedAt: r.received_at, dueAt: r.due_at, settledAt: r.settled_at,
      events: r.events.map((e) => ({ at: new Date(e.at), action: e.action, toStatus: e.to_status, stepIndex: e.step_index })),
    }, calendar, now));
  }
  return out;
}
