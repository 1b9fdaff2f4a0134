import { many, one, type Queryable } from '../../../platform/db';
import { addEvent, resolveQueue, TICKET_SELECT, ticketById, type TicketRow } from '../repo';
import { insertTicket, positionOf } from './issue';

// Tickets and dossiers (DOMAIN §6: "ticket → dossier → rating forms one timeline"). A registration at the support
// desk gets a ticket in the field's queue, so the counters call the number the dossier slip tells the applicant to
// wait for; a dossier registered by the clerk serving a ticket is linked to that ticket. The link is a row of
// queue_ticket_dossiers and an event in the ticket's history (the dossiers module writes the dossier's).

/** The ticket a staff member is serving at a counter now (called or being served by them), if any. */
export async function ticketServedBy(q: Queryable, userId: string, centerId: string, day: string): Promise<TicketRow | undefined> {
  return one<TicketRow>(q, `${TICKET_SELECT} WHERE t.center_id = $1 AND t.day = $2 AND t.status IN ('called', 'serving')
    AND coalesce(t.served_by, t.called_by) = $3 ORDER BY t.called_at DESC LIMIT 1`, [centerId, day, userId]);
}

/** Links a dossier to a ticket (once), with an event in the ticket's history. */
export async function linkTicket(tx: Queryable, t: TicketRow, dossierCode: string, actorId: string, now: Date): Promise<void> {
  const r = await tx.query(`INSERT INTO queue_ticket_dossiers (ticket_id, dossier_code, linked_at, linked_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [t.id, dossierCode, now, actorId]);
  if (r.rowCount) await addEvent(tx, { ticketId: t.id, centerId: t.center_id, action: 'link_dossier', counterId: t.counter_id, actorId, data: { dossier: dossierCode } }, now);
}

/**
 * A ticket in the queue of a field for a dossier registered at the support desk, linked to it; null when no active
 * counter of the center serves the field (nobody could call it).
 */
export async function issueDossierTicket(tx: Queryable, centerId: string, fieldCode: string, dossierCode: string, actorId: string, now: Date): Promise<TicketRow | null> {
  const served = await one(tx, 'SELECT 1 FROM counters WHERE center_id = $1 AND active AND $2 = ANY(field_codes) LIMIT 1', [centerId, fieldCode]);
  if (!served) return null;
  const ref = await resolveQueue(tx, centerId, fieldCode);
  const { row } = await insertTicket(tx, centerId, ref, now, { data: { dossier: dossierCode, source: 'support_desk' } });
  await tx.query(`INSERT INTO queue_ticket_dossiers (ticket_id, dossier_code, linked_at, linked_by) VALUES ($1, $2, $3, $4)`, [row.id, dossierCode, now, actorId]);
  return row;
}

/** What the registration answers about its ticket: the number, where it will be called, and the wait. */
export async function presentDossierTicket(q: Queryable, id: string, kind: 'issued' | 'serving') {
  const t = (await ticketById(q, id))!;
  const pos = await positionOf(q, t);
  // The counters that may call it, open or not yet (the applicant reads them on the slip).
  const counters = await many<{ number: number }>(q, `SELECT number FROM counters WHERE center_id = $1 AND active AND field_codes && $2::text[] ORDER BY number`,
    [t.center_id, t.field_code ? [t.field_code] : t.group_fields ?? []]);
  return {
    id: t.id, number: t.number, displayNumber: t.display_number, field: t.field_code ?? t.queue_code, fieldName: t.field_name ?? t.group_name ?? '',
    kind, status: t.status, counters: counters.map((c) => c.number), ahead: pos.ahead, estimatedWaitMinutes: pos.estimatedWaitMinutes,
    issuedAt: t.issued_at.toISOString(), followUrl: `/queue/follow/${t.id}`,
  };
}

/** The dossiers linked to a ticket, for the clerk who calls it. */
export async function dossiersOfTicket(q: Queryable, ticketId: string) {
  return many<{ code: string; status: string; procedure_name: string; applicant_name: string }>(q,
    `SELECT d.code, d.status, p.name AS procedure_name, d.applicant->>'fullName' AS applicant_name
       FROM queue_ticket_dossiers l JOIN dossiers d ON d.code = l.dossier_code JOIN procedures p ON p.code = d.procedure_code
      WHERE l.ticket_id = $1 ORDER BY l.linked_at, d.code`, [ticketId]);
}

/**
 * The ticket issued for a dossier at its registration (support desk), while it may still be called, with the
 * counters serving its field: what the dossier slip prints. A ticket the dossier was only linked to is not it.
 */
export async function ticketIssuedFor(q: Queryable, dossierCode: string): Promise<{ displayNumber: string; counters: number[] } | null> {
  const r = await one<{ display_number: string; counters: number[] }>(q,
    `SELECT t.display_number, ARRAY(SELECT c.number FROM counters c WHERE c.center_id = t.center_id AND c.active AND t.field_code = ANY(c.field_codes) ORDER BY c.number) AS counters
       FROM queue_ticket_dossiers l JOIN queue_tickets t ON t.id = l.ticket_id
      WHERE l.dossier_code = $1 AND t.status IN ('waiting', 'called', 'serving')
        AND EXISTS (SELECT 1 FROM queue_ticket_events e WHERE e.ticket_id = t.id AND e.action = 'issue' AND e.data->>'dossier' = $1)
      ORDER BY l.linked_at DESC LIMIT 1`, [dossierCode]);
  return r ? { displayNumber: r.display_number, counters: r.counters } : null;
}
