import { vnDayString } from '../calendar/domain';
import type { Queryable } from '../../platform/db';

// The gauges an operator of a center watches: dossiers open, overdue, and tickets waiting in today's queue, per
// center. Computed when Prometheus scrapes, from partial indexes that hold only what is counted — the open dossiers
// (dossiers_open_due, migration 002) and the waiting tickets (queue_tickets_waiting_field, migration 003) — so the
// cost follows the open work, not the 1,000,000 dossiers of past years (see bench/README.md, "Metrics").

export interface CenterWorkload {
  center: string;
  dossiersOpen: number;
  dossiersOverdue: number;
  ticketsWaiting: number;
}

// One row per center, zero included, so a center that empties its queue shows 0 rather than disappearing.
// "Overdue" is the overdue list's rule (src/modules/dossiers/query.ts): open and past its due date.
const SQL = `
  WITH open AS (
    SELECT center_id, count(*)::int AS open, count(*) FILTER (WHERE due_at < $1)::int AS overdue
    FROM dossiers WHERE closed_at IS NULL AND settled_at IS NULL GROUP BY center_id
  ), waiting AS (
    SELECT center_id, count(*)::int AS waiting FROM queue_tickets WHERE status = 'waiting' AND day = $2 GROUP BY center_id
  )
  SELECT c.code AS center, coalesce(o.open, 0) AS open, coalesce(o.overdue, 0) AS overdue, coalesce(w.waiting, 0) AS waiting
  FROM centers c LEFT JOIN open o ON o.center_id = c.id LEFT JOIN waiting w ON w.center_id = c.id
  ORDER BY c.code`;

export async function centerWorkload(db: Queryable, now: Date): Promise<CenterWorkload[]> {
  const { rows } = await db.query<{ center: string; open: number; overdue: number; waiting: number }>(SQL, [now, vnDayString(now)]);
  return rows.map((r) => ({ center: r.center, dossiersOpen: r.open, dossiersOverdue: r.overdue, ticketsWaiting: r.waiting }));
}

/**
 * The workload, computed at most once per `ttlMs` however often it is scraped (several Prometheus servers, a
 * dashboard refreshing): concurrent scrapes share one query.
 */
export function cachedWorkload(load: () => Promise<CenterWorkload[]>, ttlMs: number, nowMs: () => number = Date.now): () => Promise<CenterWorkload[]> {
  let cached: { at: number; value: Promise<CenterWorkload[]> } | undefined;
  return () => {
    const t = nowMs();
    if (!cached || t - cached.at >= ttlMs) {
      const value = load();
      cached = { at: t, value };
      // A failed query is not kept: the next scrape tries again.
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
}
