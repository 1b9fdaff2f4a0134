// The audit screen's journal: what people changed or read (audit_log) and every step of every dossier
// (dossier_events, the dossier's own history: register, receive, refuse, return…) as one list, newest first, within
// the viewer's scope, filtered by person, action, dossier and dates. Paged by a cursor (time, source, id): the two
// tables number their rows separately, so an id alone cannot say where a page ended.
import { many, one, type Queryable } from '../../platform/db';
import { badRequest } from '../../platform/errors';
import { DAY_MS, VN_OFFSET_MS } from '../calendar/domain/time';

export interface JournalQuery {
  /** The center to read (null: every center; the route has already checked the viewer may). */
  centerId: string | null;
  /** Prefix of the action, e.g. "fees." or "dossier.return". Dossier steps are "dossier.<step>". */
  action?: string;
  /** Username of the person who acted. */
  actor?: string;
  /** Dossier code. */
  dossier?: string;
  /** Local dates, inclusive. */
  from?: string;
  to?: string;
  limit: number;
  before?: string;
}

export interface JournalEntry {
  id: string;
  at: string;
  actor: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  dossierCode: string | null;
  data: Record<string, unknown>;
  /** Pass as `before` to read the entries after this one. */
  cursor: string;
}

interface Row {
  src: 'a' | 'd';
  cursor_at: string;
  id: string;
  at: Date;
  actor: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  dossier_code: string | null;
  data: Record<string, unknown>;
}

const AT_TEXT = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS);

/** The cursor keeps the time to the microsecond, as PostgreSQL stores it (a Date would round it to the millisecond). */
function parseCursor(s: string): { at: string; src: string; id: string } {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([ad])(\d{1,18})$/.exec(s);
  if (!m || Number.isNaN(Date.parse(m[1]))) throw badRequest('BAD_CURSOR', 'Vị trí trang không hợp lệ: hãy tải lại danh sách.');
  return { at: m[1], src: m[2], id: m[3] };
}

export async function readJournal(q: Queryable, query: JournalQuery): Promise<JournalEntry[]> {
  if (query.from && query.to && query.from > query.to) throw badRequest('BAD_PERIOD', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const audit: string[] = [];
  const events: string[] = [];
  if (query.centerId) { const c = p(query.centerId); audit.push(`a.center_id = ${c}`); events.push(`d.center_id = ${c}`); }
  if (query.action) {
    const like = p(`${query.action.replace(/[\\%_]/g, (x) => `\\${x}`)}%`);
    audit.push(`a.action LIKE ${like}`);
    events.push(`('dossier.' || e.action) LIKE ${like}`);
  }
  if (query.actor) { const u = p(query.actor); audit.push(`u.username = ${u}`); events.push(`u.username = ${u}`); }
  if (query.dossier) {
    const code = query.dossier.trim().toUpperCase();
    const found = await one<{ id: string }>(q, 'SELECT id FROM dossiers WHERE code = $1', [code]);
    const c = p(code);
    audit.push(`a.entity = 'dossier' AND a.entity_id = ${c}`);
    events.push(found ? `e.dossier_id = ${p(found.id)}` : 'false');
  }
  if (query.from) { const f = p(dayStart(query.from)); audit.push(`a.at >= ${f}`); events.push(`e.at >= ${f}`); }
  if (query.to) { const t = p(new Date(dayStart(query.to).getTime() + DAY_MS)); audit.push(`a.at < ${t}`); events.push(`e.at < ${t}`); }
  if (query.before) {
    const c = parseCursor(query.before);
    const [at, src, id] = [p(c.at), p(c.src), p(c.id)];
    audit.push(`(a.at, 'a'::text, a.id) < (${at}::timestamptz, ${src}::text, ${id}::bigint)`);
    events.push(`(e.at, 'd'::text, e.id) < (${at}::timestamptz, ${src}::text, ${id}::bigint)`);
  }
  const limit = p(query.limit);
  const where = (w: string[]) => (w.length ? `WHERE ${w.join(' AND ')}` : '');
  const rows = await many<Row>(q, `
    (SELECT 'a' AS src, a.id, a.at, ${AT_TEXT('a.at')} AS cursor_at, u.username AS actor, u.full_name AS actor_name, a.action, a.entity, a.entity_id,
            CASE WHEN a.entity = 'dossier' THEN a.entity_id END AS dossier_code, a.data
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id ${where(audit)}
      ORDER BY a.at DESC, a.id DESC LIMIT ${limit})
    UNION ALL
    (SELECT 'd', e.id, e.at, ${AT_TEXT('e.at')}, u.username, u.full_name, 'dossier.' || e.action, 'dossier', d.code, d.code,
            jsonb_strip_nulls(jsonb_build_object('fromStatus', e.from_status, 'toStatus', e.to_status, 'reason', e.reason))
       FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id LEFT JOIN users u ON u.id = e.actor_id ${where(events)}
      ORDER BY e.at DESC, e.id DESC LIMIT ${limit})
    ORDER BY at DESC, src DESC, id DESC LIMIT ${limit}`, params);
  return rows.map((r) => ({
    id: `${r.src}${r.id}`, at: r.at.toISOString(), actor: r.actor, actorName: r.actor_name, action: r.action, entity: r.entity,
    entityId: r.entity_id, dossierCode: r.dossier_code, data: r.data ?? {}, cursor: `${r.cursor_at}|${r.src}${r.id}`,
  }));
}
