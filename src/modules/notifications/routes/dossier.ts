// A dossier's messages and how each fared, for the staff who may open the dossier.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyPerm } from '../../../http/access';
import { named } from '../../../http/openapi';
import { many } from '../../../platform/db';
import { actorCan } from '../../auth/actor';
import { assertCanView } from '../../dossiers/presenter';
import { findDossier } from '../../dossiers/repo';
import { CHANNELS, localNumber, maskEmail, maskPhone, specOf, isEvent } from '../domain';

const STATUS = ['queued', 'sending', 'sent', 'delivered', 'failed'] as const;
export const DossierMessage = named('DossierMessage', z.object({
  id: z.number(),
  channel: z.enum(CHANNELS),
  to: z.string().describe('Số điện thoại (dạng 0…) hoặc e-mail; che một phần với cán bộ phòng chuyên môn'),
  status: z.enum(STATUS),
  event: z.string(),
  eventName: z.string(),
  subject: z.string().nullable(),
  text: z.string().describe('Nội dung SMS đã gửi (không dấu) hoặc nội dung e-mail'),
  segments: z.number().nullable(),
  provider: z.string().nullable(),
  providerRef: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number(),
  fallbackOf: z.number().nullable().describe('Tin Zalo mà tin SMS này thay thế khi Zalo không gửi được'),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  failedAt: z.string().nullable(),
}));

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const OTHER_EVENTS: Record<string, string> = { sms_reply: 'Trả lời tra cứu qua SMS', otp: 'Mã xác thực', test: 'Tin thử' };

export const notifyDossierRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/dossiers/:code/notifications', {
    config: { access: anyPerm('dossiers.view_center', 'dossiers.view_department') },
    schema: {
      tags: ['notifications'], summary: 'Các thông báo (e-mail, SMS, Zalo) đã gửi cho người nộp hồ sơ và trạng thái từng tin',
      params: z.object({ code: z.string().min(5).max(60) }), response: { 200: z.object({ items: z.array(DossierMessage) }) },
    },
  }, async (req) => {
    const actor = req.actor!;
    const d = await findDossier(app.deps.db, req.params.code);
    assertCanView(actor, d);
    // Center staff already see the applicant's contacts on the dossier; a department sees who was told, not the numbers.
    const full = actorCan(actor, 'dossiers.view_center');
    // In the order of the events they announce (a look-up reply can be written before an earlier event is dispatched).
    const rows = await many<{ id: number; channel: (typeof CHANNELS)[number]; recipient: string; status: (typeof STATUS)[number]; event: string; subject: string | null; body: string;
      segments: number | null; provider: string | null; provider_ref: string | null; error: string | null; attempts: number; fallback_of: number | null;
      created_at: Date; sent_at: Date | null; delivered_at: Date | null; failed_at: Date | null }>(app.deps.db, `
      SELECT m.id, m.channel, m.recipient, m.status, m.event, m.subject, m.body, m.segments, m.provider, m.provider_ref, m.error, m.attempts, m.fallback_of,
             m.created_at, m.sent_at, m.delivered_at, m.failed_at
        FROM notification_messages m LEFT JOIN outbox o ON o.id = m.outbox_id
       WHERE m.dossier_id = $1 ORDER BY coalesce(o.created_at, m.created_at), m.id LIMIT 500`, [d.id]);
    return {
      items: rows.map((r) => ({
        id: r.id, channel: r.channel,
        to: r.channel === 'email' ? (full ? r.recipient : maskEmail(r.recipient)) : full ? localNumber(r.recipient) : maskPhone(r.recipient),
        status: r.status, event: r.event, eventName: isEvent(r.event) ? specOf(r.event).label : OTHER_EVENTS[r.event] ?? r.event,
        subject: r.subject, text: r.body, segments: r.segments, provider: r.provider, providerRef: r.provider_ref, error: r.error, attempts: r.attempts,
        fallbackOf: r.fallback_of, createdAt: r.created_at.toISOString(), sentAt: iso(r.sent_at), deliveredAt: iso(r.delivered_at), failedAt: iso(r.failed_at),
      })),
    };
  });
};
