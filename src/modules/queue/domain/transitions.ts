import { QueueRuleError } from './errors';

// What each counter action does to the ticket held by the counter.
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show';

export interface HeldTicket {
  status: TicketStatus;
  recallCount: number;
  displayNumber: string;
}

const ENDED = new Set<TicketStatus>(['done', 'no_show']);

function requireHeld(t: HeldTicket | null): HeldTicket {
  if (!t) throw new QueueRuleError('NO_CURRENT_TICKET', 'Quầy chưa gọi số nào.');
  if (ENDED.has(t.status)) throw new QueueRuleError('TICKET_FINISHED', `Số ${t.displayNumber} đã kết thúc.`);
  return t;
}

/** Recall: announce again, until `recallLimit` recalls; the next one marks the ticket a no-show. */
export function recallOutcome(t: HeldTicket | null, recallLimit: number): { kind: 'recall'; recallCount: number } | { kind: 'no_show' } {
  const held = requireHeld(t);
  if (held.status !== 'called') throw new QueueRuleError('TICKET_BEING_SERVED', `Số ${held.displayNumber} đang được phục vụ, không cần gọi lại.`);
  return held.recallCount >= recallLimit ? { kind: 'no_show' } : { kind: 'recall', recallCount: held.recallCount + 1 };
}

/** Skip: the called person did not come. */
export function skipOutcome(t: HeldTicket | null): 'no_show' {
  const held = requireHeld(t);
  if (held.status !== 'called') throw new QueueRuleError('TICKET_BEING_SERVED', `Số ${held.displayNumber} đang được phục vụ, không thể bỏ qua.`);
  return 'no_show';
}

export function startOutcome(t: HeldTicket | null): 'serving' {
  const held = requireHeld(t);
  if (held.status !== 'called') throw new QueueRuleError('TICKET_NOT_CALLED', `Số ${held.displayNumber} đã bắt đầu phục vụ.`);
  return 'serving';
}

export function finishOutcome(t: HeldTicket | null): 'done' {
  requireHeld(t);
  return 'done';
}

/**
 * "Call next" while the counter still holds a ticket closes it first: a ticket being served is done; a called
 * ticket nobody started is done too (clerks often serve without pressing "start"), unless it was already recalled
 * `recallLimit` times, which makes it a no-show.
 */
export function closeBeforeNext(t: HeldTicket, recallLimit: number): 'done' | 'no_show' {
  if (t.status === 'called' && t.recallCount >= recallLimit) return 'no_show';
  return 'done';
}

/** Transfer to another field's queue: back to waiting there, keeping the original issue time. */
export function transferCheck(t: HeldTicket & { fieldCode: string | null }, toField: string): void {
  if (ENDED.has(t.status)) throw new QueueRuleError('TICKET_FINISHED', `Số ${t.displayNumber} đã kết thúc, không thể chuyển.`);
  if (t.fieldCode === toField) throw new QueueRuleError('SAME_FIELD', `Số ${t.displayNumber} đang ở hàng đợi của lĩnh vực này.`);
}
