// The late-dossier report: the dossiers of a period that were settled late, or were in progress and overdue at its end
// (the settlement report's "settled late" and "in progress overdue" columns, with the same predicates), each with the
// steps that overran their budget (./domain attributeDelay), grouped by unit or by reason.
import type { Queryable } from '../../platform/db';
import { many } from '../../platform/db';
import type { CalendarService } from '../calendar/service';
import type { WorkCalendar } from '../calendar/domain';
import { boundsOf, legalDueAt, openFactsAt, workingDayMinutes, type Period, type Resumption } from '../reports/domain';
import type { ReportScope } from '../reports/scope';
import * as q from '../reports/sql';
import { attributeDelay, stepAt, groupByReason, groupByUnit, REASON_NAMES, unitOf, type HistoryEvent, type LateGroup, type LateItem, type Person, type Reason } from './domain';

export type LateGroupBy = 'unit' | 'reason';

export interface LateDossier {
  code: string;
  procedure: { code: string; name: string };
  department: { id: string; name: string } | null;
  state: 'settled_late' | 'overdue';
  receivedAt: string;
  legalDueAt: string;
  endedAt: string | null;
  lateMinutes: number;
  reasons: { key: Reason; name: string }[];
  overruns: {
    index: number; step: string; role: string; unit: { key: string; name: string; kind: string }; person: Person | null;
    budgetMinutes: number; usedMinutes: number; overMinutes: number;
  }[];
  lateNotice: string | null;
}

export interface LateReport {
  from: string;
  to: string;
  asOf: string;
  groupBy: LateGroupBy;
  center: { id: string; code: string; name: string } | null;
  department: { id: string; name: string } | null;
  /** Working minutes in a working day (to show minutes as days). */
  workingDayMinutes: number;
  rows: LateGroup[];
  total: { dossiers: number; settledLate: number; overdue: number; overMinutes: number; lateMinutes: number };
  items: LateDossier[];
}

type Row = {
  id: string; code: string; center_id: string; procedure_code: string; procedure_name: string; department_id: string | null; department_name: string | null;
  workflow: LateItemFacts['workflow']; received_at: Date; due_at: Date; original_due_at: Date | null; paused_at: Date | null; ended_at: Date | null;
  late_by_supplement: boolean; late_notice: { reason?: string } | null; settled_late: boolean; step_index: number | null;
};
type LateItemFacts = Parameters<typeof attributeDelay>[1];
type EventRow = { dossier_id: string; at: Date; action: string; data: Record<string, unknown>; actor_id: string | null; actor_name: string | null };

const ACTIONS = ['transfer', 'complete-step', 'send-back', 'resolve', 'reject', 'request-supplement-by-department', 'supplement', 'assign'];
const num = (v: unknown) => (typeof v === 'number' ? v : null);
const date = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);

/**
 * Who held the open step at `asOf`: the colleague last assigned since the dossier reached that step, or — for the
 * head's approval step, where the specialist's assignment carries over — the department's only head.
 */
function holderAt(events: EventRow[], asOf: Date, role: string | undefined, soleHead: Person | null): Person | null {
  if (role === 'department_head') return soleHead;
  let holder: Person | null = null;
  for (const e of events) {
    if (e.at.getTime() > asOf.getTime()) break;
    if (['transfer', 'complete-step', 'send-back'].includes(e.action)) holder = null;
    else if (e.action === 'assign' && typeof e.data.assigneeId === 'string') holder = { id: e.data.assigneeId, name: String(e.data.assigneeName ?? '') };
  }
  return holder;
}

export async function lateReport(db: Queryable, calendars: CalendarService, scope: ReportScope, period: Period, groupBy: LateGroupBy, now: Date): Promise<LateReport> {
  const p = boundsOf(period, now);
  const base = q.and(q.inScope(scope), q.inPeriod(p));
  const settledLate = q.settled(p, 'late');
  const overdue = q.and(q.inProgress(p), q.overdueAt(p, now));
  const sel = q.numbered({
    sql: `SELECT d.id, d.code, d.center_id, d.procedure_code, pr.name AS procedure_name, d.department_id, dep.name AS department_name, d.workflow,
        d.received_at, d.due_at, d.original_due_at, d.paused_at, d.ended_at, d.late_by_supplement, d.late_notice, d.step_index, (${settledLate.sql}) AS settled_late
      FROM dossiers d JOIN procedures pr ON pr.code = d.procedure_code LEFT JOIN departments dep ON dep.id = d.department_id
      WHERE ${base.sql} AND ((${settledLate.sql}) OR (${overdue.sql})) ORDER BY d.received_at, d.code`,
    values: [...settledLate.values, ...base.values, ...settledLate.values, ...overdue.values],
  });
  const rows = await many<Row>(db, sel.sql, sel.values);
  const events = rows.length ? await many<EventRow>(db, `SELECT e.dossier_id, e.at, e.action, e.data, u.id AS actor_id, u.full_name AS actor_name
    FROM dossier_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.dossier_id = ANY($1::uuid[]) AND e.action = ANY($2::text[]) ORDER BY e.dossier_id, e.id`,
  [rows.map((r) => r.id), ACTIONS]) : [];
  const byDossier = new Map<string, EventRow[]>();
  for (const e of events) byDossier.set(e.dossier_id, [...(byDossier.get(e.dossier_id) ?? []), e]);
  const depIds = [...new Set(rows.map((r) => r.department_id).filter((x): x is string => !!x))];
  const heads = await many<{ department_id: string; id: string; name: string }>(db, `SELECT department_id, id, full_name AS name FROM users
    WHERE department_id = ANY($1::uuid[]) AND 'department_head' = ANY(roles) AND active`, [depIds]);
  const soleHead = (dep: string | null) => {
    const hs = heads.filter((h) => h.department_id === dep);
    return hs.length === 1 ? { id: hs[0].id, name: hs[0].name } : null;
  };
  const cals = new Map<string, WorkCalendar>();
  const items: (LateItem & { out: LateDossier })[] = [];
  for (const r of rows) {
    if (!cals.has(r.center_id)) cals.set(r.center_id, (await calendars.forCenter(r.center_id)).calendar);
    const cal = cals.get(r.center_id)!;
    const evs = byDossier.get(r.id) ?? [];
    const ended = r.settled_late ? r.ended_at : null;
    // An open dossier's legal due date as it stood at the period's end (a later resumption moved it since).
    const resumptions: Resumption[] = evs.filter((e) => e.action === 'supplement' && date(e.data.pausedFrom)).map((e) => ({
      at: e.at, pausedFrom: date(e.data.pausedFrom)!, previousLegalDueAt: date(e.data.previousLegalDueAt) ?? date(e.data.previousDueAt)!,
    }));
    const due = ended ? legalDueAt({ dueAt: r.due_at, originalDueAt: r.original_due_at })
      : openFactsAt({ dueAt: r.due_at, originalDueAt: r.original_due_at, pausedAt: r.paused_at }, resumptions, p.asOf).dueAt;
    const history: HistoryEvent[] = evs.filter((e) => e.action !== 'assign').map((e) => ({
      at: e.at, action: e.action, fromStep: num(e.data.fromStep), toStep: num(e.data.toStep), pausedFrom: date(e.data.pausedFrom),
      actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? '' } : null,
    }));
    const openStep = r.workflow[stepAt(history, p.asOf) ?? -1]?.role;
    const a = attributeDelay(cal, {
      workflow: r.workflow, receivedAt: r.received_at, legalDueAt: due, endedAt: ended, lateBySupplement: r.late_by_supplement,
      assignee: ended ? null : holderAt(evs, p.asOf, openStep, soleHead(r.department_id)), events: history,
    }, ended ?? p.asOf);
    const department = r.department_id ? { id: r.department_id, name: r.department_name ?? '' } : null;
    const item: LateItem = { code: r.code, centerId: r.center_id, department, attribution: a };
    items.push({
      ...item,
      out: {
        code: r.code, procedure: { code: r.procedure_code, name: r.procedure_name }, department, state: ended ? 'settled_late' : 'overdue',
        receivedAt: r.received_at.toISOString(), legalDueAt: due.toISOString(), endedAt: ended?.toISOString() ?? null, lateMinutes: a.lateMinutes,
        reasons: a.reasons.map((k) => ({ key: k, name: REASON_NAMES[k] })),
        overruns: a.overruns.map((s) => ({
          index: s.index, step: s.name, role: s.role, unit: unitOf(item, s), person: s.person, budgetMinutes: s.budgetMinutes, usedMinutes: s.usedMinutes, overMinutes: s.overMinutes,
        })),
        lateNotice: typeof r.late_notice?.reason === 'string' ? r.late_notice.reason : null,
      },
    });
  }
  const dayMinutes = workingDayMinutes(scope.center ? (await calendars.forCenter(scope.center.id)).calendar : (await calendars.forCenter()).calendar);
  return {
    from: period.from, to: period.to, asOf: p.asOf.toISOString(), groupBy,
    center: scope.center ? { id: scope.center.id, code: scope.center.code, name: scope.center.name } : null,
    department: scope.department, workingDayMinutes: dayMinutes,
    rows: groupBy === 'unit' ? groupByUnit(items) : groupByReason(items),
    total: {
      dossiers: items.length, settledLate: items.filter((i) => i.out.state === 'settled_late').length, overdue: items.filter((i) => i.out.state === 'overdue').length,
      overMinutes: items.reduce((s, i) => s + i.attribution.overruns.reduce((t, o) => t + o.overMinutes, 0), 0),
      lateMinutes: items.reduce((s, i) => s + i.attribution.lateMinutes, 0),
    },
    items: items.map((i) => i.out),
  };
}

