// Citizen accounts (issue 15, parts 1, 2 and 4): sign-in by a one-time code sent to a phone (SMS) or an e-mail
// address, the citizen's own dossiers, and the result file of a dossier returned online.
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CITIZEN, PUBLIC } from '../../http/access';
import { extraLimit, limitOf } from '../../http/rate-limits';
import { audit } from '../../platform/audit';
import { many, one, withTx, type Db } from '../../platform/db';
import { AppError, badRequest } from '../../platform/errors';
import { secretKeyFor } from '../../platform/secret-key';
import { DiskFileStore } from '../../platform/storage';
import { STATUSES, statusName, type Status } from '../dossiers/domain/lifecycle';
import { channelsFor, sendNow } from '../notifications';
import { codeMatches, hashCode, maskContact, newCode, OTP_DIGITS, OTP_MAX_TRIES, OTP_MINUTES, otpUsable, parseContact, type Contact } from './domain/otp';
import { maskIdNumber } from './domain/oidc';
import { oidcRoutes } from './oidc';
import { onlineRoutes } from './online';
import { notYours, ownerParams, OWNS } from './ownership';
import { CITIZEN_COOKIE, createCitizenSession, destroyCitizenSession, type Citizen, type SignInMethod } from './sessions';

const ContactField = z.string().trim().min(5, 'Nhập số điện thoại di động hoặc địa chỉ e-mail').max(254);
const OtpBody = z.object({ contact: ContactField });
const VerifyBody = z.object({ contact: ContactField, code: z.string().trim().regex(/^\d{6}$/, `Mã gồm đúng ${OTP_DIGITS} chữ số`) });

const OtpSent = z.object({ sentTo: z.string(), channel: z.enum(['sms', 'email']), expiresInMinutes: z.number().int(), message: z.string() });
const Me = z.object({
  id: z.string(), contact: z.string().nullable(), contactKind: z.enum(['phone', 'email']).nullable(), idNumberVerified: z.boolean(),
  /** The verified identity number, masked (001******123). */
  idNumber: z.string().nullable(), fullName: z.string().nullable(), signInMethod: z.enum(['otp', 'oidc']),
});
const meOf = (c: { id: string; contact: string | null; contactKind: 'phone' | 'email' | null; idNumber: string | null; fullName: string | null; signInMethod: SignInMethod }) => ({
  id: c.id, contact: c.contact && c.contactKind ? maskContact({ kind: c.contactKind, value: c.contact }) : null, contactKind: c.contact ? c.contactKind : null,
  idNumberVerified: c.idNumber !== null, idNumber: c.idNumber ? maskIdNumber(c.idNumber) : null, fullName: c.fullName, signInMethod: c.signInMethod,
});

const DossierSummary = z.object({
  code: z.string(), status: z.enum(STATUSES), statusName: z.string(), procedure: z.string(), center: z.string(),
  registeredAt: z.string(), receivedAt: z.string().nullable(), dueAt: z.string().nullable(), returnedAt: z.string().nullable(),
});
const CitizenDossier = DossierSummary.extend({
  channel: z.enum(['direct', 'post', 'online']),
  /** How the result is delivered: the citizen's choice at an online submission, then what the return step recorded. */
  returnMethod: z.enum(['counter', 'post', 'online']).nullable(),
  returnAddress: z.string().nullable(),
  /** The dossier's documents (its checklist), to upload a paper for one of them. */
  documents: z.array(z.object({ index: z.number(), name: z.string(), mandatory: z.boolean() })),
  /** What the center asked for, while a supplement is requested (status needs_supplement); else null. */
  supplementRequest: z.object({ at: z.string(), reason: z.string().nullable(), missing: z.array(z.string()) }).nullable(),
  timeline: z.array(z.object({ at: z.string(), status: z.enum(STATUSES), statusName: z.string(), note: z.string().nullable() })),
  files: z.array(z.object({ name: z.string(), kind: z.enum(['document', 'result']), uploadedAt: z.string(), checklistIndex: z.number().nullable() })),
  /** The result file may be downloaded here (returned online, with a result file). */
  resultAvailable: z.boolean(),
});

const BAD_CODE = () => new AppError(401, 'CITIZEN_CODE_INVALID',
  `Mã không đúng hoặc đã hết hạn. Mỗi mã dùng được trong ${OTP_MINUTES} phút và nhập sai tối đa ${OTP_MAX_TRIES} lần: hãy yêu cầu mã mới.`);

function contactOf(input: string): Contact {
  const c = parseContact(input);
  if (!c) throw badRequest('CITIZEN_CONTACT_INVALID', 'Nhập số điện thoại di động (ví dụ 0905 123 456) hoặc một địa chỉ e-mail hợp lệ.');
  return c;
}

// Whose dossiers: the one rule of ownership.ts.
const OWN = OWNS('d');

type DossierRow = { id: string; code: string; status: Status; procedure_name: string; center_name: string; registered_at: Date; received_at: Date | null;
  due_at: Date | null; returned_at: Date | null; channel: 'direct' | 'post' | 'online'; return_method: 'counter' | 'post' | 'online' | null; center_id: string;
  return_address: string | null; checklist: { index: number; name: string; mandatory: boolean }[] };
const SELECT = `SELECT d.id, d.code, d.status, p.name AS procedure_name, c.name AS center_name, d.registered_at, d.received_at, d.due_at, d.returned_at,
    d.channel, d.return_method, d.center_id, d.return_address, d.checklist
  FROM dossiers d JOIN procedures p ON p.code = d.procedure_code JOIN centers c ON c.id = d.center_id`;

const summary = (d: DossierRow) => ({
  code: d.code, status: d.status, statusName: statusName(d.status), procedure: d.procedure_name, center: d.center_name,
  registeredAt: d.registered_at.toISOString(), receivedAt: d.received_at?.toISOString() ?? null, dueAt: d.due_at?.toISOString() ?? null,
  returnedAt: d.returned_at?.toISOString() ?? null,
});

export async function ownDossier(db: Db, c: Citizen, code: string): Promise<DossierRow> {
  const d = await one<DossierRow>(db, `${SELECT} WHERE d.code = $3 AND ${OWN}`, [...ownerParams(c), code.trim()]);
  if (!d) throw notYours();
  return d;
}

// Reasons the citizen is told (what to bring, why refused, the new date); the departments' internal notes are not.
const CITIZEN_REASONS = new Set(['request-supplement', 'request-supplement-by-department', 'refuse', 'reject', 'extend', 'withdraw']);
const INTERNAL_ACTIONS = new Set(['complete-step', 'send-back', 'report-late']);

/** The online return's file: the latest result file of a dossier returned online. */
async function resultFile(db: Db, d: DossierRow) {
  if (d.status !== 'returned' || d.return_method !== 'online') return null;
  return one<{ sha256: string; name: string; mime: string }>(db,
    `SELECT f.sha256, f.name, s.mime FROM dossier_files f JOIN stored_files s ON s.sha256 = f.sha256
      WHERE f.dossier_id = $1 AND f.kind = 'result' ORDER BY f.uploaded_at DESC LIMIT 1`, [d.id]);
}

export const citizenRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(onlineRoutes);
  await app.register(oidcRoutes);
  const { config } = app.deps;
  const store = new DiskFileStore(path.join(config.dataDir, 'files'));
  const perContact = limitOf(config, 'otpPerContact', {
    keyGenerator: (req) => `contact:${parseContact(String((req.body as { contact?: unknown } | undefined)?.contact ?? ''))?.value ?? ''}`,
  });

  app.post('/citizen/auth/otp', {
    config: { access: PUBLIC, rateLimit: limitOf(config, 'otpPerAddress') },
    preHandler: extraLimit(app, perContact),
    schema: {
      tags: ['citizen'], summary: 'Công dân: gửi mã đăng nhập một lần tới điện thoại (SMS) hoặc e-mail',
      description: `Mã ${OTP_DIGITS} chữ số, dùng trong ${OTP_MINUTES} phút, nhập sai tối đa ${OTP_MAX_TRIES} lần. Câu trả lời như nhau dù số điện thoại/e-mail đã có hồ sơ hay chưa.`,
      body: OtpBody, response: { 202: OtpSent },
    },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const now = clock.now();
    const contact = contactOf(req.body.contact);
    const channels = channelsFor(app.deps);
    const channel = contact.kind === 'phone' ? 'sms' : 'email';
    if (channel === 'sms' && !channels.sms) {
      throw new AppError(409, 'CITIZEN_SMS_OFF', 'Trung tâm chưa bật gửi tin nhắn SMS: vui lòng đăng nhập bằng địa chỉ e-mail.');
    }
    if (channel === 'email' && !channels.email) {
      throw new AppError(409, 'CITIZEN_EMAIL_OFF', 'Trung tâm chưa bật gửi e-mail: vui lòng đăng nhập bằng số điện thoại di động.');
    }
    const code = newCode();
    // A new code replaces the previous ones: only the latest works.
    const otp = await withTx(db, async (tx) => {
      await tx.query('UPDATE citizen_otps SET used_at = $2 WHERE contact = $1 AND used_at IS NULL', [contact.value, now]);
      return (await one<{ id: string }>(tx, `INSERT INTO citizen_otps (contact, code_hash, created_at, expires_at, ip)
        VALUES ($1,$2,$3,$3::timestamptz + make_interval(mins => $4),$5) RETURNING id`,
      [contact.value, hashCode(secretKeyFor(config), contact.value, code), now, OTP_MINUTES, req.ip]))!;
    });
    const text = `Ma dang nhap dich vu cong truc tuyen: ${code}. Ma dung trong ${OTP_MINUTES} phut. Khong dua ma nay cho bat ky ai.`;
    const r = await sendNow(db, channels, {
      channel, to: contact.value, key: `citizen-otp:${otp.id}`, event: 'otp',
      text: channel === 'sms' ? text : `Mã đăng nhập dịch vụ công trực tuyến của bạn là ${code}.\n\nMã dùng được trong ${OTP_MINUTES} phút. Không đưa mã này cho bất kỳ ai, kể cả cán bộ Trung tâm.`,
      subject: channel === 'email' ? `Mã đăng nhập: ${code}` : undefined,
      // The code never sits in the messages table.
      storedText: `Mã đăng nhập một lần (${OTP_DIGITS} chữ số, không lưu).`,
    });
    if (r.status === 'failed') {
      throw new AppError(503, 'CITIZEN_CODE_NOT_SENT', `Chưa gửi được mã tới ${maskContact(contact)}. Vui lòng thử lại sau ít phút.`);
    }
    return reply.code(202).send({
      sentTo: maskContact(contact), channel, expiresInMinutes: OTP_MINUTES,
      message: `Đã gửi mã ${OTP_DIGITS} chữ số tới ${maskContact(contact)}. Mã dùng được trong ${OTP_MINUTES} phút.`,
    });
  });

  app.post('/citizen/auth/verify', {
    config: { access: PUBLIC, rateLimit: limitOf(config, 'otpPerAddress') },
    schema: { tags: ['citizen'], summary: 'Công dân: đăng nhập bằng mã một lần', body: VerifyBody, response: { 200: Me } },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const now = clock.now();
    const contact = contactOf(req.body.contact);
    const key = secretKeyFor(config);
    const outcome = await withTx(db, async (tx) => {
      const otp = await one<{ id: string; code_hash: string; expires_at: Date; attempts: number; used_at: Date | null }>(tx,
        'SELECT id, code_hash, expires_at, attempts, used_at FROM citizen_otps WHERE contact = $1 ORDER BY id DESC LIMIT 1 FOR UPDATE', [contact.value]);
      if (!otp || !otpUsable({ expiresAt: otp.expires_at, attempts: otp.attempts, usedAt: otp.used_at }, now)) return { failed: true as const };
      if (!codeMatches(key, contact.value, req.body.code, otp.code_hash)) {
        await tx.query('UPDATE citizen_otps SET attempts = attempts + 1 WHERE id = $1', [otp.id]);
        await audit(tx, { actorId: null, action: 'citizen.sign_in_failed', entity: 'citizen', data: { contact: maskContact(contact), ip: req.ip, attempt: otp.attempts + 1 } }, now);
        return { failed: true as const };
      }
      await tx.query('UPDATE citizen_otps SET used_at = $2 WHERE id = $1', [otp.id, now]);
      const account = (await one<{ id: string; contact: string; contact_kind: 'phone' | 'email'; id_number: string | null; full_name: string | null }>(tx,
        `INSERT INTO citizen_accounts (contact, contact_kind, created_at, last_sign_in_at) VALUES ($1,$2,$3,$3)
         ON CONFLICT (contact) DO UPDATE SET last_sign_in_at = EXCLUDED.last_sign_in_at RETURNING id, contact, contact_kind, id_number, full_name`,
      [contact.value, contact.kind, now]))!;
      await audit(tx, { actorId: null, action: 'citizen.sign_in', entity: 'citizen', entityId: account.id, data: { contact: maskContact(contact), ip: req.ip } }, now);
      return { account };
    });
    // The failed try is committed before it is reported.
    if ('failed' in outcome) throw BAD_CODE();
    const a = outcome.account;
    const token = await createCitizenSession(db, a.id, now, { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') });
    reply.setCookie(CITIZEN_COOKIE, token, app.sessionCookieOptions(req));
    return meOf({ id: a.id, contact: a.contact, contactKind: a.contact_kind, idNumber: a.id_number, fullName: a.full_name, signInMethod: 'otp' });
  });

  app.get('/citizen/me', {
    config: { access: CITIZEN },
    schema: { tags: ['citizen'], summary: 'Công dân đang đăng nhập', response: { 200: Me } },
  }, async (req) => {
    return meOf(req.citizen!);
  });

  app.post('/citizen/auth/logout', {
    config: { access: CITIZEN },
    schema: { tags: ['citizen'], summary: 'Công dân: đăng xuất' },
  }, async (req, reply) => {
    await destroyCitizenSession(app.deps.db, req.citizen!.sessionId);
    reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/citizen/dossiers', {
    config: { access: CITIZEN },
    schema: {
      tags: ['citizen'], summary: 'Hồ sơ của tôi: hồ sơ nộp với số điện thoại/e-mail đã xác minh (hoặc số định danh đã xác minh)',
      response: { 200: z.object({ items: z.array(DossierSummary) }) },
    },
  }, async (req, reply) => {
    const c = req.citizen!;
    const rows = await many<DossierRow>(app.deps.db, `${SELECT} WHERE ${OWN} ORDER BY d.registered_at DESC LIMIT 200`, ownerParams(c));
    reply.header('cache-control', 'no-store');
    return { items: rows.map(summary) };
  });

  app.get('/citizen/dossiers/:code', {
    config: { access: CITIZEN },
    schema: {
      tags: ['citizen'], summary: 'Hồ sơ của tôi: tình trạng, quá trình giải quyết và tệp',
      params: z.object({ code: z.string().min(5).max(60) }), response: { 200: CitizenDossier },
    },
  }, async (req, reply) => {
    const { db } = app.deps;
    const d = await ownDossier(db, req.citizen!, req.params.code);
    const events = await many<{ at: Date; action: string; to_status: Status; reason: string | null; data: { missing?: string[]; citizen?: string } | null }>(db,
      'SELECT at, action, to_status, reason, data FROM dossier_events WHERE dossier_id = $1 ORDER BY id', [d.id]);
    const files = await many<{ name: string; kind: 'document' | 'result'; uploaded_at: Date; checklist_index: number | null }>(db,
      'SELECT name, kind, uploaded_at, checklist_index FROM dossier_files WHERE dossier_id = $1 ORDER BY uploaded_at, name', [d.id]);
    // The latest request for a supplement (by the center, or by a department: paused), while the dossier waits for it.
    const asked = d.status === 'needs_supplement' || d.status === 'paused' ? events.filter((e) => e.action.startsWith('request-supplement')).at(-1) : undefined;
    reply.header('cache-control', 'no-store');
    return {
      ...summary(d), channel: d.channel, returnMethod: d.return_method, returnAddress: d.return_address,
      documents: d.checklist.map((i) => ({ index: i.index, name: i.name, mandatory: i.mandatory })),
      supplementRequest: asked ? { at: asked.at.toISOString(), reason: asked.reason, missing: Array.isArray(asked.data?.missing) ? asked.data.missing.map(String) : [] } : null,
      timeline: events.filter((e) => !INTERNAL_ACTIONS.has(e.action)).map((e) => ({
        at: e.at.toISOString(), status: e.to_status, statusName: statusName(e.to_status),
        // A supplement says so (its status is "submitted" again), with the citizen's own note when they sent it online.
        note: e.action === 'supplement' ? `Đã nộp bổ sung hồ sơ${e.data?.citizen && e.reason ? `: ${e.reason}` : ''}` : CITIZEN_REASONS.has(e.action) ? e.reason : null,
      })),
      files: files.map((f) => ({ name: f.name, kind: f.kind, uploadedAt: f.uploaded_at.toISOString(), checklistIndex: f.checklist_index })),
      resultAvailable: (await resultFile(db, d)) !== null,
    };
  });

  app.get('/citizen/dossiers/:code/result', {
    config: { access: CITIZEN },
    schema: {
      tags: ['citizen'], summary: 'Hồ sơ của tôi: tải tệp kết quả (hồ sơ trả kết quả trực tuyến)',
      params: z.object({ code: z.string().min(5).max(60) }),
    },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const d = await ownDossier(db, req.citizen!, req.params.code);
    const f = await resultFile(db, d);
    if (!f) {
      throw new AppError(409, 'CITIZEN_RESULT_NOT_ONLINE', d.status === 'returned' && d.return_method === 'online'
        ? 'Hồ sơ chưa có tệp kết quả điện tử. Vui lòng liên hệ Trung tâm.'
        : 'Kết quả của hồ sơ này chưa được trả trực tuyến: chỉ tải được khi Trung tâm đã trả kết quả theo hình thức trực tuyến.');
    }
    const buf = await store.get(f.sha256);
    await audit(db, { actorId: null, centerId: d.center_id, action: 'citizen.result_download', entity: 'dossier', entityId: d.code, data: { citizen: req.citizen!.id } }, clock.now());
    return reply.type(f.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`).header('cache-control', 'private, no-store').send(buf);
  });
};
