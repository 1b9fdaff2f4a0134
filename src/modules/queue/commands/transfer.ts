import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import { transferCheck } from '../domain';
import { publishTicket } from '../events';
import { addEvent, counterStates, resolveQueue, ticketById, waitingCount, type TicketRow } from '../repo';
import { atCounter, type Ctx } from './counter';
import { NO_COUNTER_MESSAGE, servingCounters } from './issue';

/**
 * Moves a ticket to another field's queue. It keeps its number and its ORIGINAL issue time, so it is called
 * before the tickets of the new field issued after it. A ticket held at a counter can only be moved by the staff
 * member at that counter; a waiting one by any clerk of the center.
 */
export async function transferTicket(c: Ctx, ticketId: string, toField: string): Promise<TicketRow> {
  const peek = await ticketById(c.tx, ticketId);
  if (!peek) throw notFound('số thứ tự');
  if (peek.center_id !== c.actor.centerId) throw forbidden('Bạn chỉ được thao tác với số thứ tự của Trung tâm mình.');
  // Lock order as everywhere else: the counter first, then the ticket.
  if (peek.counter_id && (peek.status === 'called' || peek.status === 'serving')) await atCounter(c, peek.counter_id, false);
  const t = (await ticketById(c.tx, ticketId, true))!;
  if ((t.status === 'called' || t.status === 'serving') && t.counter_id !== peek.counter_id) {
    throw conflict('QUEUE_TICKET_MOVED', `Số ${t.display_number} vừa được quầy khác xử lý. Vui lòng tải lại.`);
  }
  transferCheck({ status: t.status, recallCount: t.recall_count, displayNumber: t.display_number, fieldCode: t.field_code }, toField.trim().toUpperCase());
  const target = await resolveQueue(c.tx, t.center_id, toField);
  if (target.kind !== 'field') throw badRequest('QUEUE_TRANSFER_TO_FIELD', 'Chỉ chuyển được sang hàng đợi của một lĩnh vực.');
  const states = await counterStates(c.tx, t.center_id, c.day);
  if (servingCounters(states, [target.code]).length === 0) throw conflict('QUEUE_NO_COUNTER', NO_COUNTER_MESSAGE);

  await c.tx.query(`UPDATE queue_tickets SET field_code = $2, group_id = NULL, status = 'waiting', counter_id = NULL, called_at = NULL, recall_count = 0,
      served_started_at = NULL, served_by = NULL, transfer_count = transfer_count + 1 WHERE id = $1`, [t.id, target.code]);
  const from = t.field_code ?? t.group_code ?? t.queue_code;
  await addEvent(c.tx, { ticketId: t.id, centerId: t.center_id, action: 'transfer', counterId: t.counter_id, actorId: c.actor.id, data: { from, to: target.code, status: t.status } }, c.now);
  const fromWaiting = await waitingCount(c.tx, t.center_id, t.day, { fieldCode: t.field_code, groupId: t.field_code ? null : t.group_id });
  const waiting = await waitingCount(c.tx, t.center_id, t.day, { fieldCode: target.code, groupId: null });
  await publishTicket(c.tx, {
    centerId: t.center_id, ticketId: t.id, displayNumber: t.display_number, status: 'waiting', action: 'transfer', queue: target.code, waiting,
    from: { queue: from, waiting: fromWaiting }, at: c.now.toISOString(),
  });
  return (await ticketById(c.tx, t.id))!;
}
