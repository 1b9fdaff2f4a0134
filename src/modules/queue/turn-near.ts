import { many, type Tx } from '../../platform/db';
import { TURN_NEAR_AHEAD } from '../notifications/domain';
import { servingCounters, ticketFields } from './commands/issue';
import { counterStates, type TicketRow } from './repo';

/**
 * "Sắp đến lượt": after a call, the waiting tickets of the called ticket's queue that left a mobile number and now
 * have TURN_NEAR_AHEAD people or fewer in front of them get an outbox row (the notifications worker sends the SMS),
 * once per ticket. The guarded update (turn_near_at IS NULL) makes two counters calling at the same moment write
 * it once: the second waits for the first's row lock, then finds it set.
 */
export async function queueTurnNear(tx: Tx, called: TicketRow): Promise<number> {
  const inQueue = called.field_code ? 'field_code = $3' : 'field_code IS NULL AND group_id = $3';
  // The calling order of compareTickets (domain/selection.ts): priority first, then original issue time, then issue order.
  const near = await many<{ id: string; ahead: number }>(tx, `
    SELECT id, ahead FROM (
      SELECT id, phone, turn_near_at, (row_number() OVER (ORDER BY priority IS NULL, issued_at, serial) - 1)::int AS ahead
        FROM queue_tickets WHERE center_id = $1 AND day = $2 AND status = 'waiting' AND ${inQueue}) w
     WHERE phone IS NOT NULL AND turn_near_at IS NULL AND ahead <= $4`,
  [called.center_id, called.day, called.field_code ?? called.group_id, TURN_NEAR_AHEAD]);
  if (!near.length) return 0;
  const marked = await many<{ id: string }>(tx, `UPDATE queue_tickets SET turn_near_at = now() WHERE id = ANY($1::uuid[]) AND turn_near_at IS NULL AND status = 'waiting' RETURNING id`,
    [near.map((n) => n.id)]);
  if (!marked.length) return 0;
  const counters = servingCounters(await counterStates(tx, called.center_id, called.day), ticketFields(called)).map((c) => c.number);
  for (const m of marked) {
    const ahead = near.find((n) => n.id === m.id)!.ahead;
    await tx.query(`INSERT INTO outbox (topic, payload) VALUES ('queue.turn-near', $1)`, [JSON.stringify({ ticketId: m.id, centerId: called.center_id, ahead, counters })]);
  }
  return marked.length;
}
