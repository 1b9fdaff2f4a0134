// The dashboard's control table: per department, what is overdue, at risk, and untouched for more than half a working
// day (with the predicates of reports/sql and ./sql, so each figure is the length of the list it opens), plus what is
// still at the center before the transfer. The rows add up to the dashboard's totals.
import type { Queryable } from '../../platform/db';
import { many } from '../../platform/db';
import * as q from '../reports/sql';
import { untouchedNow, type Cutoff } from './sql';

export interface ControlRow {
  /** The department's id, or '-' for dossiers still at the center (not handed to a department yet). */
  key: string;
  department: { id: string; name: string } | null;
  name: string;
  overdue: number;
  atRisk: number;
  untouched: number;
}

export const AT_CENTER = 'Bộ phận Tiếp nhận và Trả kết quả (chưa chuyển phòng chuyên môn)';

export async function controlByDepartment(db: Queryable, inScope: q.Fragment, now: Date, atRisk: { centerId: string; until: Date }[], cutoffs: Cutoff[]): Promise<ControlRow[]> {
  const over = q.overdueNow(now);
  const risk = q.atRiskNow(now, atRisk);
  const stale = untouchedNow(cutoffs);
  const sel = q.numbered({
    sql: `SELECT CASE WHEN d.step_index IS NOT NULL THEN d.department_id::text ELSE '-' END AS key, min(dep.name) AS name,
        count(*) FILTER (WHERE ${over.sql})::int AS overdue, count(*) FILTER (WHERE ${risk.sql})::int AS "atRisk", count(*) FILTER (WHERE ${stale.sql})::int AS untouched
      FROM dossiers d LEFT JOIN departments dep ON dep.id = d.department_id AND d.step_index IS NOT NULL
      WHERE ${inScope.sql} AND ((${over.sql}) OR (${risk.sql}) OR (${stale.sql})) GROUP BY 1`,
    values: [...over.values, ...risk.values, ...stale.values, ...inScope.values, ...over.values, ...risk.values, ...stale.values],
  });
  const rows = await many<{ key: string; name: string | null; overdue: number; atRisk: number; untouched: number }>(db, sel.sql, sel.values);
  return rows
    .map((r) => ({ key: r.key, department: r.key === '-' ? null : { id: r.key, name: r.name ?? '' }, name: r.key === '-' ? AT_CENTER : r.name ?? '', overdue: r.overdue, atRisk: r.atRisk, untouched: r.untouched }))
    .sort((a, b) => b.overdue - a.overdue || b.atRisk - a.atRisk || b.untouched - a.untouched || a.name.localeCompare(b.name, 'vi'));
}
