import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyPerm } from '../../../http/access';
import { named } from '../../../http/openapi';
import { many } from '../../../platform/db';
import { isProvinceWide } from '../../auth/actor';
import { forbidden, notFound } from '../../../platform/errors';
import { dossiersOfTicket } from '../commands/dossier-ticket';
import { presentTicket, ticketById } from '../repo';
import { IdParams, TicketOut } from '../schema';

// A ticket's record for the staff of its center: its history (issue, calls, transfers, the dossiers linked to it)
// and its dossiers, which the counter panel opens on the reception screen when it calls the number.
const HistoryOut = named('QueueTicketHistory', z.object({
  ticket: TicketOut,
  dossiers: z.array(z.object({ code: z.string(), status: z.string(), procedureName: z.string(), applicantName: z.string() })),
  events: z.array(z.object({ at: z.string(), action: z.string(), counter: z.number().nullable(), actor: z.string().nullable(), data: z.record(z.string(), z.unknown()) })),
}));

export const ticketHistoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/queue/tickets/:id/history', {
    config: { access: anyPerm('queue.serve', 'dossiers.view_center') },
    schema: { tags: ['queue'], summary: 'Lịch sử một số thứ tự và các hồ sơ gắn với số (cán bộ của Trung tâm)', params: IdParams, response: { 200: HistoryOut } },
  }, async (req) => {
    const { db } = app.deps;
    const t = await ticketById(db, req.params.id);
    if (!t) throw notFound('số thứ tự');
    const actor = req.actor!;
    if (!isProvinceWide(actor) && actor.centerId !== t.center_id) throw forbidden('Số thứ tự không thuộc Trung tâm của bạn.');
    const events = await many<{ at: Date; action: string; counter: number | null; actor: string | null; data: Record<string, unknown> }>(db,
      `SELECT e.at, e.action, c.number AS counter, u.full_name AS actor, e.data FROM queue_ticket_events e
         LEFT JOIN counters c ON c.id = e.counter_id LEFT JOIN users u ON u.id = e.actor_id WHERE e.ticket_id = $1 ORDER BY e.id`, [t.id]);
    const dossiers = await dossiersOfTicket(db, t.id);
    return {
      ticket: presentTicket(t),
      dossiers: dossiers.map((d) => ({ code: d.code, status: d.status, procedureName: d.procedure_name, applicantName: d.applicant_name })),
      events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    };
  });
};
