/**
 * Derived indicators of a dossier (issue 14 item 4; DOMAIN §8): the national scheme's indicators that are computed
 * from the dossier's history, never asked — total time against the legal limit, time held by each unit, how many
 * times the applicant had to come (contacts) and how many supplement requests were issued. Pure: the history and
 * the work calendar are passed in.
 */
import { classify, type DueStatus, type WorkCalendar } from '../../calendar/domain';
import { workingMsBetween } from '../../calendar/domain/working-time';

export interface HistoryEvent {
  at: Date;
  action: string;
  toStatus: string;
  stepIndex: number | null;
}

export interface DerivedInput {
  /** The name printed for the one-stop desk (the center). */
  centerName: string;
  /** The department the dossier was handed to, used when a step names no unit. */
  departmentName: string | null;
  workflow: readonly { unit: string }[];
  receivedAt: Date | null;
  dueAt: Date | null;
  settledAt: Date | null;
  /** In time order. */
  events: readonly HistoryEvent[];
}

export interface DerivedIndicators {
  /** Against the due date: early / on_time / late once settled; in_time / overdue while open; null before receipt. */
  timing: DueStatus | null;
  /** Working hours from receipt to the result, the applicant's supplement time excluded (null before receipt). */
  workingHours: number | null;
  /** Working hours each unit held the dossier, in the order they first held it (the applicant is not a unit). */
  perUnit: { unit: string; workingHours: number }[];
  /** Times the applicant had to come: the submission plus each time they brought missing papers. */
  contacts: number;
  /** Supplement requests issued (at the counter or by the department). */
  supplementRequests: number;
}

const HOUR = 3_600_000;
const round1 = (ms: number) => Math.round((ms / HOUR) * 10) / 10;
const ENDED = new Set(['returned', 'refused', 'withdrawn']);
const SETTLED = new Set(['resolved', 'rejected']);
const APPLICANT = new Set(['needs_supplement', 'paused']);

/** Who holds the dossier after an event: a unit name, the applicant, or nobody (ended). */
function holderAfter(input: DerivedInput, e: HistoryEvent): string | 'applicant' | null {
  if (ENDED.has(e.toStatus)) return null;
  if (APPLICANT.has(e.toStatus)) return 'applicant';
  if (e.toStatus === 'in_progress') {
    const step = e.stepIndex === null ? undefined : input.workflow[e.stepIndex];
    return step?.unit.trim() || input.departmentName || input.centerName;
  }
  return input.centerName;
}

export function deriveIndicators(input: DerivedInput, cal: WorkCalendar, now: Date): DerivedIndicators {
  const events = [...input.events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const supplementRequests = events.filter((e) => e.action === 'request-supplement' || e.action === 'request-supplement-by-department').length;
  const contacts = 1 + events.filter((e) => e.action === 'supplement').length;

  // Time per holder, from each event to the next (the last holder until the result, or now while open).
  const end = input.settledAt ?? now;
  const perUnit = new Map<string, number>();
  let applicantMs = 0;
  for (let i = 0; input.receivedAt && i < events.length; i++) {
    const e = events[i]!;
    if (SETTLED.has(e.toStatus) || e.at >= end) break;
    const holder = holderAfter(input, e);
    if (holder === null) break;
    const from = Math.max(e.at.getTime(), input.receivedAt.getTime());
    const to = Math.min(events[i + 1]?.at.getTime() ?? end.getTime(), end.getTime());
    if (to <= from) continue;
    const ms = workingMsBetween(cal, from, to);
    if (holder === 'applicant') applicantMs += ms;
    else perUnit.set(holder, (perUnit.get(holder) ?? 0) + ms);
  }

  let timing: DueStatus | null = null;
  let workingHours: number | null = null;
  if (input.receivedAt) {
    workingHours = round1(Math.max(0, workingMsBetween(cal, input.receivedAt.getTime(), end.getTime()) - applicantMs));
    if (input.dueAt) timing = classify(cal, input.dueAt, input.settledAt, now);
  }
  return {
    timing,
    workingHours,
    perUnit: [...perUnit].map(([unit, ms]) => ({ unit, workingHours: round1(ms) })),
    contacts,
    supplementRequests,
  };
}

export interface DerivedSummary {
  dossiers: number;
  early: number;
  onTime: number;
  late: number;
  /** Rated before the result (in time or overdue). */
  open: number;
  averageWorkingHours: number | null;
  averageContacts: number | null;
  averageSupplementRequests: number | null;
  perUnit: { unit: string; dossiers: number; averageWorkingHours: number }[];
}

const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

/** The period's figures over the rated dossiers' derived indicators (the report of evaluations). */
export function summarizeDerived(list: readonly DerivedIndicators[]): DerivedSummary {
  const units = new Map<string, number[]>();
  for (const d of list) for (const u of d.perUnit) units.set(u.unit, [...(units.get(u.unit) ?? []), u.workingHours]);
  return {
    dossiers: list.length,
    early: list.filter((d) => d.timing === 'early').length,
    onTime: list.filter((d) => d.timing === 'on_time').length,
    late: list.filter((d) => d.timing === 'late').length,
    open: list.filter((d) => d.timing === 'in_time' || d.timing === 'overdue').length,
    averageWorkingHours: avg(list.flatMap((d) => (d.workingHours === null ? [] : [d.workingHours]))),
    averageContacts: avg(list.map((d) => d.contacts)),
    averageSupplementRequests: avg(list.map((d) => d.supplementRequests)),
    perUnit: [...units].map(([unit, hs]) => ({ unit, dossiers: hs.length, averageWorkingHours: avg(hs)! })).sort((a, b) => b.averageWorkingHours - a.averageWorkingHours),
  };
}
