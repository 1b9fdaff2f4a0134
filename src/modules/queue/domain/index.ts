/** The queue (pure domain): order of calling, anti-starvation, wait estimate, ticket transitions, numbers. */
export { QueueRuleError, type QueueErrorCode } from './errors';
export { byArrival, compareTickets, selectNext, type QueueRules, type Selection, type WaitingTicket } from './selection';
export { estimateWaitMinutes, meanServiceMinutes, type WaitInput } from './estimate';
export { closeBeforeNext, finishOutcome, recallOutcome, skipOutcome, startOutcome, transferCheck, type HeldTicket, type TicketStatus } from './transitions';
export { callText, defaultRangeStart, ticketNumber } from './numbering';
