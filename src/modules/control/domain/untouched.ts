// Quy chế 12.2: the department updates each dossier's progress at least at the end of every morning and afternoon.
// A dossier the department holds is flagged "untouched" when more than half a working day of office hours (the
// center's calendar) has passed since the department last touched it. Pure: the instants come in.
import { workingMinutesBetween, type WorkCalendar } from '../../calendar/domain';
import { workingDayMinutes } from '../../reports/domain';

/** Half a working day of office hours (4 h with 07:00–11:30 and 13:30–17:00): the longest a dossier may wait. */
export function halfDayMinutes(cal: WorkCalendar): number {
  return workingDayMinutes(cal) / 2;
}

/**
 * Actions that hand the dossier (back) to the department: its arrival counts as the start of the wait, whoever did it
 * (the reception desk transfers it; the desk records the applicant's supplement that ends a pause).
 */
export const HANDOVER_ACTIONS: readonly string[] = ['transfer', 'supplement'];

export interface TouchEvent {
  at: Date;
  action: string;
  /** The department of whoever made the event (null: the center's staff, or the system). */
  actorDepartmentId: string | null;
}

export interface HeldDossier {
  status: string;
  holder: string;
  departmentId: string | null;
}

/** Only a dossier in progress that the department itself holds (not the applicant, not another agency) must be updated. */
export function mustBeUpdated(d: HeldDossier): boolean {
  return d.status === 'in_progress' && d.holder === 'department' && d.departmentId !== null;
}

/** The last time the holding department touched the dossier: any event of its staff, or the dossier's arrival. */
export function lastTouch(events: readonly TouchEvent[], departmentId: string): Date | null {
  let last: Date | null = null;
  for (const e of events) {
    if (!HANDOVER_ACTIONS.includes(e.action) && e.actorDepartmentId !== departmentId) continue;
    if (!last || e.at.getTime() > last.getTime()) last = e.at;
  }
  return last;
}

/** Whether more than half a working day of office hours has passed since `touched`. */
export function isUntouched(cal: WorkCalendar, touched: Date, now: Date): boolean {
  return workingMinutesBetween(cal, touched, now) > halfDayMinutes(cal);
}

/** The flag of a dossier as the list and the dossier page show it. */
export function untouchedNow(cal: WorkCalendar, d: HeldDossier, touched: Date | null, now: Date): boolean {
  return mustBeUpdated(d) && touched !== null && isUntouched(cal, touched, now);
}

const SEARCH_BACK_MS = 400 * 86_400_000;

/**
 * The instant a query compares the last touch with: `touched < cutoff` exactly when isUntouched(touched, now) (to the
 * millisecond, the clock's precision). It is the earliest instant with no more than half a working day of office hours
 * before `now` — found by bisection on working time, which only decreases as the instant moves towards `now`.
 */
export function untouchedCutoff(cal: WorkCalendar, now: Date): Date {
  const limit = halfDayMinutes(cal);
  const end = now.getTime();
  const over = (ms: number) => workingMinutesBetween(cal, new Date(ms), now) > limit;
  let lo = end - SEARCH_BACK_MS; // over (400 days hold far more than half a working day)
  let hi = end; // not over
  if (!over(lo)) return new Date(lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (over(mid)) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}
