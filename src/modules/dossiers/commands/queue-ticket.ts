import type { FastifyBaseLogger } from 'fastify';
import { one, withTx } from '../../../platform/db';
import { actorCan } from '../../auth/actor';
import { vnDayString } from '../../calendar/domain';
import { issueDossierTicket, linkTicket, presentDossierTicket, ticketServedBy } from '../../queue/commands/dossier-ticket';
import type { DossierCtx } from '../context';
import { writtenEvent, type DossierWithHistory } from '../repo';

export type RegistrationTicket = Awaited<ReturnType<typeof presentDossierTicket>>;

/**
 * The queue number of a new dossier, linked both ways (the ticket's history and the dossier's 'queue-ticket' event):
 * - registered by a clerk serving a ticket at a counter (a kiosk ticket that became a dossier): that ticket;
 * - registered at the support desk (no counter of one's own) for the applicant present, to be checked at reception:
 *   a new ticket in the queue of the dossier's field, the number the slip tells them to wait for;
 * - otherwise none.
 * It runs after the dossier is committed: a failure here is logged and the registration still answers (without a
 * ticket) rather than failing a dossier that exists — a retry would register it twice.
 */
export async function queueTicketFor(ctx: DossierCtx, d: DossierWithHistory, log: FastifyBaseLogger): Promise<{ dossier: DossierWithHistory; ticket: RegistrationTicket | null }> {
  const { db, clock, actor } = ctx;
  const now = clock.now();
  try {
    const linked = await withTx(db, async (tx) => {
      const served = await ticketServedBy(tx, actor.id, d.center_id, vnDayString(now));
      let kind: 'issued' | 'serving';
      let ticket;
      if (served) {
        await linkTicket(tx, served, d.code, actor.id, now);
        [kind, ticket] = ['serving' as const, served];
      } else {
        const supportDesk = !actorCan(actor, 'queue.serve') && d.status === 'submitted' && d.channel === 'direct' && !d.back_entry;
        ticket = supportDesk ? await issueDossierTicket(tx, d.center_id, d.field_code, d.code, actor.id, now) : null;
        if (!ticket) return null;
        kind = 'issued';
      }
      const data = { ticketId: ticket.id, number: ticket.display_number, queue: ticket.field_code ?? ticket.queue_code, source: kind === 'issued' ? 'support_desk' : 'counter' };
      const e = await one<{ id: number }>(tx, `INSERT INTO dossier_events (dossier_id, at, actor_id, action, from_status, to_status, step_index, data)
        VALUES ($1, $2, $3, 'queue-ticket', $4, $4, $5, $6) RETURNING id`, [d.id, now, actor.id, d.status, d.step_index, JSON.stringify(data)]);
      return { id: ticket.id, kind, event: writtenEvent(actor, { id: e!.id, at: now, action: 'queue-ticket', from_status: d.status, to_status: d.status, step_index: d.step_index, reason: null, data }) };
    });
    if (!linked) return { dossier: d, ticket: null };
    return { dossier: { ...d, events: [...d.events, linked.event] }, ticket: await presentDossierTicket(db, linked.id, linked.kind) };
  } catch (e) {
    log.error({ err: e, dossier: d.code }, 'queue ticket of a registration failed; the dossier is registered without one');
    return { dossier: d, ticket: null };
  }
}
