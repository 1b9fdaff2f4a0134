// How a dossier stands against the legal clock, for every screen and report that counts dossiers: the list's timing
// tag, the return counter's case, the dashboard, the settlement report and (later) the service index and ranking.
// Pure: the calendar and the instants come in; nothing reads the wall clock.
import { addWorkingMinutes, classify, type WorkCalendar } from '../../calendar/domain';

/** How a received dossier ended: by the legal due date, or withdrawn by the applicant ("dừng"). */
export type Outcome = 'early' | 'on_time' | 'late' | 'withdrawn';
/** How an open (received, not ended) dossier stands now. */
export type OpenState = 'within_time' | 'at_risk' | 'overdue';

export interface DueFacts {
  /** The current appointment (moved by an extension and by paused time). */
  dueAt: Date;
  /** The appointment before the one-time extension, when there was one (moved by later paused time too). */
  originalDueAt?: Date | null;
}

/**
 * The legal due date: the appointment the law sets, with the applicant's supplement time added back. An extension
 * gives the applicant a new appointment (with an apology) but never moves this date: "a dossier resolved after its
 * due date is late even if extended" (DOMAIN §4).
 */
export function legalDueAt(d: DueFacts): Date {
  return d.originalDueAt ?? d.dueAt;
}

export interface EndFacts extends DueFacts {
  /** When it ended: the first of resolved / rejected (the result or the not-eligible decision) / withdrawn. */
  endedAt: Date;
  withdrawn: boolean;
  /** More than one supplement request: counts late whatever the dates (the one-stop rule). */
  lateBySupplement: boolean;
}

/**
 * Early / on time / late as the statistics count it: against the legal due date; early when it ended before the
 * due day's office hours began (classify); a second supplement request makes it late.
 */
export function settlementOutcome(cal: WorkCalendar, d: EndFacts): Outcome {
  if (d.withdrawn) return 'withdrawn';
  if (d.lateBySupplement) return 'late';
  const c = classify(cal, legalDueAt(d), d.endedAt, d.endedAt);
  return c === 'early' || c === 'late' ? c : 'on_time';
}

export interface OpenFacts extends DueFacts {
  /** Set while the department waits for the applicant's supplement: the clock stands still. */
  pausedAt?: Date | null;
}

/** Working minutes in one working day (office hours). */
export function workingDayMinutes(cal: WorkCalendar): number {
  return cal.rc.workingDayMs / 60_000;
}

/** The latest legal due date still "at risk" at `at`: one working day of office hours ahead. */
export function atRiskLimit(cal: WorkCalendar, at: Date): Date {
  return addWorkingMinutes(cal, at, workingDayMinutes(cal));
}

/**
 * Within time, at risk (due within one working day) or overdue, by the legal clock with paused time excluded:
 * - paused: the clock stopped when the department asked for the supplement, so the dossier is overdue only if it
 *   already was then, and never "at risk" (its remaining time does not run down while it waits);
 * - otherwise overdue once `at` is past the legal due date, at risk when that date is within one working day.
 */
export function openState(cal: WorkCalendar, d: OpenFacts, at: Date): OpenState {
  const due = legalDueAt(d).getTime();
  if (d.pausedAt) return d.pausedAt.getTime() > due ? 'overdue' : 'within_time';
  if (at.getTime() > due) return 'overdue';
  return due <= atRiskLimit(cal, at).getTime() ? 'at_risk' : 'within_time';
}

/** A resumption after a department's supplement request, as its event records it. */
export interface Resumption {
  at: Date;
  pausedFrom: Date;
  /** The legal due date just before the resumption moved it. */
  previousLegalDueAt: Date;
}

/**
 * The due date and pause of a dossier as they stood at `asOf` (a past period's end), from its current ones and its
 * resumptions. Only a resumption moves the legal due date (an extension does not), so the first one after `asOf`
 * knows the date then, and whether the dossier was already paused at `asOf`.
 */
export function openFactsAt(current: OpenFacts, resumptions: readonly Resumption[], asOf: Date): OpenFacts {
  const next = resumptions.filter((r) => r.at.getTime() > asOf.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  if (next) {
    return { dueAt: next.previousLegalDueAt, pausedAt: next.pausedFrom.getTime() <= asOf.getTime() ? next.pausedFrom : null };
  }
  const pausedAt = current.pausedAt && current.pausedAt.getTime() <= asOf.getTime() ? current.pausedAt : null;
  return { dueAt: legalDueAt(current), pausedAt };
}
