// The report's categories as SQL, in one place: the settlement report and the dashboard count with these
// predicates, and the dossier list filters with the very same ones (?stat=…), so a number and the list it opens
// always agree. Each mirrors a rule of ./domain (classifyInPeriod, openState, openFactsAt); the integration tests
// check the SQL against the domain dossier by dossier. Placeholders are `?`, bound in order.

export interface Fragment {
  sql: string;
  values: unknown[];
}

export const f = (sql: string, ...values: unknown[]): Fragment => ({ sql, values });

/** Joins fragments with AND. */
export function and(...parts: Fragment[]): Fragment {
  return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), values: parts.flatMap((p) => p.values) };
}

/** Replaces the `?` of a fragment by $n, numbering on from `offset`. */
export function numbered(fr: Fragment, offset = 0): { sql: string; values: unknown[] } {
  let i = offset;
  return { sql: fr.sql.replace(/\?/g, () => `$${++i}`), values: fr.values };
}

export interface PeriodSql {
  start: Date;
  end: Date;
  asOf: Date;
}

const LEGAL_DUE = 'coalesce(d.original_due_at, d.due_at)';
const END_KEY = `coalesce(d.ended_at, 'infinity'::timestamptz)`;

/** Received before the end and not ended before the start: the dossiers a period's report counts. */
export const inPeriod = (p: PeriodSql) => f(`d.received_at IS NOT NULL AND d.received_at < ? AND ${END_KEY} >= ?`, p.end, p.start);
export const carriedOver = (p: PeriodSql) => f('d.received_at < ?', p.start);
export const received = (p: PeriodSql, channel?: 'online' | 'direct') =>
  channel === 'online' ? f(`d.received_at >= ? AND d.channel = 'online'`, p.start)
    : channel === 'direct' ? f(`d.received_at >= ? AND d.channel <> 'online'`, p.start) : f('d.received_at >= ?', p.start);
export const settled = (p: PeriodSql, outcome?: 'early' | 'on_time' | 'late' | 'withdrawn') =>
  outcome ? f('d.ended_at < ? AND d.outcome = ?', p.end, outcome) : f('d.ended_at < ?', p.end);
export const rejected = (p: PeriodSql) => f(`d.ended_at < ? AND d.rejected AND d.outcome <> 'withdrawn'`, p.end);
export const inProgress = (p: PeriodSql) => f(`${END_KEY} >= ?`, p.end);

/**
 * Overdue at `asOf` (openFactsAt + openState): the first resumption after `asOf` tells the legal due date then and
 * whether the dossier was already paused; without one, the current dates do. For a period that is still running
 * (`asOf` = now) no resumption can follow, and the expression reads the row alone.
 */
export function overdueAt(p: PeriodSql, now: Date): Fragment {
  const current = f(`CASE WHEN d.paused_at IS NOT NULL AND d.paused_at <= ? THEN d.paused_at > ${LEGAL_DUE} ELSE ? > ${LEGAL_DUE} END`, p.asOf, p.asOf);
  if (p.asOf.getTime() >= now.getTime()) return current;
  const resumed = `(SELECT e.data FROM dossier_events e WHERE e.dossier_id = d.id AND e.action = 'supplement' AND e.at > ?
      AND e.data ->> 'pausedFrom' IS NOT NULL ORDER BY e.id LIMIT 1)`;
  return f(`CASE WHEN ${resumed} IS NULL THEN ${current.sql}
    ELSE (SELECT CASE WHEN (r ->> 'pausedFrom')::timestamptz <= ?
            THEN (r ->> 'pausedFrom')::timestamptz > coalesce((r ->> 'previousLegalDueAt')::timestamptz, (r ->> 'previousDueAt')::timestamptz)
            ELSE ? > coalesce((r ->> 'previousLegalDueAt')::timestamptz, (r ->> 'previousDueAt')::timestamptz) END
          FROM ${resumed} AS x(r)) END`, p.asOf, ...current.values, p.asOf, p.asOf, p.asOf);
}

/** Open now and overdue now (the dashboard, the list's "overdue" filter). */
// Open is written as the report index's key, `coalesce(ended_at, 'infinity') = 'infinity'`, so a count reads that
// index alone.
export const overdueNow = (now: Date) => f(`d.received_at IS NOT NULL AND ${END_KEY} = 'infinity'::timestamptz
  AND CASE WHEN d.paused_at IS NOT NULL THEN d.paused_at > ${LEGAL_DUE} ELSE ? > ${LEGAL_DUE} END`, now);

/**
 * Open, running and due within one working day of now: `limits` holds, per center, the latest legal due date still
 * at risk (atRiskLimit by that center's calendar).
 */
export function atRiskNow(now: Date, limits: { centerId: string; until: Date }[]): Fragment {
  return f(`d.received_at IS NOT NULL AND ${END_KEY} = 'infinity'::timestamptz AND d.paused_at IS NULL AND ${LEGAL_DUE} >= ?
    AND ${LEGAL_DUE} <= (SELECT l.until FROM unnest(?::uuid[], ?::timestamptz[]) AS l(center_id, until) WHERE l.center_id = d.center_id)`,
  now, limits.map((l) => l.centerId), limits.map((l) => l.until));
}

/**
 * "Not settled, not closed": true of every open received dossier, so it changes no answer; it lets a list of open
 * dossiers walk them in due-date order (dossiers_open_due) and stop at its first page instead of sorting them all.
 */
export const openInDueOrder = f('d.settled_at IS NULL AND d.closed_at IS NULL');

/** Refused at reception in the period: never received, shown in the notes. */
export const refused = (p: PeriodSql) => f(`d.status = 'refused' AND d.closed_at >= ? AND d.closed_at < ?`, p.start, p.end);

/** Where the caller may look: centers (province roles may see all), and a department's own dossiers. */
export interface ScopeSql {
  centerIds: string[];
  departmentId: string | null;
}

export function inScope(s: ScopeSql): Fragment {
  const c = f('d.center_id = ANY(?::uuid[])', s.centerIds);
  // A department sees what the workflow handed to it (the list's rule for department staff).
  return s.departmentId ? and(c, f('d.department_id = ? AND d.step_index IS NOT NULL', s.departmentId)) : c;
}
