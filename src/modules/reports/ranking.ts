// The ranking of officers and departments over a period (issue 14 item 6): dossiers handled, on-time share, supplement
// requests issued, delay caused (the late report's attribution), evaluation score, and the score normalised by the mix
// of procedures (./domain mixScore), the feedback upheld against the officer or the department (answered in the period
// with the verdict "upheld"), which lowers the score (./domain scoreWithFeedback), and per department the feedback
// assigned to it and answered in the period.
import type { Queryable } from '../../platform/db';
import { many } from '../../platform/db';
import type { CalendarService } from '../calendar/service';
import { lateReport } from '../control/late-report';
import { baselineRates, boundsOf, mixScore, SCORE_FORMULA, scoreWithFeedback, UPHELD_PENALTY, type Period, type ProcedureCount } from './domain';
import type { ReportScope } from './scope';
import * as q from './sql';

export type RankBy = 'staff' | 'department';

/** The history actions by which an officer handles a dossier: receiving it, passing it on, deciding it. */
export const HANDLING_ACTIONS = ['receive', 'transfer', 'complete-step', 'send-back', 'resolve', 'reject'];
const SUPPLEMENT_ACTIONS = ['request-supplement', 'request-supplement-by-department'];

export interface RankingRow {
  rank: number | null;
  key: string;
  name: string;
  /** The officer's department (or the center's reception); for a department over several centers, its center. */
  unit: string | null;
  roles: string[];
  handled: number;
  onTime: number;
  onTimeShare: number | null;
  expectedShare: number | null;
  score: number | null;
  supplementRequests: number;
  lateDossiers: number;
  delayMinutes: number;
  evaluations: number;
  evaluationAverage: number | null;
  /** Departments: feedback assigned to the department and answered in the period (null per officer). */
  feedbackAnswered: number | null;
  /**
   * Feedback answered in the period with the verdict "upheld" against the officer (the officer it names) or the
   * department (assigned to it, or naming one of its officers). Lowers the score.
   */
  feedbackUpheld: number;
  /** The settled dossiers counted, capped (the figures count them all). */
  codes: string[];
}

export interface Ranking {
  from: string;
  to: string;
  asOf: string;
  by: RankBy;
  center: { id: string; code: string; name: string } | null;
  department: { id: string; name: string } | null;
  workingDayMinutes: number;
  formula: { vi: string; en: string };
  notAvailable: { key: string; note: string }[];
  penaltyPerUpheld: number;
  rows: RankingRow[];
}

export const CODES_CAP = 50;
const NO_DEPARTMENT = '-';

type Handled = { key: string; code: string; procedure_code: string; on_time: boolean };

export async function ranking(db: Queryable, calendars: CalendarService, scope: ReportScope, period: Period, by: RankBy, now: Date): Promise<Ranking> {
  const p = boundsOf(period, now);
  // Settled in the period with a decision (early, on time or late; a withdrawal ends a dossier but is nobody's result).
  const settled = q.and(q.inScope(scope), q.f(`d.ended_at >= ? AND d.ended_at < ? AND d.outcome IN ('early', 'on_time', 'late')`, p.start, p.end));
  const key = by === 'staff' ? 'e.actor_id::text' : `coalesce(d.department_id::text, '${NO_DEPARTMENT}')`;
  const join = by === 'staff'
    ? `JOIN dossier_events e ON e.dossier_id = d.id AND e.action = ANY(?::text[]) AND e.actor_id IS NOT NULL`
    : '';
  const handledSql = q.numbered({
    sql: `SELECT DISTINCT ${key} AS key, d.code, d.procedure_code, d.outcome IN ('early', 'on_time') AS on_time
      FROM dossiers d ${join} WHERE ${settled.sql} ORDER BY 1, 2`,
    values: [...(by === 'staff' ? [HANDLING_ACTIONS] : []), ...settled.values],
  });
  const all = q.numbered({ sql: `SELECT d.procedure_code, count(*)::int AS settled, count(*) FILTER (WHERE d.outcome IN ('early', 'on_time'))::int AS "onTime"
    FROM dossiers d WHERE ${settled.sql} GROUP BY 1`, values: settled.values });
  // Supplement requests issued in the period: by the officer who asked (at the counter or in the department), or — per
  // department — the department's own requests.
  const supScope = q.and(q.inScope(scope), q.f('e.at >= ? AND e.at < ? AND e.action = ANY(?::text[])', p.start, p.end,
    by === 'staff' ? SUPPLEMENT_ACTIONS : ['request-supplement-by-department']));
  const sup = q.numbered({ sql: `SELECT ${key} AS key, count(*)::int AS n FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
    WHERE ${supScope.sql} AND e.actor_id IS NOT NULL GROUP BY 1`, values: supScope.values });
  // Evaluations submitted in the period, for the dossiers the officer handled (or the department's).
  const evScope = q.and(q.inScope(scope), q.f('ev.submitted_at >= ? AND ev.submitted_at < ?', p.start, p.end));
  const evKey = by === 'staff' ? 'h.key' : `coalesce(d.department_id::text, '${NO_DEPARTMENT}')`;
  const evJoin = by === 'staff'
    ? `JOIN LATERAL (SELECT DISTINCT e.actor_id::text AS key FROM dossier_events e WHERE e.dossier_id = d.id AND e.action = ANY(?::text[]) AND e.actor_id IS NOT NULL) h ON true`
    : '';
  const ev = q.numbered({
    sql: `SELECT ${evKey} AS key, count(DISTINCT ev.id)::int AS n, round(avg(a.value::numeric) FILTER (WHERE a.value::int >= 0), 2)::float AS average
      FROM evaluations ev JOIN dossiers d ON d.id = ev.dossier_id CROSS JOIN LATERAL jsonb_each_text(ev.answers) a(question, value) ${evJoin}
      WHERE ${evScope.sql} GROUP BY 1`,
    values: [...(by === 'staff' ? [HANDLING_ACTIONS] : []), ...evScope.values],
  });
  // Feedback assigned to a department whose answer was written in the period: what the department had to answer.
  const fb = q.numbered({ sql: `SELECT f.department_id::text AS key, count(DISTINCT f.id)::int AS n FROM feedback f
      JOIN feedback_events e ON e.feedback_id = f.id AND e.to_status = 'answered' AND e.at >= ? AND e.at < ?
    WHERE f.department_id IS NOT NULL AND f.center_id = ANY(?::uuid[]) AND (?::uuid IS NULL OR f.department_id = ?) GROUP BY 1`,
  values: [p.start, p.end, scope.centerIds, scope.departmentId, scope.departmentId] });
  // Feedback upheld, answered in the period: against the officer it names, or the department it was assigned to (else
  // the department of the officer it names).
  const upKey = by === 'staff' ? 'f.officer_id::text' : 'coalesce(f.department_id, o.department_id)::text';
  const up = q.numbered({ sql: `SELECT ${upKey} AS key, count(DISTINCT f.id)::int AS n FROM feedback f LEFT JOIN users o ON o.id = f.officer_id
      JOIN feedback_events e ON e.feedback_id = f.id AND e.to_status = 'answered' AND e.at >= ? AND e.at < ?
    WHERE f.upheld AND f.center_id = ANY(?::uuid[]) AND ${upKey} IS NOT NULL
      AND (?::uuid IS NULL OR coalesce(f.department_id, o.department_id) = ?) GROUP BY 1`,
  values: [p.start, p.end, scope.centerIds, scope.departmentId, scope.departmentId] });
  const [handled, totals, sups, evals, late, feedback, upheld] = await Promise.all([
    many<Handled>(db, handledSql.sql, handledSql.values),
    many<ProcedureCount & { procedure_code: string }>(db, all.sql, all.values),
    many<{ key: string; n: number }>(db, sup.sql, sup.values),
    many<{ key: string; n: number; average: number | null }>(db, ev.sql, ev.values),
    lateReport(db, calendars, scope, period, 'unit', now),
    by === 'department' ? many<{ key: string; n: number }>(db, fb.sql, fb.values) : Promise.resolve([]),
    many<{ key: string; n: number }>(db, up.sql, up.values),
  ]);
  const baseline = baselineRates(totals.map((t) => ({ procedure: t.procedure_code, settled: t.settled, onTime: t.onTime })));

  // Delay caused: the working minutes of the steps that overran their budget, by the person who held the step (staff)
  // or by the department whose step it was.
  const delay = new Map<string, { minutes: number; codes: Set<string> }>();
  for (const item of late.items) {
    for (const o of item.overruns) {
      const k = by === 'staff' ? o.person?.id : o.unit.kind === 'department' && o.unit.key.startsWith('department:') ? o.unit.key.slice('department:'.length) : null;
      if (!k) continue;
      const d = delay.get(k) ?? { minutes: 0, codes: new Set() };
      d.minutes += o.overMinutes;
      d.codes.add(item.code);
      delay.set(k, d);
    }
  }

  const keys = new Set<string>([...handled.map((h) => h.key), ...sups.map((s) => s.key), ...evals.map((e) => e.key), ...delay.keys(), ...feedback.map((f) => f.key), ...upheld.map((f) => f.key)]);
  const names = by === 'staff'
    ? await many<{ key: string; name: string; unit: string | null; roles: string[] }>(db, `SELECT u.id::text AS key, u.full_name AS name, dep.name AS unit, u.roles
        FROM users u LEFT JOIN departments dep ON dep.id = u.department_id WHERE u.id = ANY($1::uuid[])`, [[...keys]])
    // Departments carry their center's name: over the whole province several centers have a "Phòng Tư pháp".
    : await many<{ key: string; name: string; unit: string | null; roles: string[] }>(db, `SELECT dep.id::text AS key, dep.name, c.name AS unit, '{}'::text[] AS roles
        FROM departments dep JOIN centers c ON c.id = dep.center_id WHERE dep.id = ANY($1::uuid[])`, [[...keys].filter((k) => k !== NO_DEPARTMENT)]);
  const nameOf = new Map(names.map((n) => [n.key, n]));

  const rows: RankingRow[] = [...keys].map((k) => {
    const mine = handled.filter((h) => h.key === k);
    const perProcedure = new Map<string, ProcedureCount>();
    for (const h of mine) {
      const c = perProcedure.get(h.procedure_code) ?? { procedure: h.procedure_code, settled: 0, onTime: 0 };
      c.settled++;
      if (h.on_time) c.onTime++;
      perProcedure.set(h.procedure_code, c);
    }
    const s = mixScore([...perProcedure.values()], baseline);
    const e = evals.find((x) => x.key === k);
    const n = nameOf.get(k);
    const upheldN = upheld.find((x) => x.key === k)?.n ?? 0;
    return {
      rank: null, key: k, name: n?.name ?? (k === NO_DEPARTMENT ? 'Chưa giao phòng chuyên môn' : k),
      unit: by === 'staff' ? n?.unit ?? (n?.roles.includes('reception') ? 'Bộ phận Tiếp nhận và Trả kết quả' : null) : scope.center ? null : n?.unit ?? null,
      roles: n?.roles ?? [],
      handled: s.settled, onTime: s.onTime, onTimeShare: s.onTimeShare, expectedShare: s.expectedShare, score: scoreWithFeedback(s.score, upheldN),
      supplementRequests: sups.find((x) => x.key === k)?.n ?? 0,
      lateDossiers: delay.get(k)?.codes.size ?? 0, delayMinutes: delay.get(k)?.minutes ?? 0,
      evaluations: e?.n ?? 0, evaluationAverage: e?.average ?? null,
      feedbackAnswered: by === 'department' ? feedback.find((x) => x.key === k)?.n ?? 0 : null,
      feedbackUpheld: upheldN,
      codes: mine.slice(0, CODES_CAP).map((h) => h.code),
    };
  });
  rows.sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || b.handled - a.handled || a.delayMinutes - b.delayMinutes || a.name.localeCompare(b.name, 'vi'));
  // Equal scores share a rank; rows with nothing settled are not ranked.
  let prev: number | null = null;
  let rank = 0;
  rows.forEach((r, i) => {
    if (r.score === null) return;
    if (r.score !== prev) rank = i + 1;
    prev = r.score;
    r.rank = rank;
  });
  return {
    from: period.from, to: period.to, asOf: p.asOf.toISOString(), by,
    center: scope.center ? { id: scope.center.id, code: scope.center.code, name: scope.center.name } : null,
    department: scope.department, workingDayMinutes: late.workingDayMinutes,
    formula: SCORE_FORMULA,
    notAvailable: [],
    penaltyPerUpheld: UPHELD_PENALTY,
    rows,
  };
}
