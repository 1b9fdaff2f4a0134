import type { Queryable } from '../../platform/db';
import { notify } from '../../platform/realtime';
import { callText } from './domain';

// Queue events on one PostgreSQL channel, sent inside the transaction of the change (delivered on commit).
// Each carries its center; the board stream forwards the events of its center without `centerId`.
export const QUEUE_CHANNEL = 'motcua_queue';

export interface CallEvent {
  type: 'call';
  centerId: string;
  counterId: string;
  counterNumber: number;
  ticketId: string;
  number: number;
  displayNumber: string;
  fieldCode: string | null;
  recall: boolean;
  text: string;
  at: string;
}
export interface TicketEvent {
  type: 'ticket';
  centerId: string;
  ticketId: string;
  displayNumber: string;
  status: string;
  action: string;
  /** The queue the ticket is in now (field or group code) and how many wait in it. */
  queue: string;
  waiting: number;
  /** For a transfer: the queue it left and its new waiting count. */
  from?: { queue: string; waiting: number };
  at: string;
}
export interface CounterEvent {
  type: 'counter';
  centerId: string;
  counterId: string;
  counterNumber: number;
  status: string;
  staff: { id: string; fullName: string } | null;
  at: string;
}
export type QueueEvent = CallEvent | TicketEvent | CounterEvent;

export async function publishCall(q: Queryable, e: Omit<CallEvent, 'type' | 'text'>): Promise<void> {
  await notify(q, QUEUE_CHANNEL, { type: 'call', ...e, text: callText(e.displayNumber, e.counterNumber) } satisfies CallEvent);
}

export async function publishTicket(q: Queryable, e: Omit<TicketEvent, 'type'>): Promise<void> {
  await notify(q, QUEUE_CHANNEL, { type: 'ticket', ...e } satisfies TicketEvent);
}

export async function publishCounter(q: Queryable, e: Omit<CounterEvent, 'type'>): Promise<void> {
  await notify(q, QUEUE_CHANNEL, { type: 'counter', ...e } satisfies CounterEvent);
}

export function isQueueEvent(x: unknown): x is QueueEvent {
  const t = (x as { type?: unknown; centerId?: unknown } | null);
  return !!t && typeof t.centerId === 'string' && (t.type === 'call' || t.type === 'ticket' || t.type === 'counter');
}
