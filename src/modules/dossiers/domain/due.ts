// Due-date rules specific to dossiers, on top of the legal clock.
import { addWorkingMinutes, classify, computeDueDate, receiptOf, vnDate, type WorkCalendar } from '../../calendar/domain';

export interface TimeLimit {
  unit: 'working_days' | 'working_hours' | 'same_day';
  value: number;
  calendarDays?: boolean;
  cutoff?: string;
}

/**
 * The appointment for a dossier received at `receivedAt`. Most limits count working days; where the law counts
 * calendar days the limit runs N days after the receipt day, and a deadline that falls on a day off moves to the
 * next working day (Civil Code, art. 148), at the end of office hours.
 */
export function dossierDueDate(cal: WorkCalendar, receivedAt: Date, limit: TimeLimit): { dueAt: Date; receiptDay: string } {
  if (limit.unit === 'working_days' && limit.calendarDays) {
    const { receiptDay } = receiptOf(cal, receivedAt);
    const d = new Date(`${receiptDay}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + limit.value);
    let day = d.toISOString().slice(0, 10);
    for (let i = 0; i < 60 && !cal.isWorkingDay(day); i++) {
      const n = new Date(`${day}T00:00:00Z`);
      n.setUTCDate(n.getUTCDate() + 1);
      day = n.toISOString().slice(0, 10);
    }
    return { dueAt: vnDate(day, '17:00'), receiptDay };
  }
  const r = computeDueDate(cal, receivedAt, { unit: limit.unit, value: limit.value, ...(limit.cutoff ? { cutoff: limit.cutoff } : {}) });
  return { dueAt: r.dueAt, receiptDay: r.receiptDay };
}

/** When a workflow step that started at `startedAt` with a budget of `hours` working hours is due. */
export function stepDueAt(cal: WorkCalendar, startedAt: Date, budget: { unit: 'working_days' | 'working_hours'; value: number }): Date {
  const hours = budget.unit === 'working_days' ? budget.value * 8 : budget.value;
  return addWorkingMinutes(cal, startedAt, Math.round(hours * 60));
}

/** Early / on time / late for a hand-off or a settlement, as the control slip and the statistics print it. */
export function outcomeAt(cal: WorkCalendar, due: Date, at: Date): 'early' | 'on_time' | 'late' {
  const c = classify(cal, due, at, at);
  return c === 'early' || c === 'late' ? c : 'on_time';
}
