// Calls from the providers into motcua: the SMS look-up ("HS <mã hồ sơ>"), delivery reports of the eSMS gateway,
// of the webhook bridge and of Zalo. Each is closed until its secret is configured.
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bearer, PUBLIC } from '../../../http/access';
import { limitOf } from '../../../http/rate-limits';
import { one } from '../../../platform/db';
import { AppError, notFound } from '../../../platform/errors';
import { statusName, type Status } from '../../dossiers/domain/lifecycle';
import { parseDossierCode } from '../../dossiers/domain/public-lookup';
import type { Channels } from '../channels';
import { fitSms, LOOKUP_HELP, LOOKUP_NEUTRAL, lookupReply, mobileNumber, parseLookup } from '../domain';
import { esmsCallbackStatus, esmsCallbackValid } from '../providers/esms';
import { zaloSignatureValid } from '../providers/zalo';
import { reportDelivery } from '../reports';

const GATEWAY = bearer('MOTCUA_SMS_INBOUND_TOKEN', (c) => c.smsInboundToken);
/** Replies to one phone per hour at most: a look-up answer must not become a way to spend the center's SMS budget. */
const REPLIES_PER_HOUR = 10;

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
  }
}

export function notifyGatewayRoutes(channels: () => Channels): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/sms/inbound', {
      config: { access: GATEWAY },
      schema: {
        tags: ['notifications'],
        summary: 'Tin nhắn đến từ cổng SMS (tra cứu "HS <mã hồ sơ>"): trả lời qua SMS tình trạng và ngày hẹn, chỉ khi số gửi là số điện thoại của hồ sơ',
        description: 'Header Authorization: Bearer <MOTCUA_SMS_INBOUND_TOKEN>. `id`: mã tin của cổng SMS (gửi lại cùng mã không trả lời hai lần). Trả lời không chứa thông tin cá nhân; mã không có và số không khớp nhận cùng một câu trả lời.',
        body: z.object({ from: z.string().trim().min(3).max(20), text: z.string().max(500), id: z.string().trim().min(1).max(100).optional() }),
        response: { 202: z.object({ replied: z.boolean() }) },
      },
    }, async (req, reply) => {
      const { db } = app.deps;
      const ch = channels();
      if (!ch.sms) throw new AppError(409, 'SMS_NOT_CONFIGURED', 'Chưa cấu hình kênh SMS để trả lời.');
      const from = mobileNumber(req.body.from);
      if (!from) return reply.code(202).send({ replied: false });
      const recent = await one<{ n: number }>(db, `SELECT count(*)::int AS n FROM notification_messages WHERE event = 'sms_reply' AND recipient = $1 AND created_at > now() - interval '1 hour'`, [from]);
      if ((recent?.n ?? 0) >= REPLIES_PER_HOUR) return reply.code(202).send({ replied: false });

      const typed = parseLookup(req.body.text);
      let text = LOOKUP_HELP;
      let dossier: { id: string; center_id: string; brandname: string | null } | null = null;
      if (typed) {
        const parsed = parseDossierCode(typed);
        const d = parsed ? await one<{ id: string; code: string; status: Status; due_at: Date | null; phone: string | null; center_id: string; brandname: string | null }>(db, `
          SELECT d.id, d.code, d.status, d.due_at, d.applicant->>'phone' AS phone, d.center_id, s.brandname
            FROM dossiers d LEFT JOIN notification_center_settings s ON s.center_id = d.center_id
           WHERE d.code = ANY(ARRAY[$1::text] || ARRAY(SELECT cc.code || $3::text FROM centers cc WHERE upper(replace(cc.code, '.', '')) = $2::text))
           LIMIT 1`, [typed.toUpperCase(), parsed.prefix, parsed.rest]) : undefined;
        // The dossier's phone, or a number the applicant ordered the SMS service for.
        const ordered = d ? await one(db, `SELECT 1 FROM dossier_services WHERE dossier_id = $1 AND kind = 'sms' AND $2 = '84' || substr(phone, 2)`, [d.id, from]) : undefined;
        if (d && (mobileNumber(d.phone) === from || ordered)) {
          text = lookupReply({ code: d.code, status: d.status, statusName: statusName(d.status), dueAt: d.due_at });
          dossier = { id: d.id, center_id: d.center_id, brandname: d.brandname };
        } else {
          text = LOOKUP_NEUTRAL;
        }
      }
      const sms = fitSms(text, ch.smsMaxParts);
      const key = req.body.id ? `inbound:${req.body.id}` : `inbound:${from}:${Date.now()}:${Math.random()}`;
      const r = await db.query(`INSERT INTO notification_messages (event_key, event, channel, recipient, center_id, dossier_id, body, brandname, segments)
        VALUES ($1, 'sms_reply', 'sms', $2, $3, $4, $5, $6, $7) ON CONFLICT (event_key, channel, recipient) WHERE recipient <> '' DO NOTHING`,
      [key, from, dossier?.center_id ?? null, dossier?.id ?? null, sms.text, dossier?.brandname ?? ch.smsBrandname, sms.parts]);
      return reply.code(202).send({ replied: (r.rowCount ?? 0) > 0 });
    });

    app.post('/sms/status', {
      config: { access: GATEWAY },
      schema: {
        tags: ['notifications'], summary: 'Báo cáo gửi tin của cổng SMS webhook: tin đã đến máy (delivered) hay không gửi được (failed)',
        description: 'Header Authorization: Bearer <MOTCUA_SMS_INBOUND_TOKEN>; `ref` là mã tin motcua đã gửi kèm.',
        body: z.object({ ref: z.string().regex(/^[0-9a-f]{32}$/, 'ref gồm 32 ký tự hệ 16'), status: z.enum(['delivered', 'failed']), error: z.string().max(300).optional() }),
        response: { 200: z.object({ updated: z.boolean() }) },
      },
    }, async (req) => {
      const known = await one(app.deps.db, `SELECT 1 FROM notification_messages WHERE ref = $1 AND channel = 'sms'`, [req.body.ref]);
      if (!known) throw notFound('tin nhắn có mã này');
      return { updated: await reportDelivery(app.deps.db, { ref: req.body.ref, channel: 'sms', provider: 'webhook', status: req.body.status, error: req.body.error }) };
    });

    app.get('/sms/esms/callback', {
      config: { access: PUBLIC, rateLimit: limitOf(app.deps.config, 'gateway') },
      schema: {
        tags: ['notifications'], summary: 'Báo cáo gửi tin của eSMS (GET, địa chỉ có mã xác thực riêng từng tin)',
        querystring: z.object({
          m: z.string().regex(/^[0-9a-f]{32}$/), t: z.string().max(64), SMSID: z.string().max(100).optional(), SendStatus: z.string().max(5).optional(),
          SendSuccess: z.string().max(5).optional(), SendFailed: z.string().max(5).optional(),
        }).passthrough(),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    }, async (req) => {
      const sms = app.deps.config.sms;
      if (sms?.provider !== 'esms' || !esmsCallbackValid(sms.secretKey, req.query.m, req.query.t)) throw notFound('tin nhắn');
      const status = esmsCallbackStatus(req.query);
      if (status) {
        await reportDelivery(app.deps.db, { ref: req.query.m, channel: 'sms', provider: 'esms', providerRef: req.query.SMSID ?? null, status,
          error: status === 'failed' ? 'eSMS báo nhà mạng không gửi được tin (SendFailed)' : null });
      }
      return { ok: true };
    });

    // Zalo signs the raw body: this route keeps it (its own JSON parser, in this plugin only).
    await app.register(async (plain) => {
      const zalo = plain.withTypeProvider<ZodTypeProvider>();
      zalo.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (req, body, done) => {
        req.rawBody = body as string;
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(new AppError(400, 'BAD_JSON', 'Nội dung không phải JSON hợp lệ.'), undefined);
        }
      });
      zalo.post('/zalo/webhook', {
        config: { access: PUBLIC, rateLimit: limitOf(app.deps.config, 'gateway') },
        schema: {
          tags: ['notifications'], summary: 'Sự kiện Zalo OA: user_received_message (tin ZNS đã đến người nhận), có chữ ký X-ZEvent-Signature',
          body: z.object({ event_name: z.string().max(100), app_id: z.string().max(100).optional(), timestamp: z.string().max(20).optional(),
            message: z.object({ msg_id: z.string().max(100).optional(), tracking_id: z.string().max(100).optional() }).passthrough().optional() }).passthrough(),
          response: { 200: z.object({ ok: z.boolean() }) },
        },
      }, async (req) => {
        const z = app.deps.config.zalo;
        if (!z?.appId || !z.oaSecret) throw notFound('cổng sự kiện Zalo');
        const sig = req.headers['x-zevent-signature'];
        if (!zaloSignatureValid({ appId: z.appId, oaSecret: z.oaSecret }, req.rawBody ?? '', req.body.timestamp ?? '', typeof sig === 'string' ? sig : undefined)) {
          throw new AppError(401, 'ZALO_SIGNATURE_INVALID', 'Chữ ký sự kiện Zalo không đúng.');
        }
        const ref = req.body.message?.tracking_id;
        if (req.body.event_name === 'user_received_message' && ref && /^[0-9a-f]{32}$/.test(ref)) {
          await reportDelivery(app.deps.db, { ref, channel: 'zalo', provider: 'zalo', providerRef: req.body.message?.msg_id ?? null, status: 'delivered' });
        }
        return { ok: true };
      });
    });
  };
}
