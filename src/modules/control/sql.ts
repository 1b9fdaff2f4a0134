// The half-day update rule (./domain/untouched) as SQL, in one place: the dossier list's tag and `?stat=untouched`
// filter, the dashboard's count and the daily digest all use these, so they agree. The integration tests check the SQL
// against the domain dossier by dossier.
import type { Fragment } from '../reports/sql';
import { HANDOVER_ACTIONS } from './domain/untouched';

/** mustBeUpdated: in progress and held by the department itself. */
export const MUST_BE_UPDATED = `d.status = 'in_progress' AND d.holder = 'department' AND d.department_id IS NOT NULL`;

/** lastTouch: the latest event of the holding department's staff, or the hand-over that brought the dossier to it. */
export const TOUCHED_AT = `(SELECT max(e.at) FROM dossier_events e LEFT JOIN users eu ON eu.id = e.actor_id
  WHERE e.dossier_id = d.id AND (e.action IN (${HANDOVER_ACTIONS.map((a) => `'${a}'`).join(', ')}) OR eu.department_id = d.department_id))`;

/** The last touch of a dossier the department must update, else NULL: a column of the dossier list. */
export const TOUCHED_AT_COLUMN = `CASE WHEN ${MUST_BE_UPDATED} THEN ${TOUCHED_AT} END`;

export interface Cutoff {
  centerId: string;
  /** untouchedCutoff by the center's calendar: touched before it means untouched now. */
  until: Date;
}

/** Untouched for more than half a working day now, by each center's calendar (`cutoffs`). */
export function untouchedNow(cutoffs: readonly Cutoff[]): Fragment {
  return {
    sql: `${MUST_BE_UPDATED} AND ${TOUCHED_AT} < (SELECT l.until FROM unnest(?::uuid[], ?::timestamptz[]) AS l(center_id, until) WHERE l.center_id = d.center_id)`,
    values: [cutoffs.map((c) => c.centerId), cutoffs.map((c) => c.until)],
  };
}
