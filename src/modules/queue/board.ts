import { many, one, type Queryable } from '../../platform/db';
import { DAY_MS, VN_OFFSET_MS } from '../calendar/domain/time';
import { counterStates, presentTicket, TICKET_SELECT, type CounterState, type TicketRow } from './repo';

// What the hall's display board shows: each counter with its number being served, the latest call, waiting
// counts, the last calls, dossiers ready for collection and the day's figures. Everything is for one center.

/** [start, end) of a local (UTC+7) day. */
export function localDayRange(day: string): { start: Date; end: Date } {
  const start = Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS;
  return { start: new Date(start), end: new Date(start + DAY_MS) };
}

export async function countersWithTickets(q: Queryable, centerId: string, day: string) {
  const states = await counterStates(q, centerId, day);
  const held = await many<TicketRow>(q, `${TICKET_SELECT} WHERE t.center_id = $1 AND t.status IN ('called', 'serving')`, [centerId]);
  return states.map((s: CounterState) => {
    const t = held.find((h) => h.counter_id === s.id);
    return { id: s.id, number: s.number, name: s.name, fields: s.fields, status: s.status, staff: s.staff, current: t ? presentTicket(t) : null };
  });
}

export async function boardSnapshot(q: Queryable, center: { id: string; code: string; name: string }, now: Date, day: string) {
  const counters = await countersWithTickets(q, center.id, day);
  const waiting = await many<{ code: string; name: string; count: number }>(q,
    `WITH served AS (SELECT DISTINCT unnest(field_codes) AS code FROM counters WHERE center_id = $1 AND active)
     SELECT f.code, f.name, count(t.id)::int AS count FROM fields f
       LEFT JOIN queue_tickets t ON t.field_code = f.code AND t.center_id = $1 AND t.day = $2 AND t.status = 'waiting'
      WHERE f.code IN (SELECT code FROM served) GROUP BY f.code, f.name, f.no
     UNION ALL
     SELECT g.code, g.name, count(t.id)::int FROM queue_service_groups g
       LEFT JOIN queue_tickets t ON t.group_id = g.id AND t.field_code IS NULL AND t.day = $2 AND t.status = 'waiting'
      WHERE g.center_id = $1 AND g.active GROUP BY g.code, g.name
     ORDER BY 1`, [center.id, day]);
  const recent = await many<{ display_number: string; number: number; field_code: string | null; counter_number: number; called_at: Date }>(q,
    `SELECT t.display_number, t.number, t.field_code, c.number AS counter_number, t.called_at FROM queue_tickets t JOIN counters c ON c.id = t.counter_id
      WHERE t.center_id = $1 AND t.day = $2 AND t.called_at IS NOT NULL ORDER BY t.called_at DESC, t.serial DESC LIMIT 10`, [center.id, day]);
  const ready = await many<{ code: string }>(q,
    `SELECT code FROM dossiers WHERE center_id = $1 AND status = 'resolved' ORDER BY settled_at DESC NULLS LAST, code LIMIT 100`, [center.id]);
  const { start, end } = localDayRange(day);
  const t = await one<{ issued: number; served: number; waiting: number; no_shows: number }>(q,
    `SELECT count(*)::int AS issued, count(*) FILTER (WHERE status = 'done')::int AS served, count(*) FILTER (WHERE status = 'waiting')::int AS waiting,
            count(*) FILTER (WHERE status = 'no_show')::int AS no_shows FROM queue_tickets WHERE center_id = $1 AND day = $2`, [center.id, day]);
  // Settled on time as the reports count it: the outcome the dossier recorded when it ended (early / on time / late
  // against the legal due date; a second supplement request makes it late), never settled_at against today's due_at.
  const d = await one<{ received: number; returned: number; settled: number; on_time: number }>(q,
    `SELECT count(*) FILTER (WHERE received_at >= $2 AND received_at < $3)::int AS received,
            count(*) FILTER (WHERE returned_at >= $2 AND returned_at < $3)::int AS returned,
            count(*) FILTER (WHERE ended_at >= $2 AND ended_at < $3 AND outcome IN ('early', 'on_time', 'late'))::int AS settled,
            count(*) FILTER (WHERE ended_at >= $2 AND ended_at < $3 AND outcome IN ('early', 'on_time'))::int AS on_time
       FROM dossiers WHERE center_id = $1 AND (received_at >= $2 OR returned_at >= $2 OR ended_at >= $2)`, [center.id, start, end]);
  const latest = recent[0];
  return {
    center: { id: center.id, code: center.code, name: center.name },
    day,
    generatedAt: now.toISOString(),
    counters,
    latestCall: latest ? { counterNumber: latest.counter_number, number: latest.number, displayNumber: latest.display_number, fieldCode: latest.field_code, calledAt: latest.called_at.toISOString() } : null,
    waiting,
    recentCalls: recent.map((r) => ({ counterNumber: r.counter_number, number: r.number, displayNumber: r.display_number, fieldCode: r.field_code, calledAt: r.called_at.toISOString() })),
    readyForCollection: ready.map((r) => r.code),
    today: {
      ticketsIssued: t!.issued, ticketsServed: t!.served, ticketsWaiting: t!.waiting, noShows: t!.no_shows,
      dossiersReceived: d!.received, dossiersReturned: d!.returned, dossiersSettled: d!.settled, dossiersSettledOnTime: d!.on_time,
      onTimeRate: d!.settled ? Math.round((d!.on_time / d!.settled) * 1000) / 1000 : null,
    },
  };
}
