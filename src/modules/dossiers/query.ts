import { z } from 'zod';
import type { Queryable } from '../../platform/db';
import { many, one, preparedVariant } from '../../platform/db';
import { badRequest, forbidden } from '../../platform/errors';
import { periodProblem } from '../reports/domain';
import { escapeLike, namePhraseQuery, nameTermsQuery } from '../../platform/text';
import type { Actor } from '../auth/actor';
import { actorCan, isDepartmentStaff, isProvinceWide } from '../auth/actor';
import { findCenter } from '../centers/repo';
import { STATUSES } from './domain/lifecycle';
import { DOSSIER_FROM, SUMMARY_COLUMNS, type SummaryRow } from './repo';
import { isoDay } from '../../http/inputs';
import { STATS, statFragment } from '../reports/stat-filter';
import { openInDueOrder, overdueNow } from '../reports/sql';
import type { Cutoff } from '../control/sql';

export const ListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  idNumber: z.string().trim().regex(/^\d{12}$/, 'Số định danh gồm 12 chữ số').optional(),
  phone: z.string().trim().max(20).optional(),
  procedure: z.string().max(50).optional(),
  field: z.string().max(10).optional(),
  status: z.string().max(200).optional().refine((s) => !s || s.split(',').every((x) => (STATUSES as readonly string[]).includes(x)), 'Trạng thái không hợp lệ'),
  from: isoDay().optional(),
  to: isoDay().optional(),
  overdue: z.enum(['1', 'true']).optional(),
  /**
   * The dossiers behind one figure of the dashboard or the settlement report (reports/stat-filter): from and to are
   * then the report's period instead of the registration dates.
   */
  stat: z.enum(STATS, { error: 'Chỉ tiêu thống kê không hợp lệ' }).optional(),
  department: z.string().regex(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|-)$/i, 'Phòng chuyên môn không hợp lệ').optional(),
  inbox: z.enum(['1', 'true']).optional(),
  center: z.string().max(60).optional(),
  sort: z.enum(['registered_desc', 'registered_asc', 'due_asc']).default('registered_desc'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListQuery = z.infer<typeof ListQuery>;

/** Lists report their exact size up to this many dossiers, and "at least this many" beyond. */
export const COUNT_CAP = 10_000;

/**
 * Lists dossiers the caller may see, with search and filters. Center staff see their center; department staff see
 * only what the workflow handed to their department; province roles may pick a center or see all.
 */
export async function listDossiers(db: Queryable, actor: Actor, q: ListQuery, now: Date, countCap = COUNT_CAP,
  atRiskLimits: { centerId: string; until: Date }[] = [], untouchedCutoffs: Cutoff[] = []): Promise<{ rows: SummaryRow[]; total: number; totalCapped: boolean }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    let s = sql;
    for (const v of values) {
      params.push(v);
      s = s.replace('?', `$${params.length}`);
    }
    where.push(s);
  };
  if (isProvinceWide(actor)) {
    if (!actorCan(actor, 'dossiers.view_center')) throw forbidden();
    if (q.center) add('d.center_id = ?', (await findCenter(db, q.center)).id);
  } else if (actorCan(actor, 'dossiers.view_center') && actor.centerId) {
    add('d.center_id = ?', actor.centerId);
  } else if (isDepartmentStaff(actor) && actor.departmentId) {
    add('d.department_id = ? AND d.step_index IS NOT NULL', actor.departmentId);
  } else {
    throw forbidden();
  }
  if (q.inbox) where.push(`d.status IN ('in_progress', 'paused')`);
  if (q.status) add('d.status = ANY(?)', q.status.split(','));
  if (q.procedure) add('d.procedure_code = ?', q.procedure);
  if (q.field) add('d.field_code = ?', q.field.toUpperCase());
  if (q.department) add(q.department === '-' ? 'd.department_id IS NULL' : 'd.department_id = ?', ...(q.department === '-' ? [] : [q.department]));
  if (q.stat) {
    const from = q.from ?? q.to;
    const period = from ? { from, to: q.to ?? from } : null;
    const problem = period && periodProblem(period);
    if (problem) throw badRequest('REPORT_BAD_PERIOD', problem);
    const fr = statFragment(q.stat, period, now, atRiskLimits, untouchedCutoffs);
    add(fr.sql, ...fr.values);
  } else {
    if (q.from) add(`d.registered_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`, q.from);
    if (q.to) add(`d.registered_at < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`, q.to);
  }
  // Overdue as the dashboard counts it: by the legal due date, paused time excluded (reports/sql).
  if (q.overdue) {
    const fr = overdueNow(now);
    add(fr.sql, ...fr.values);
  }
  if (q.overdue || q.stat === 'overdue' || q.stat === 'at_risk' || q.stat === 'untouched') add(openInDueOrder.sql);
  // Search reads each dossier's own applicant snapshot (as given at its registration), never the applicant record,
  // which a later registration updates: what one center wrote can never hide or rename another center's dossiers.
  // By citizen ID: dossiers the person applied for themselves (not as an organization's representative).
  const byIdNumber = `(d.applicant->>'idNumber') = ? AND (d.applicant->>'taxCode') IS NULL`;
  if (q.idNumber) add(byIdNumber, q.idNumber);
  if (q.phone) add(`(d.applicant->>'phone') = ?`, q.phone);
  let byName = false;
  if (q.q) {
    const text = q.q.trim();
    if (/^[0-9A-Za-z.]+-\d{6}-\d{1,4}$/.test(text) || /^\d{6}-\d{4}$/.test(text)) add('d.code LIKE ?', `%${escapeLike(text)}`);
    else if (/^\d{12}$/.test(text)) add(byIdNumber, text);
    else {
      const phrase = namePhraseQuery(text);
      // The pairs of words find the rows through the index; the phrase (order, last word as a prefix) is checked on them.
      if (phrase) add(`d.applicant_terms @@ to_tsquery('simple', ?) AND d.applicant_words @@ to_tsquery('simple', ?)`, nameTermsQuery(text), phrase);
      byName = phrase !== null;
    }
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Overdue first in an inbox; otherwise the chosen order. The id breaks ties so pages never overlap.
  const order = q.inbox || q.sort === 'due_asc' ? 'd.due_at ASC NULLS LAST, d.id' : q.sort === 'registered_asc' ? 'd.registered_at ASC, d.id' : 'd.registered_at DESC, d.id';
  // First pages (the inbox, the overdue list, a search) are prepared per filter combination, a few dozen in
  // practice: planning cost as much as running them. LIMIT/OFFSET stay literal because PostgreSQL never picks a
  // reusable plan for a parameterized LIMIT; deeper pages are planned each time so connections do not accumulate
  // one prepared statement per offset.
  const pageOf = (columns: string) => `SELECT ${columns} FROM ${DOSSIER_FROM} ${w} ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`;
  const page = pageOf(SUMMARY_COLUMNS);
  const firstPage = q.offset === 0 && [10, 20, 50, 100].includes(q.limit);
  if (byName && firstPage) {
    // A name search finds a few hundred dossiers at most, and finding them is the costly part (the word index):
    // one query that counts while it pages, instead of running the search twice.
    const found = await many<SummaryRow & { full_count: number }>(db, preparedVariant(pageOf(`${SUMMARY_COLUMNS}, count(*) OVER () AS full_count`)), params);
    const n = found[0]?.full_count ?? 0;
    return { rows: found.map(({ full_count: _n, ...row }) => row), total: n, totalCapped: false };
  }
  // The count stops at the cap (COUNT_CAP): counting every dossier of a center (500,000 after three years) on each list
  // page would cost more than the page. Inbox and overdue lists stay far below it and get their exact size.
  const [total, rows] = await Promise.all([
    one<{ n: number }>(db, preparedVariant(`SELECT count(*)::int AS n FROM (SELECT 1 FROM dossiers d ${w} LIMIT ${countCap + 1}) s`), params),
    many<SummaryRow>(db, firstPage ? preparedVariant(page) : page, params),
  ]);
  const n = total?.n ?? 0;
  return { rows, total: Math.min(n, countCap), totalCapped: n > countCap };
}
