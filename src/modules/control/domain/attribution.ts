// Delay attribution: for a late dossier, which workflow step — and so which unit and which person — used more working
// time than its budget, and by how much. Pure: the dossier's steps, its history and the instants come in.
//
// The history is cut into step visits: the reception step from the receipt to the transfer, then each hand-off
// (transfer, complete-step, send-back) ends one visit and starts the next, and the settlement (resolve, reject) ends
// the last; an open dossier's current visit runs to the moment the report looks at. Time the department waited for the
// applicant's supplement (from its request to the supplement) is not the department's: it is taken out. A step visited
// twice (sent back) has one budget for both visits.
import { workingMinutesBetween, type WorkCalendar } from '../../calendar/domain';

export type StepRole = 'reception' | 'specialist' | 'department_head' | 'inter_agency';

export interface BudgetedStep {
  name: string;
  role: StepRole;
  unit: string;
  budget: { unit: 'working_days' | 'working_hours'; value: number };
}

export interface Person {
  id: string;
  name: string;
}

export interface HistoryEvent {
  at: Date;
  action: string;
  /** Hand-offs: the step left and the step entered, as the event recorded them. */
  fromStep?: number | null;
  toStep?: number | null;
  /** A supplement after the department's request: when the pause began. */
  pausedFrom?: Date | null;
  actor: Person | null;
}

export interface LateFacts {
  workflow: readonly BudgetedStep[];
  receivedAt: Date;
  legalDueAt: Date;
  /** When it was settled (resolved or rejected); null while open. */
  endedAt: Date | null;
  /** More than one supplement request: late by the one-stop rule whatever the times. */
  lateBySupplement: boolean;
  /** Who holds the current step of an open dossier (its assignee), if anyone claimed it. */
  assignee: Person | null;
  /** The dossier's history in order. */
  events: readonly HistoryEvent[];
}

/** Why a dossier is late, by the kind of step that overran (or the one-stop rule). */
export const REASONS = ['reception', 'processing', 'approval', 'inter_agency', 'result_return', 'supplement', 'unattributed'] as const;
export type Reason = (typeof REASONS)[number];

export interface StepUse {
  index: number;
  name: string;
  role: StepRole;
  unit: string;
  reason: Reason;
  budgetMinutes: number;
  usedMinutes: number;
  overMinutes: number;
  /** Who held the step: whoever handed it on (the current assignee for an open step); null for another agency. */
  person: Person | null;
  visits: number;
}

export interface Attribution {
  /** Working minutes between the legal due date and the settlement (or the moment looked at); 0 when late by rule only. */
  lateMinutes: number;
  steps: StepUse[];
  /** The steps that used more than their budget, largest overrun first. */
  overruns: StepUse[];
  reasons: Reason[];
}

const HANDOFFS = ['transfer', 'complete-step', 'send-back'];
const SETTLEMENTS = ['resolve', 'reject'];

/** A step's budget in working minutes, counted as the control slip counts it (a working day is 8 hours). */
export function budgetMinutes(step: BudgetedStep): number {
  return (step.budget.unit === 'working_days' ? step.budget.value * 8 : step.budget.value) * 60;
}

export function reasonOf(step: BudgetedStep, index: number, steps: number): Reason {
  if (step.role === 'reception' || index === 0) return 'reception';
  if (step.role === 'inter_agency') return 'inter_agency';
  if (step.role === 'department_head') return 'approval';
  return index === steps - 1 ? 'result_return' : 'processing';
}

interface Visit {
  step: number;
  from: Date;
  to: Date;
  person: Person | null;
}

/** The periods the department waited for the applicant, up to `end`. */
function pausesOf(events: readonly HistoryEvent[], end: Date): [Date, Date][] {
  const out: [Date, Date][] = [];
  let since: Date | null = null;
  for (const e of events) {
    if (e.action === 'request-supplement-by-department') since = e.at;
    else if (e.action === 'supplement' && (since || e.pausedFrom)) {
      out.push([e.pausedFrom ?? since!, e.at]);
      since = null;
    }
  }
  if (since) out.push([since, end]);
  return out;
}

function visitsOf(d: LateFacts, events: readonly HistoryEvent[], end: Date): Visit[] {
  const out: Visit[] = [];
  let current: { step: number; from: Date } | null = { step: 0, from: d.receivedAt };
  for (const e of events) {
    if (!current) break;
    if (HANDOFFS.includes(e.action)) {
      const from: number = e.fromStep ?? current.step;
      out.push({ step: from, from: current.from, to: e.at, person: e.actor });
      const to: number = e.toStep ?? (e.action === 'transfer' ? 1 : e.action === 'complete-step' ? from + 1 : from - 1);
      current = { step: to, from: e.at };
    } else if (SETTLEMENTS.includes(e.action)) {
      out.push({ step: current.step, from: current.from, to: e.at, person: e.actor });
      current = null;
    }
  }
  if (current) out.push({ step: current.step, from: current.from, to: end, person: d.assignee });
  return out;
}

/** Working minutes of [from, to) outside the pauses. */
function usedBetween(cal: WorkCalendar, from: Date, to: Date, pauses: [Date, Date][]): number {
  if (to.getTime() <= from.getTime()) return 0;
  let used = workingMinutesBetween(cal, from, to);
  for (const [a, b] of pauses) {
    const s = Math.max(a.getTime(), from.getTime());
    const e = Math.min(b.getTime(), to.getTime());
    if (e > s) used -= workingMinutesBetween(cal, new Date(s), new Date(e));
  }
  return used;
}

const minutes = (m: number) => Math.round(m);

/**
 * Attributes a late dossier's delay to its steps, as things stood at `asOf` (the settlement, or for an open dossier
 * the moment looked at; events after it are ignored).
 */
export function attributeDelay(cal: WorkCalendar, d: LateFacts, asOf: Date): Attribution {
  const end = d.endedAt && d.endedAt.getTime() <= asOf.getTime() ? d.endedAt : asOf;
  const events = d.events.filter((e) => e.at.getTime() <= end.getTime());
  const pauses = pausesOf(events, end);
  const byStep = new Map<number, { used: number; person: Person | null; visits: number }>();
  for (const v of visitsOf(d, events, end)) {
    const s = byStep.get(v.step) ?? { used: 0, person: null, visits: 0 };
    s.used += usedBetween(cal, v.from, v.to, pauses);
    s.person = v.person;
    s.visits++;
    byStep.set(v.step, s);
  }
  const steps: StepUse[] = [...byStep.entries()].sort(([a], [b]) => a - b).flatMap(([index, s]) => {
    const step = d.workflow[index];
    if (!step) return [];
    const budget = budgetMinutes(step);
    return [{
      index, name: step.name, role: step.role, unit: step.unit, reason: reasonOf(step, index, d.workflow.length),
      budgetMinutes: minutes(budget), usedMinutes: minutes(s.used), overMinutes: minutes(Math.max(0, s.used - budget)),
      person: step.role === 'inter_agency' ? null : s.person, visits: s.visits,
    }];
  });
  const overruns = steps.filter((s) => s.overMinutes > 0).sort((a, b) => b.overMinutes - a.overMinutes || a.index - b.index);
  // Late by how much: to the settlement, or — open — to now, or to the pause that stopped the clock.
  const pause = pauses.find(([, b]) => b.getTime() === end.getTime() && !d.endedAt);
  const stop = pause ? pause[0] : end;
  const lateMinutes = minutes(Math.max(0, workingMinutesBetween(cal, d.legalDueAt, stop)));
  const reasons = [...new Set<Reason>(overruns.map((s) => s.reason))];
  if (d.lateBySupplement) reasons.push('supplement');
  if (!reasons.length) reasons.push('unattributed');
  return { lateMinutes, steps, overruns, reasons };
}

/** The step an open dossier is at, at `asOf`, from its hand-offs (step 0, the reception desk, before the transfer). */
export function stepAt(history: HistoryEvent[], asOf: Date): number | null {
  let step: number | null = 0;
  for (const e of history) {
    if (e.at.getTime() > asOf.getTime()) break;
    if (['transfer', 'complete-step', 'send-back'].includes(e.action)) {
      step = e.toStep ?? (e.action === 'transfer' ? 1 : e.action === 'complete-step' ? (step ?? 0) + 1 : (step ?? 1) - 1);
    } else if (['resolve', 'reject'].includes(e.action)) step = null;
  }
  return step;
}
