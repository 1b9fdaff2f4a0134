// The center's notification settings (admin API of the console screen "Thông báo"): which channels exist, whom SMS
// goes to, the sender name, and per event the switches, the SMS text and the Zalo template; a test message.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { perm } from '../../../http/access';
import { named } from '../../../http/openapi';
import { withTx, type Queryable } from '../../../platform/db';
import { badRequest, forbidden } from '../../../platform/errors';
import { isProvinceWide, type Actor } from '../../auth/actor';
import { findCenter } from '../../centers/repo';
import type { Channels } from '../channels';
import { CHANNELS, EVENT_SPECS, EVENTS, exampleValues, fitSms, renderTemplate, specOf, unknownPlaceholders } from '../domain';
import { sendNow } from '../send-now';
import { loadNotifySettings, saveNotifySettings } from '../settings';

const MANAGE = perm('notifications.manage');
const CenterQuery = z.object({ center: z.string().max(60).optional().describe('Mã hoặc id Trung tâm (bắt buộc với tài khoản cấp tỉnh)') });

const EventOut = z.object({
  event: z.enum(EVENTS), label: z.string(), channels: z.array(z.enum(CHANNELS)),
  email: z.boolean(), sms: z.boolean(), zalo: z.boolean(),
  smsTemplate: z.string(), smsTemplateDefault: z.string(), custom: z.boolean(), zaloTemplateId: z.string().nullable(),
  placeholders: z.array(z.object({ name: z.string(), label: z.string(), example: z.string() })),
  preview: z.object({ text: z.string(), parts: z.number(), trimmed: z.boolean() }),
});
export const NotifySettingsOut = named('NotifySettings', z.object({
  center: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  providers: z.object({
    email: z.boolean(), sms: z.enum(['esms', 'webhook']).nullable(), zalo: z.boolean(),
    smsInbound: z.boolean().describe('MOTCUA_SMS_INBOUND_TOKEN: tra cứu qua SMS và báo cáo gửi tin từ cổng SMS'),
    deliveryReports: z.boolean().describe('Nhà cung cấp báo lại tin đã đến máy (cần MOTCUA_PUBLIC_URL với eSMS)'),
  }),
  smsMaxParts: z.number(), defaultBrandname: z.string().nullable(),
  smsPolicy: z.enum(['all', 'ordered']), brandname: z.string().nullable(),
  events: z.array(EventOut),
}));
const SettingsIn = z.object({
  smsPolicy: z.enum(['all', 'ordered']),
  brandname: z.string().trim().regex(/^[A-Za-z0-9 ._-]{2,11}$/, 'Brandname gồm 2–11 chữ cái không dấu, chữ số, dấu cách, dấu chấm, gạch ngang (đúng tên đã đăng ký với nhà mạng)').nullable(),
  events: z.array(z.object({
    event: z.enum(EVENTS), email: z.boolean(), sms: z.boolean(), zalo: z.boolean(),
    smsTemplate: z.string().trim().min(10, 'Nội dung SMS quá ngắn').max(1000).nullable(),
    zaloTemplateId: z.string().trim().regex(/^[0-9A-Za-z_-]{1,40}$/, 'Mã mẫu ZNS gồm chữ và số').nullable(),
  })).max(EVENTS.length),
});

async function centerOf(q: Queryable, actor: Actor, requested: string | undefined) {
  if (isProvinceWide(actor)) {
    if (!requested) throw badRequest('CENTER_REQUIRED', 'Hãy chọn Trung tâm (tham số center).');
    return findCenter(q, requested);
  }
  if (!actor.centerId) throw forbidden('Tài khoản chưa được gán cho Trung tâm nào.');
  const c = await findCenter(q, requested ?? actor.centerId);
  if (c.id !== actor.centerId) throw forbidden('Bạn chỉ được cấu hình thông báo của Trung tâm mình.');
  return c;
}

export function notifySettingsRoutes(channels: () => Channels): FastifyPluginAsyncZod {
  return async (app) => {
    const present = async (q: Queryable, c: { id: string; code: string; name: string }) => {
      const { config } = app.deps;
      const s = await loadNotifySettings(q, c.id);
      return {
        center: { id: c.id, code: c.code, name: c.name },
        providers: {
          email: !!(config.smtpUrl && config.mailFrom), sms: config.sms?.provider ?? null, zalo: !!config.zalo, smsInbound: !!config.smsInboundToken,
          deliveryReports: config.sms?.provider === 'webhook' ? !!config.smsInboundToken : config.sms?.provider === 'esms' ? !!config.publicUrl : false,
        },
        smsMaxParts: config.smsMaxParts, defaultBrandname: config.smsBrandname ?? null, smsPolicy: s.smsPolicy, brandname: s.brandname,
        events: EVENT_SPECS.map((spec) => {
          const e = s.events[spec.event];
          const template = e.smsTemplate ?? spec.smsTemplate;
          return {
            event: spec.event, label: spec.label, channels: [...spec.channels], email: e.email, sms: e.sms, zalo: e.zalo,
            smsTemplate: template, smsTemplateDefault: spec.smsTemplate, custom: e.smsTemplate !== null, zaloTemplateId: e.zaloTemplateId,
            placeholders: [...spec.placeholders], preview: fitSms(renderTemplate(template, exampleValues(spec.event)), config.smsMaxParts),
          };
        }),
      };
    };

    app.get('/notifications/settings', {
      config: { access: MANAGE },
      schema: { tags: ['notifications'], summary: 'Cấu hình thông báo của Trung tâm: kênh đã cấu hình, người nhận SMS, brandname, bật/tắt từng sự kiện và kênh, nội dung SMS, mẫu Zalo ZNS', querystring: CenterQuery, response: { 200: NotifySettingsOut } },
    }, async (req) => present(app.deps.db, await centerOf(app.deps.db, req.actor!, req.query.center)));

    app.put('/notifications/settings', {
      config: { access: MANAGE },
      schema: {
        tags: ['notifications'], summary: 'Lưu cấu hình thông báo của Trung tâm (nội dung SMS chỉ dùng các trường của sự kiện, không dài quá số phần tin cho phép)',
        querystring: CenterQuery, body: SettingsIn, response: { 200: NotifySettingsOut },
      },
    }, async (req) => {
      const { db, clock, config } = app.deps;
      const c = await centerOf(db, req.actor!, req.query.center);
      const current = await loadNotifySettings(db, c.id);
      const events = EVENT_SPECS.map((spec) => req.body.events.find((e) => e.event === spec.event) ?? current.events[spec.event]);
      for (const e of events) {
        const spec = specOf(e.event);
        const template = e.smsTemplate ?? spec.smsTemplate;
        const unknown = unknownPlaceholders(template, spec.placeholders.map((p) => p.name));
        if (unknown.length) {
          throw badRequest('NOTIFY_TEMPLATE_FIELD', `Nội dung SMS "${spec.label}" dùng trường không có: ${unknown.map((u) => `((${u}))`).join(', ')}. Các trường dùng được: ${spec.placeholders.map((p) => `((${p.name}))`).join(', ')}.`);
        }
        if (fitSms(renderTemplate(template, exampleValues(spec.event)), config.smsMaxParts).trimmed) {
          throw badRequest('NOTIFY_TEMPLATE_LONG', `Nội dung SMS "${spec.label}" dài quá ${config.smsMaxParts} phần tin (mỗi phần 153 ký tự không dấu) với giá trị mẫu: hãy rút gọn.`);
        }
        if (e.zalo && !e.zaloTemplateId) throw badRequest('NOTIFY_ZALO_TEMPLATE', `Bật Zalo cho "${spec.label}" cần mã mẫu ZNS đã được Zalo duyệt.`);
      }
      await withTx(db, (tx) => saveNotifySettings(tx, c.id, { smsPolicy: req.body.smsPolicy, brandname: req.body.brandname, events }, req.actor!.id, clock.now()));
      return present(db, c);
    });

    app.post('/notifications/test', {
      config: { access: MANAGE },
      schema: {
        tags: ['notifications'], summary: 'Gửi thử một tin (SMS hoặc e-mail) để kiểm tra cấu hình kênh',
        querystring: CenterQuery,
        body: z.object({ channel: z.enum(['sms', 'email']), to: z.string().trim().min(5).max(120) }),
        response: { 200: z.object({ status: z.string(), providerRef: z.string().nullable(), error: z.string().nullable() }) },
      },
    }, async (req) => {
      const { db, clock } = app.deps;
      const c = await centerOf(db, req.actor!, req.query.center);
      const s = await loadNotifySettings(db, c.id);
      const text = `${c.name}: tin nhắn thử của phần mềm một cửa.`;
      const r = await sendNow(db, { ...channels(), smsBrandname: s.brandname ?? channels().smsBrandname }, {
        channel: req.body.channel, to: req.body.to, text, subject: req.body.channel === 'email' ? 'Thư thử của phần mềm một cửa' : undefined,
        key: `test:${req.actor!.id}:${clock.now().toISOString()}`, event: 'test', centerId: c.id,
      });
      return { status: r.status, providerRef: r.providerRef, error: r.error };
    });
  };
}
