import { many, one, type Queryable } from '../../platform/db';
import { badRequest } from '../../platform/errors';
import { ROLE_PERMISSIONS, ROLES } from '../auth/permissions';
import { defaultRangeStart } from './domain';

// Reads shared by the queue's commands and routes. Every query names the center.

export interface QueueSettings {
  priorityStreakLimit: number;
  recallLimit: number;
  defaultServiceMinutes: number;
}
export const DEFAULT_SETTINGS: QueueSettings = { priorityStreakLimit: 3, recallLimit: 3, defaultServiceMinutes: 10 };

export async function loadSettings(q: Queryable, centerId: string): Promise<QueueSettings> {
  const r = await one<QueueSettings>(q, `SELECT priority_streak_limit AS "priorityStreakLimit", recall_limit AS "recallLimit",
      default_service_minutes AS "defaultServiceMinutes" FROM queue_settings WHERE center_id = $1`, [centerId]);
  return r ?? DEFAULT_SETTINGS;
}

/** The center's own priority categories, or the defaults when it has none. */
export async function priorityCategories(q: Queryable, centerId: string): Promise<{ code: string; name: string }[]> {
  return many(q, `SELECT code, name FROM queue_priority_categories p
     WHERE active AND (center_id = $1 OR (center_id IS NULL AND NOT EXISTS (SELECT 1 FROM queue_priority_categories o WHERE o.center_id = $1)))
     ORDER BY sort, code`, [centerId]);
}

const SERVING_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('queue.serve'));

export type CounterStatus = 'open' | 'paused' | 'closed';
export interface CounterState {
  id: string;
  centerId: string;
  number: number;
  name: string;
  fields: string[];
  status: CounterStatus;
  staff: { id: string; fullName: string } | null;
  hasSession: boolean;
  priorityStreak: number;
}

/**
 * Counters with who is at them and whether they are open, for one local day. Today's session row decides;
 * without one, the active reception clerk assigned to the counter (users.counter_id) is at it, unless that clerk
 * has taken another counter today (even one since closed: from then on the clerk opens counters explicitly).
 */
export async function counterStates(q: Queryable, centerId: string, day: string, counterId?: string): Promise<CounterState[]> {
  const rows = await many<{ id: string; center_id: string; number: number; name: string; field_codes: string[]; status: CounterStatus; staff_id: string | null; staff_name: string | null; has_session: boolean; streak: number }>(q,
    `SELECT x.*, su.full_name AS staff_name FROM (
       SELECT c.id, c.center_id, c.number, c.name, c.field_codes,
         CASE WHEN NOT c.active THEN 'closed' WHEN s.counter_id IS NOT NULL THEN s.status WHEN d.id IS NOT NULL THEN 'open' ELSE 'closed' END AS status,
         CASE WHEN NOT c.active THEN NULL WHEN s.counter_id IS NOT NULL THEN (CASE WHEN s.status = 'closed' THEN NULL ELSE s.user_id END) ELSE d.id END AS staff_id,
         s.counter_id IS NOT NULL AS has_session, coalesce(s.priority_streak, 0) AS streak
       FROM counters c
       LEFT JOIN queue_counter_sessions s ON s.counter_id = c.id AND s.day = $2
       LEFT JOIN LATERAL (
         SELECT u.id FROM users u WHERE u.counter_id = c.id AND u.active AND u.center_id = c.center_id AND u.roles && $4::text[]
           AND NOT EXISTS (SELECT 1 FROM queue_counter_sessions o WHERE o.user_id = u.id AND o.day = $2 AND o.counter_id <> c.id)
         ORDER BY u.username LIMIT 1) d ON true
       WHERE c.center_id = $1 AND ($3::uuid IS NULL OR c.id = $3)) x
     LEFT JOIN users su ON su.id = x.staff_id
     ORDER BY x.number`, [centerId, day, counterId ?? null, SERVING_ROLES]);
  return rows.map((r) => ({
    id: r.id, centerId: r.center_id, number: r.number, name: r.name, fields: r.field_codes, status: r.status,
    staff: r.staff_id ? { id: r.staff_id, fullName: r.staff_name ?? '' } : null, hasSession: r.has_session, priorityStreak: r.streak,
  }));
}

/** A queue a kiosk can issue in: a field, or a service group of the center. */
export interface QueueRef {
  kind: 'field' | 'group';
  code: string;
  name: string;
  fields: string[];
  fieldCode: string | null;
  groupId: string | null;
  rangeStart: number;
  prefix: string;
}

export async function resolveQueue(q: Queryable, centerId: string, code: string): Promise<QueueRef> {
  const r = await one<{ kind: 'field' | 'group'; group_id: string | null; code: string; name: string; fields: string[]; no: number | null; range_start: number | null; prefix: string | null }>(q,
    `SELECT * FROM (
       SELECT 'group' AS kind, g.id AS group_id, g.code, g.name, g.field_codes AS fields, NULL::int AS no, g.range_start, g.prefix
         FROM queue_service_groups g WHERE g.center_id = $1 AND g.code = $2 AND g.active
       UNION ALL
       SELECT 'field', NULL, f.code, f.name, ARRAY[f.code], f.no, n.range_start, n.prefix
         FROM fields f LEFT JOIN queue_numbering n ON n.field_code = f.code AND n.center_id = $1 WHERE f.code = $2) x
     ORDER BY kind DESC LIMIT 1`, [centerId, code.trim().toUpperCase()]);
  if (!r) throw badRequest('QUEUE_UNKNOWN_FIELD', `Lĩnh vực "${code}" không tồn tại.`);
  return {
    kind: r.kind, code: r.code, name: r.name, fields: r.fields, fieldCode: r.kind === 'field' ? r.code : null, groupId: r.group_id,
    rangeStart: r.range_start ?? defaultRangeStart(r.no ?? 0), prefix: r.prefix ?? '',
  };
}

/**
 * The waiting count of a ticket's queue (its field's, or its group's) and the people ahead of it, in the calling
 * order of `compareTickets` (domain/selection.ts): every waiting priority ticket is ahead of a regular one; within
 * a class, the earlier original issue time (then the order of issue) goes first. One indexed count.
 */
export async function queueCounts(q: Queryable, t: { id: string; center_id: string; day: string; field_code: string | null; group_id: string | null; priority: string | null; issued_at: Date; serial: number }): Promise<{ waiting: number; ahead: number }> {
  const inQueue = t.field_code ? 'w.field_code = $3' : 'w.field_code IS NULL AND w.group_id = $3';
  const earlier = '(w.issued_at, w.serial) < ($5::timestamptz, $6::bigint)';
  const r = await one<{ waiting: number; ahead: number }>(q,
    `SELECT count(*)::int AS waiting,
            count(*) FILTER (WHERE w.id <> $4 AND ${t.priority ? `w.priority IS NOT NULL AND ${earlier}` : `(w.priority IS NOT NULL OR ${earlier})`})::int AS ahead
       FROM queue_tickets w WHERE w.center_id = $1 AND w.day = $2 AND w.status = 'waiting' AND ${inQueue}`,
    [t.center_id, t.day, t.field_code ?? t.group_id, t.id, t.issued_at, t.serial]);
  return r ?? { waiting: 0, ahead: 0 };
}

/** The center's default service time and the service minutes of the last `limit` tickets of these fields finished today. */
export async function estimateInputs(q: Queryable, centerId: string, day: string, fields: string[], limit = 20): Promise<{ defaultServiceMinutes: number; recent: number[] }> {
  const r = await one<{ d: number | null; recent: string[] }>(q,
    `SELECT (SELECT default_service_minutes FROM queue_settings WHERE center_id = $1) AS d,
            ARRAY(SELECT extract(epoch FROM finished_at - coalesce(served_started_at, called_at)) / 60 FROM queue_tickets
                   WHERE center_id = $1 AND day = $2 AND status = 'done' AND field_code = ANY($3) AND finished_at IS NOT NULL
                   ORDER BY finished_at DESC LIMIT $4)::float8[] AS recent`, [centerId, day, fields, limit]);
  return { defaultServiceMinutes: r?.d ?? DEFAULT_SETTINGS.defaultServiceMinutes, recent: (r?.recent ?? []).map(Number) };
}

export const TICKET_SELECT = `SELECT t.*, f.name AS field_name, g.code AS group_code, g.name AS group_name, g.field_codes AS group_fields,
    c.number AS counter_number, c.name AS counter_name
  FROM queue_tickets t LEFT JOIN fields f ON f.code = t.field_code LEFT JOIN queue_service_groups g ON g.id = t.group_id
  LEFT JOIN counters c ON c.id = t.counter_id`;

export interface TicketRow {
  id: string; serial: number; center_id: string; day: string; queue_code: string; seq: number; number: number; display_number: string;
  field_code: string | null; group_id: string | null; priority: string | null; phone: string | null; status: 'waiting' | 'called' | 'serving' | 'done' | 'no_show';
  issued_at: Date; counter_id: string | null; called_at: Date | null; recall_count: number; served_started_at: Date | null; finished_at: Date | null;
  transfer_count: number; field_name: string | null; group_code: string | null; group_name: string | null; group_fields: string[] | null;
  counter_number: number | null; counter_name: string | null;
}

export async function ticketById(q: Queryable, id: string, lock = false): Promise<TicketRow | undefined> {
  // Locking needs a plain row lock on the ticket only (the joined rows are read, not locked).
  return one<TicketRow>(q, `${TICKET_SELECT} WHERE t.id = $1${lock ? ' FOR UPDATE OF t' : ''}`, [id]);
}

export async function ticketAtCounter(q: Queryable, counterId: string): Promise<TicketRow | undefined> {
  return one<TicketRow>(q, `${TICKET_SELECT} WHERE t.counter_id = $1 AND t.status IN ('called', 'serving') FOR UPDATE OF t`, [counterId]);
}

export const presentTicket = (t: TicketRow) => ({
  id: t.id,
  number: t.number,
  displayNumber: t.display_number,
  queue: t.queue_code,
  field: t.field_code,
  fieldName: t.field_name ?? t.group_name ?? '',
  group: t.group_code,
  priority: t.priority,
  status: t.status,
  issuedAt: t.issued_at.toISOString(),
  calledAt: t.called_at?.toISOString() ?? null,
  startedAt: t.served_started_at?.toISOString() ?? null,
  finishedAt: t.finished_at?.toISOString() ?? null,
  recallCount: t.recall_count,
  transferCount: t.transfer_count,
  counter: t.counter_id && t.status !== 'waiting' ? { id: t.counter_id, number: t.counter_number!, name: t.counter_name! } : null,
});

export async function addEvent(q: Queryable, e: { ticketId: string; centerId: string; action: string; counterId?: string | null; actorId?: string | null; data?: Record<string, unknown> }, at: Date): Promise<void> {
  await q.query('INSERT INTO queue_ticket_events (ticket_id, center_id, at, action, counter_id, actor_id, data) VALUES ($1,$2,$3,$4,$5,$6,$7)',
    [e.ticketId, e.centerId, at, e.action, e.counterId ?? null, e.actorId ?? null, JSON.stringify(e.data ?? {})]);
}

/** Waiting count of a field's (or group's) queue today, sent with ticket events so boards need not reload. */
export async function waitingCount(q: Queryable, centerId: string, day: string, ref: { fieldCode: string | null; groupId: string | null }): Promise<number> {
  const r = await one<{ n: number }>(q, ref.fieldCode
    ? `SELECT count(*)::int AS n FROM queue_tickets WHERE center_id = $1 AND day = $2 AND status = 'waiting' AND field_code = $3`
    : `SELECT count(*)::int AS n FROM queue_tickets WHERE center_id = $1 AND day = $2 AND status = 'waiting' AND field_code IS NULL AND group_id = $3`,
  [centerId, day, ref.fieldCode ?? ref.groupId]);
  return r?.n ?? 0;
}
