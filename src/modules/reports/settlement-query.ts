// The settlement report over the database: one pass over the report index (dossiers_report) counting every
// category per group with the predicates of ./sql, then the domain's arithmetic (assemble: reconciled rows).
import type { Queryable } from '../../platform/db';
import { many } from '../../platform/db';
import { assemble, boundsOf, type Counts, type Figures, type Period, type SettlementRow } from './domain';
import type { ReportScope } from './scope';
import * as q from './sql';

export type GroupBy = 'field' | 'department';

export interface SettlementReport {
  from: string;
  to: string;
  asOf: string;
  groupBy: GroupBy;
  center: { id: string; code: string; name: string } | null;
  department: { id: string; name: string } | null;
  rows: SettlementRow[];
  total: Figures;
}

const GROUP_KEY: Record<GroupBy, string> = { field: 'd.field_code', department: `coalesce(d.department_id::text, '-')` };
// Names and order of the groups: fields in the catalog's order, departments by code, "not assigned" last.
const GROUP_NAMES: Record<GroupBy, string> = {
  field: `SELECT code AS key, name, no AS ord FROM fields`,
  department: `SELECT id::text AS key, name, row_number() OVER (ORDER BY center_id, code) AS ord FROM departments
    UNION ALL SELECT '-', 'Chưa giao phòng chuyên môn', 1000000`,
};

const COLUMNS: [keyof Counts, (p: q.PeriodSql, now: Date) => q.Fragment][] = [
  ['carriedOver', (p) => q.carriedOver(p)],
  ['newOnline', (p) => q.received(p, 'online')],
  ['newDirect', (p) => q.received(p, 'direct')],
  ['early', (p) => q.settled(p, 'early')],
  ['onTime', (p) => q.settled(p, 'on_time')],
  ['late', (p) => q.settled(p, 'late')],
  ['withdrawn', (p) => q.settled(p, 'withdrawn')],
  ['rejected', (p) => q.rejected(p)],
  ['withinTime', (p, now) => q.and(q.inProgress(p), { sql: `NOT (${q.overdueAt(p, now).sql})`, values: q.overdueAt(p, now).values })],
  ['overdue', (p, now) => q.and(q.inProgress(p), q.overdueAt(p, now))],
];

/** Counts per group key (field code or department id) for the scope and period. */
export async function settlementCounts(db: Queryable, scope: ReportScope, period: Period, groupBy: GroupBy | null, now: Date): Promise<Map<string, Counts>> {
  const p = boundsOf(period, now);
  const key = groupBy ? GROUP_KEY[groupBy] : `'total'`;
  const filters = COLUMNS.map(([name, fr]) => ({ name, fr: fr(p, now) }));
  const select = filters.map(({ name, fr }) => ({ sql: `count(*) FILTER (WHERE ${fr.sql})::int AS "${name}"`, values: fr.values }));
  const where = q.and(q.inScope(scope), q.inPeriod(p));
  const main = q.numbered({ sql: `SELECT ${key} AS key, ${select.map((s) => s.sql).join(', ')} FROM dossiers d WHERE ${where.sql} GROUP BY 1`,
    values: [...select.flatMap((s) => s.values), ...where.values] });
  const ref = q.numbered(q.and(q.inScope(scope), q.refused(p)));
  const [rows, refusedRows] = await Promise.all([
    many<Omit<Counts, 'refused'> & { key: string }>(db, main.sql, main.values),
    many<{ key: string; n: number }>(db, `SELECT ${key} AS key, count(*)::int AS n FROM dossiers d WHERE ${ref.sql} GROUP BY 1`, ref.values),
  ]);
  const out = new Map<string, Counts>();
  for (const { key: k, ...c } of rows) out.set(k, { ...c, refused: 0 });
  for (const r of refusedRows) {
    const c = out.get(r.key) ?? { carriedOver: 0, newOnline: 0, newDirect: 0, early: 0, onTime: 0, late: 0, withdrawn: 0, rejected: 0, withinTime: 0, overdue: 0, refused: 0 };
    c.refused = r.n;
    out.set(r.key, c);
  }
  return out;
}

export async function settlementReport(db: Queryable, scope: ReportScope, period: Period, groupBy: GroupBy, now: Date): Promise<SettlementReport> {
  const counts = await settlementCounts(db, scope, period, groupBy, now);
  const names = await many<{ key: string; name: string; ord: number }>(db, `SELECT key, name, ord FROM (${GROUP_NAMES[groupBy]}) g WHERE key = ANY($1::text[])`, [[...counts.keys()]]);
  const byKey = new Map(names.map((n) => [n.key, n]));
  const groups = [...counts.entries()]
    .map(([key, c]) => ({ key, name: byKey.get(key)?.name ?? key, ord: Number(byKey.get(key)?.ord ?? 1e9), counts: c }))
    .sort((a, b) => a.ord - b.ord || a.key.localeCompare(b.key));
  const { rows, total } = assemble(groups);
  const b = boundsOf(period, now);
  return {
    from: period.from, to: period.to, asOf: b.asOf.toISOString(), groupBy,
    center: scope.center ? { id: scope.center.id, code: scope.center.code, name: scope.center.name } : null,
    department: scope.department, rows, total,
  };
}
