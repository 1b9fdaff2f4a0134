// The e-mail server (admin console screen "Máy chủ e-mail", issue 13 item 7): one for the whole system, set by the
// administrator; the password is write-only (the answer only says whether one is stored). MOTCUA_SMTP_URL wins.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { perm } from '../../../http/access';
import { named } from '../../../http/openapi';
import { audit } from '../../../platform/audit';
import { withTx } from '../../../platform/db';
import { secretKeyFor } from '../../../platform/secret-key';
import { loadSmtpSettings, refreshStoredMailer, saveSmtpSettings, sendTestMail, TLS_MODES } from '../smtp-settings';

const ADMIN = perm('centers.manage');

export const SmtpSettingsOut = named('SmtpSettings', z.object({
  envOverride: z.boolean().describe('MOTCUA_SMTP_URL đang được đặt: e-mail đi qua máy chủ đó, không qua cấu hình này'),
  envHost: z.string().nullable().describe('Máy chủ của MOTCUA_SMTP_URL (không kèm tài khoản, mật khẩu)'),
  envFrom: z.string().nullable(),
  settings: z.object({
    host: z.string(), port: z.number().int(), tlsMode: z.enum(TLS_MODES), username: z.string().nullable(),
    passwordSet: z.boolean().describe('Đã lưu mật khẩu (mật khẩu không bao giờ được trả về)'),
    fromName: z.string(), fromAddress: z.string(), updatedAt: z.string().nullable(),
  }).nullable(),
}));

const SmtpIn = z.object({
  host: z.string().trim().min(1, 'Hãy nhập máy chủ SMTP').max(253).regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/, 'Máy chủ SMTP là tên miền hoặc địa chỉ IP, không có dấu cách'),
  port: z.number({ message: 'Cổng phải là một số' }).int('Cổng phải là số nguyên').min(1, 'Cổng từ 1 đến 65535').max(65535, 'Cổng từ 1 đến 65535'),
  tlsMode: z.enum(TLS_MODES, { message: 'Kiểu mã hóa là none, starttls hoặc tls' }),
  username: z.string().trim().max(200).nullable().transform((v) => v || null),
  password: z.string().max(500).nullable().optional().describe('Bỏ trống (không gửi) để giữ mật khẩu đã lưu; null để xóa'),
  fromName: z.string().trim().min(2, 'Hãy nhập tên người gửi').max(120).regex(/^[^<>"\r\n]+$/, 'Tên người gửi không chứa dấu <, >, "'),
  fromAddress: z.string().trim().max(200).email('Địa chỉ người gửi không đúng dạng e-mail'),
});

export const smtpSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const present = async () => {
    const { config, db } = app.deps;
    const s = await loadSmtpSettings(db);
    const env = !!(config.smtpUrl && config.mailFrom);
    return {
      envOverride: env,
      envHost: env ? new URL(config.smtpUrl!).host : null,
      envFrom: env ? config.mailFrom! : null,
      settings: s && { ...s, updatedAt: s.updatedAt ? s.updatedAt.toISOString() : null },
    };
  };

  app.get('/notifications/smtp', {
    config: { access: ADMIN },
    schema: { tags: ['notifications'], summary: 'Cấu hình máy chủ e-mail gửi thông báo (toàn hệ thống; không trả về mật khẩu)', response: { 200: SmtpSettingsOut } },
  }, async () => present());

  app.put('/notifications/smtp', {
    config: { access: ADMIN },
    schema: { tags: ['notifications'], summary: 'Lưu cấu hình máy chủ e-mail (mật khẩu được mã hóa bằng khóa máy chủ)', body: SmtpIn, response: { 200: SmtpSettingsOut } },
  }, async (req) => {
    const { db, clock, config } = app.deps;
    const key = secretKeyFor(config);
    await withTx(db, (tx) => saveSmtpSettings(tx, key, req.body, req.actor!.id, clock.now()));
    await refreshStoredMailer(db, key);
    return present();
  });

  app.post('/notifications/smtp/test', {
    config: { access: ADMIN },
    schema: {
      tags: ['notifications'], summary: 'Gửi thư thử qua máy chủ e-mail đang dùng và trả lời của máy chủ SMTP',
      body: z.object({ to: z.string().trim().max(200).email('Địa chỉ nhận thư thử không đúng dạng e-mail') }),
      response: { 200: z.object({ ok: z.boolean(), answer: z.string(), via: z.enum(['env', 'stored']) }) },
    },
  }, async (req) => {
    const { db, clock, config } = app.deps;
    const r = await sendTestMail(db, secretKeyFor(config), config, req.body.to, 'Thư thử của phần mềm một cửa',
      'Thư thử cấu hình máy chủ e-mail của phần mềm một cửa. Nếu bạn nhận được thư này, thông báo qua e-mail đã gửi được.');
    const out = r ?? { ok: false, answer: 'Chưa cấu hình máy chủ e-mail: hãy lưu cấu hình trước khi gửi thư thử.', via: 'stored' as const };
    await audit(db, { actorId: req.actor!.id, action: 'notifications.smtp.test', entity: 'smtp_settings', data: { to: req.body.to, ok: out.ok, answer: out.answer, via: out.via } }, clock.now());
    return out;
  });
};
