/**
 * Feedback and complaints (phản ánh, kiến nghị) workflow — pure domain: no SQL, no clock.
 * Legal deadlines in working days (Quy chế on phản ánh kiến nghị): accept ≤ 2, request info ≤ 5,
 * answer ≤ 15, publish ≤ 2, each counted from the step that opens it, by the legal clock.
 */
import { computeDueDate, type WorkCalendar } from '../../calendar/domain';

export type FeedbackStatus =
  | 'received' // submitted, waiting for the center to accept or reject
  | 'info_requested' // the submitter is asked for more information
  | 'accepted' // accepted, not yet assigned to a unit
  | 'assigned' // a unit is preparing the answer
  | 'answered' // answer written, waiting for publication
  | 'published' // answer public (without contact details)
  | 'rejected'; // not accepted, with a reason

export type FeedbackAction = 'accept' | 'request-info' | 'assign' | 'answer' | 'publish' | 'reject';

export const FEEDBACK_ACTIONS: readonly FeedbackAction[] = [
  'accept',
  'request-info',
  'assign',
  'answer',
  'publish',
  'reject',
];

/** Working days allowed for the step a status opens; null = no deadline (final states). */
export const STEP_LIMIT_DAYS: Record<FeedbackStatus, number | null> = {
  received: 2, // accept (or reject) within 2 working days
  info_requested: 5, // the information is awaited up to 5 working days
  accepted: 15, // answer within 15 working days of acceptance
  assigned: 15, // assignment does not restart the 15-day answer clock (see nextDueAt)
  answered: 2, // publish within 2 working days of the answer
  published: null,
  rejected: null,
};

/** Allowed transitions: from → action → to. Anything absent is refused. */
const TRANSITIONS: Record<FeedbackStatus, Partial<Record<FeedbackAction, FeedbackStatus>>> = {
  received: { accept: 'accepted', 'request-info': 'info_requested', reject: 'rejected' },
  info_requested: { accept: 'accepted', reject: 'rejected' },
  accepted: { assign: 'assigned', answer: 'answered' },
  assigned: { assign: 'assigned', answer: 'answered' },
  answered: { publish: 'published' },
  published: {},
  rejected: {},
};

export class FeedbackRuleError extends Error {
  constructor(
    readonly code: 'INVALID_TRANSITION' | 'MISSING_ANSWER' | 'MISSING_VERDICT' | 'MISSING_REASON' | 'MISSING_UNIT',
    message: string,
  ) {
    super(message);
  }
}

export interface StepInput {
  answer?: string;
  reason?: string;
  unitId?: string;
  /** The verdict of an answer: the feedback is upheld ("đúng, có cơ sở") or not. Required to answer. */
  upheld?: boolean;
}

export function nextStatus(from: FeedbackStatus, action: FeedbackAction, input: StepInput = {}): FeedbackStatus {
  const to = TRANSITIONS[from][action];
  if (!to) {
    throw new FeedbackRuleError('INVALID_TRANSITION', `Không thể thực hiện "${action}" khi phản ánh ở trạng thái "${from}"`);
  }
  if (action === 'answer' && !input.answer?.trim()) {
    throw new FeedbackRuleError('MISSING_ANSWER', 'Cần nhập nội dung trả lời');
  }
  if (action === 'answer' && input.upheld === undefined) {
    throw new FeedbackRuleError('MISSING_VERDICT', 'Cần kết luận phản ánh đúng (có cơ sở) hay không có cơ sở');
  }
  if (action === 'reject' && !input.reason?.trim()) {
    throw new FeedbackRuleError('MISSING_REASON', 'Cần nêu lý do không tiếp nhận');
  }
  if (action === 'assign' && !input.unitId?.trim()) {
    throw new FeedbackRuleError('MISSING_UNIT', 'Cần chọn đơn vị được giao xử lý');
  }
  return to;
}

export function allowedActions(status: FeedbackStatus): FeedbackAction[] {
  return FEEDBACK_ACTIONS.filter((a) => TRANSITIONS[status][a] !== undefined);
}

/**
 * Deadline after entering `to` at `at`. Assigning (or re-assigning) keeps the answer deadline set at
 * acceptance: handing the file to a unit must not give the center 15 more days.
 */
export function nextDueAt(cal: WorkCalendar, to: FeedbackStatus, at: Date, currentDueAt: Date | null): Date | null {
  if (to === 'assigned' && currentDueAt) return currentDueAt;
  const days = STEP_LIMIT_DAYS[to];
  if (days === null) return null;
  return computeDueDate(cal, at, { unit: 'working_days', value: days }).dueAt;
}

export function isOverdue(status: FeedbackStatus, dueAt: Date | null, now: Date): boolean {
  return STEP_LIMIT_DAYS[status] !== null && dueAt !== null && now.getTime() > dueAt.getTime();
}

/** One step of a feedback's history, as recorded in feedback_events. */
export interface StepEvent {
  at: Date;
  toStatus: FeedbackStatus;
}

/**
 * Whether a closed feedback (answer published, or rejected) kept every step within its legal deadline — the rule of
 * index 766 indicator 5.2. The history is replayed: each step's deadline is recomputed from the step that opened it
 * exactly as the workflow set it (nextDueAt), and the next step must come by it. The wait for the submitter's
 * information (info_requested) is the submitter's time, not the center's: the step after it is not judged.
 * Returns null while the feedback is not closed.
 */
export function closedOnTime(cal: WorkCalendar, events: StepEvent[]): boolean | null {
  const steps = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const last = steps[steps.length - 1];
  if (!last || (last.toStatus !== 'published' && last.toStatus !== 'rejected')) return null;
  let due: Date | null = null;
  let waitingOnSubmitter = false;
  for (const s of steps) {
    if (due && !waitingOnSubmitter && s.at.getTime() > due.getTime()) return false;
    waitingOnSubmitter = s.toStatus === 'info_requested';
    due = nextDueAt(cal, s.toStatus, s.at, due);
  }
  return true;
}
