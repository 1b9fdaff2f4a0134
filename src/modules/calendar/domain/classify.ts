/** Classification of a file against its due date, and the one-time extension (gia hạn) helper. */
import { CalendarRuleError } from './errors';
import { instantMs, vnDayOfMs, vnMs } from './time';
import type { WorkCalendar } from './work-calendar';

export type DueStatus = 'early' | 'on_time' | 'late' | 'overdue' | 'in_time';

/**
 * - settled at or before dueAt → 'on_time', or 'early' when settled before the start of office hours (07:00)
 *   of the due date's day;
 * - settled after dueAt → 'late';
 * - open: now > dueAt → 'overdue', else 'in_time'.
 */
export function classify(cal: WorkCalendar, dueAt: Date, settledAt: Date | null, now: Date): DueStatus {
  const due = instantMs(dueAt, 'Thời hạn');
  if (settledAt === null || settledAt === undefined) {
    return instantMs(now, 'Thời điểm hiện tại') > due ? 'overdue' : 'in_time';
  }
  const settled = instantMs(settledAt, 'Thời điểm hoàn thành');
  if (settled > due) return 'late';
  const day = vnDayOfMs(due);
  const open = cal.openIntervals(day);
  const dayStart = vnMs(day, 0) + (open.length ? open[0].start : cal.rc.office[0].start);
  return settled < dayStart ? 'early' : 'on_time';
}

export interface ExtensionState {
  dueAt: Date;
  originalDueAt?: Date | null;
  extendedAt?: Date | null;
}

export type Extended<T extends ExtensionState> = Omit<T, 'dueAt' | 'originalDueAt' | 'extendedAt'> & {
  dueAt: Date;
  originalDueAt: Date;
  extendedAt: Date;
};

/**
 * One-time extension of a due date: returns the new state recording the original due date and when it was
 * extended. Throws EXTENSION_ALREADY_APPLIED if already extended, EXTENSION_NOT_LATER if the new due date is
 * not after the current one.
 */
export function applyExtension<T extends ExtensionState>(
  state: T,
  newDueAt: Date,
  at: Date,
): Extended<T> {
  const current = instantMs(state.dueAt, 'Thời hạn hiện tại');
  const next = instantMs(newDueAt, 'Thời hạn mới');
  instantMs(at, 'Thời điểm gia hạn');
  if (state.originalDueAt != null || state.extendedAt != null) {
    throw new CalendarRuleError('EXTENSION_ALREADY_APPLIED', 'Hồ sơ chỉ được gia hạn một lần');
  }
  if (next <= current) {
    throw new CalendarRuleError('EXTENSION_NOT_LATER', 'Thời hạn mới phải sau thời hạn hiện tại');
  }
  return { ...state, dueAt: new Date(next), originalDueAt: new Date(current), extendedAt: new Date(at.getTime()) };
}
