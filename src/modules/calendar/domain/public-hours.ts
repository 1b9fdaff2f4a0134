/**
 * The public's side of the legal clock: the hours the center serves the public (giờ tiếp công dân, e.g. 07:30–11:00
 * and 14:00–16:30 within office hours; 07:30–11:00 on an open Saturday), whether it serves them now and when it next
 * does, and the return window printed for a due date. The legal deadline itself stays at the end of office hours
 * (due-date.ts); these are what a citizen is told to come within.
 */
import { CalendarRuleError } from './errors';
import { intersect, type MsInterval } from './config';
import { type DayNum, MINUTE_MS, formatDay, formatTime, instantMs, vnDayOfMs, vnMs, vnMsOfDay } from './time';
import type { WorkCalendar } from './work-calendar';

/** One stretch of public hours on one day. */
export interface PublicSession {
  /** Local date 'YYYY-MM-DD'. */
  day: string;
  /** 'HH:MM' local. */
  start: string;
  end: string;
  from: Date;
  to: Date;
}

/** How far ahead to look for the next public session (a year of closures would be a broken calendar). */
const LOOKAHEAD_DAYS = 400;
/** A return window shorter than this (a due time just before a session ends) moves to the next session. */
const MIN_WINDOW_MS = 30 * MINUTE_MS;

function publicIntervals(cal: WorkCalendar, d: DayNum): MsInterval[] {
  const open = cal.openIntervals(d);
  return open.length ? intersect(cal.rc.publicHours, open) : [];
}

function session(d: DayNum, start: number, end: number): PublicSession {
  return {
    day: formatDay(d), start: formatTime(start / MINUTE_MS), end: formatTime(end / MINUTE_MS),
    from: new Date(vnMs(d, 0) + start), to: new Date(vnMs(d, 0) + end),
  };
}

/** The first public session starting at or after `msOfDay` on day `d`, else on the next days the center is open. */
function sessionFrom(cal: WorkCalendar, d: DayNum, msOfDay: number): PublicSession | null {
  for (let i = 0; i < LOOKAHEAD_DAYS; i++) {
    for (const s of publicIntervals(cal, d)) if (s.start >= msOfDay) return session(d, s.start, s.end);
    d = cal.nthOpenAfter(d, 1);
    msOfDay = 0;
  }
  return null;
}

export interface PublicOpening {
  /** The center serves the public at this instant. */
  open: boolean;
  /** The session in progress, when open. */
  current: PublicSession | null;
  /** The next session that starts after this instant (null only for a calendar without public hours). */
  next: PublicSession | null;
}

/** Whether the center serves the public at `at`, and its next public session. */
export function publicOpeningAt(cal: WorkCalendar, at: Date): PublicOpening {
  const ms = instantMs(at);
  const d = vnDayOfMs(ms);
  const t = vnMsOfDay(ms);
  const now = publicIntervals(cal, d).find((s) => s.start <= t && t < s.end);
  return { open: !!now, current: now ? session(d, now.start, now.end) : null, next: sessionFrom(cal, d, t + 1) };
}

/**
 * The window printed on the appointment slip for a result due at `dueAt` ("từ 14 giờ 00 đến 16 giờ 30 ngày …"), in
 * the public hours of the due day:
 * - a deadline at a session's end (same-day limits: 16:30, 11:00): that session;
 * - a deadline after the day's last session (day limits: 17:00, or 11:30 on a Saturday morning that counts): the
 *   day's last session, as the one-stop rules return results on the due day;
 * - a deadline inside a session (hour limits): from the deadline to the session's end, or the next session when less
 *   than 30 minutes of it would be left;
 * - a deadline before a session (e.g. 11:30 or 13:45 on a weekday): the next session, whole.
 */
export function returnWindow(cal: WorkCalendar, dueAt: Date): PublicSession {
  const ms = instantMs(dueAt, 'Thời hạn');
  const d = vnDayOfMs(ms);
  const t = vnMsOfDay(ms);
  const sessions = publicIntervals(cal, d);
  const endingNow = sessions.find((s) => s.end === t);
  if (endingNow) return session(d, endingNow.start, endingNow.end);
  const last = sessions.at(-1);
  if (last && t > last.end) return session(d, last.start, last.end);
  const inside = sessions.find((s) => s.start < t && t < s.end);
  if (inside && inside.end - t >= MIN_WINDOW_MS) return session(d, t, inside.end);
  const later = sessionFrom(cal, d, inside ? inside.end : t);
  if (!later) throw new CalendarRuleError('INVALID_CONFIG', 'Lịch của Trung tâm không có giờ tiếp công dân');
  return later;
}
