// The leaders' dashboard: today's and this month's settlement figures, what is overdue or at risk now, the queue,
// on-time shares by field and department, and the ten most overdue dossiers with who holds them.
import type { Queryable } from '../../platform/db';
import { many, one } from '../../platform/db';
import type { CalendarService } from '../calendar/service';
import type { Actor } from '../auth/actor';
import { workingMinutesBetween } from '../calendar/domain';
import { queueStats } from '../queue/stats';
import { atRiskLimit, figuresOf, legalDueAt, monthToDate, todayPeriod, workingDayMinutes, zeroCounts, type Figures, type Period } from './domain';
import { listCenterIds, type ReportScope } from './scope';
import { settlementCounts, settlementReport } from './settlement-query';
import * as q from './sql';
import { untouchedCutoffs } from '../control/cutoffs';
import { controlByDepartment, type ControlRow } from '../control/dashboard';
import { untouchedNow } from '../control/sql';
import { feedbackOverdueCount } from '../feedback/routes';

export interface OnTimeShare {
  key: string;
  name: string;
  settled: number;
  early: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
}

export interface OverdueDossier {
  code: string;
  centerId: string;
  procedure: { code: string; name: string };
  field: string;
  department: { id: string; name: string } | null;
  step: { index: number; name: string; role: string } | null;
  holder: string;
  assignee: string | null;
  dueAt: string;
  legalDueAt: string;
  paused: boolean;
  overdueWorkingDays: number;
}

export interface Dashboard {
  center: { id: string; code: string; name: string } | null;
  department: { id: string; name: string } | null;
  generatedAt: string;
  today: { period: Period; figures: Figures };
  month: { period: Period; figures: Figures };
  overdue: number;
  atRisk: number;
  /** Held by a department and not updated for more than half a working day (control, Quy chế 12.2). */
  untouched: number;
  /** Per department (and at the center before the transfer): overdue, at risk, untouched. */
  control: ControlRow[];
  queue: { waiting: number; averageWaitMinutes: number | null; served: number } | null;
  byField: OnTimeShare[];
  byDepartment: OnTimeShare[];
  mostOverdue: OverdueDossier[];
  /** Feedback and complaints past the deadline of their current step (a department: those assigned to it). */
  feedbackOverdue: number;
}

/** Per center of the scope, the latest legal due date still "at risk" now (one working day by its calendar). */
export async function atRiskLimits(calendars: CalendarService, centerIds: string[], now: Date): Promise<{ centerId: string; until: Date }[]> {
  return Promise.all(centerIds.map(async (centerId) => ({ centerId, until: atRiskLimit((await calendars.forCenter(centerId)).calendar, now) })));
}

/** The at-risk limits of the centers a dossier list may show. */
export async function atRiskLimitsFor(db: Queryable, calendars: CalendarService, actor: Actor, center: string | undefined, now: Date) {
  return atRiskLimits(calendars, await listCenterIds(db, actor, center), now);
}

const countOf = async (db: Queryable, fr: q.Fragment) => {
  const n = q.numbered(fr);
  return (await one<{ n: number }>(db, `SELECT count(*)::int AS n FROM dossiers d WHERE ${n.sql}`, n.values))!.n;
};

const shares = (rows: { key: string; name: string; settled: { early: number; onTime: number; late: number }; onTimeRate: number | null }[]): OnTimeShare[] =>
  rows.map((r) => ({ key: r.key, name: r.name, settled: r.settled.early + r.settled.onTime + r.settled.late, early: r.settled.early, onTime: r.settled.onTime, late: r.settled.late, onTimeRate: r.onTimeRate }))
    .filter((r) => r.settled > 0);

export async function dashboard(db: Queryable, calendars: CalendarService, scope: ReportScope, now: Date): Promise<Dashboard> {
  const today = todayPeriod(now);
  const month = monthToDate(now);
  const [limits, cutoffs] = await Promise.all([atRiskLimits(calendars, scope.centerIds, now), untouchedCutoffs(calendars, scope.centerIds, now)]);
  const inScope = q.inScope(scope);
  const totalOf = async (p: Period) => figuresOf((await settlementCounts(db, scope, p, null, now)).get('total') ?? zeroCounts());
  const [todayFigures, monthFigures, overdue, atRisk, byField, byDepartment, top, queue, untouched, control, feedbackOverdue] = await Promise.all([
    totalOf(today),
    totalOf(month),
    countOf(db, q.and(inScope, q.overdueNow(now))),
    countOf(db, q.and(inScope, q.atRiskNow(now, limits))),
    settlementReport(db, scope, month, 'field', now),
    scope.departmentId ? null : settlementReport(db, scope, month, 'department', now),
    mostOverdue(db, calendars, inScope, now),
    scope.departmentId ? null : queueToday(db, scope, now),
    countOf(db, q.and(inScope, untouchedNow(cutoffs))),
    controlByDepartment(db, inScope, now, limits, cutoffs),
    feedbackOverdueCount(db, scope.centerIds, scope.departmentId, now),
  ]);
  return {
    center: scope.center ? { id: scope.center.id, code: scope.center.code, name: scope.center.name } : null,
    department: scope.department,
    generatedAt: now.toISOString(),
    today: { period: today, figures: todayFigures },
    month: { period: month, figures: monthFigures },
    overdue, atRisk, untouched, control, queue,
    byField: shares(byField.rows),
    byDepartment: byDepartment ? shares(byDepartment.rows) : [],
    mostOverdue: top,
    feedbackOverdue,
  };
}

async function queueToday(db: Queryable, scope: ReportScope, now: Date) {
  const day = todayPeriod(now).from;
  const one1 = scope.centerIds.length === 1 ? scope.centerIds[0] : null;
  const [stats, waiting] = await Promise.all([
    queueStats(db, one1, day, day, 'day'),
    one<{ n: number }>(db, `SELECT count(*)::int AS n FROM queue_tickets WHERE center_id = ANY($1::uuid[]) AND day = $2 AND status = 'waiting'`, [scope.centerIds, day]),
  ]);
  return { waiting: waiting!.n, averageWaitMinutes: stats.total.avgWaitMinutes, served: stats.total.served };
}

type OverdueRow = {
  code: string; center_id: string; procedure_code: string; procedure_name: string; field_code: string; department_id: string | null; department_name: string | null;
  step_index: number | null; step: { name: string; role: string } | null; holder: string; assignee: string | null; due_at: Date; original_due_at: Date | null; paused_at: Date | null;
};

/** The ten dossiers longest past their legal due date (a paused one counts until its pause), with who holds each. */
async function mostOverdue(db: Queryable, calendars: CalendarService, inScope: q.Fragment, now: Date): Promise<OverdueDossier[]> {
  const w = q.numbered(q.and(inScope, q.overdueNow(now)), 1);
  const rows = await many<OverdueRow>(db, `SELECT d.code, d.center_id, d.procedure_code, p.name AS procedure_name, d.field_code, d.department_id, dep.name AS department_name,
      d.step_index, CASE WHEN d.step_index IS NOT NULL THEN d.workflow -> d.step_index END AS step, d.holder, u.full_name AS assignee,
      d.due_at, d.original_due_at, d.paused_at
    FROM dossiers d JOIN procedures p ON p.code = d.procedure_code LEFT JOIN departments dep ON dep.id = d.department_id LEFT JOIN users u ON u.id = d.assignee_id
    WHERE ${w.sql} ORDER BY coalesce(d.paused_at, $1) - coalesce(d.original_due_at, d.due_at) DESC, d.code LIMIT 10`, [now, ...w.values]);
  const out: OverdueDossier[] = [];
  for (const r of rows) {
    const cal = (await calendars.forCenter(r.center_id)).calendar;
    const legal = legalDueAt({ dueAt: r.due_at, originalDueAt: r.original_due_at });
    const minutes = workingMinutesBetween(cal, legal, r.paused_at ?? now);
    out.push({
      code: r.code, centerId: r.center_id, procedure: { code: r.procedure_code, name: r.procedure_name }, field: r.field_code,
      department: r.department_id ? { id: r.department_id, name: r.department_name ?? '' } : null,
      step: r.step && r.step_index !== null ? { index: r.step_index, name: r.step.name, role: r.step.role } : null,
      holder: r.holder, assignee: r.assignee, dueAt: r.due_at.toISOString(), legalDueAt: legal.toISOString(), paused: r.paused_at !== null,
      overdueWorkingDays: Math.round((minutes / workingDayMinutes(cal)) * 10) / 10,
    });
  }
  return out;
}

