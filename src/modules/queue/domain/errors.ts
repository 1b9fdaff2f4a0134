// Typed rule violations of the queue: a stable code for programs, a Vietnamese message for people.
export type QueueErrorCode =
  | 'TICKET_NOT_CALLED'
  | 'TICKET_NOT_SERVING'
  | 'TICKET_FINISHED'
  | 'TICKET_BEING_SERVED'
  | 'NO_CURRENT_TICKET'
  | 'SAME_FIELD';

export class QueueRuleError extends Error {
  constructor(
    readonly code: QueueErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'QueueRuleError';
  }
}
