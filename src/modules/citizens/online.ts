// Online submission by a signed-in citizen (issue 15, part 2): the support desk's registration (status submitted, in
// the center's reception queue) with channel "online", then the documents uploaded by the citizen, checked by content
// as the staff upload checks them.
import multipart from '@fastify/multipart';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CITIZEN } from '../../http/access';
import { IdempotencyKeyHeader, idempotentReply } from '../../http/idempotency';
import { audit } from '../../platform/audit';
import { many, one, withTx } from '../../platform/db';
import { AppError, badRequest } from '../../platform/errors';
import { DiskFileStore, sniffMime } from '../../platform/storage';
import { checkImage, checkPdf, cleanFileName } from '../../platform/uploads';
import { findCenter } from '../centers/repo';
import { act } from '../dossiers/commands/act';
import { registerDossier } from '../dossiers/commands/register';
import { STATUSES, statusName } from '../dossiers/domain/lifecycle';
import { findDossier } from '../dossiers/repo';
import { oneFile } from '../dossiers/routes/files';
import { ApplicantInput } from '../dossiers/schemas';
import { ownDossierCode, ownerParams, OWNS } from './ownership';
import type { Citizen } from './sessions';

/** online_level 4 = the whole procedure online ("full"), 3 = submitted online, result on paper ("partial"). */
export const ONLINE_MIN_LEVEL = 3;

const SubmitBody = z.object({
  procedure: z.string().trim().min(1, 'Chọn thủ tục').max(50),
  center: z.string().trim().min(1, 'Chọn Trung tâm tiếp nhận').max(60),
  applicant: ApplicantInput,
  delivery: z.object({
    method: z.enum(['counter', 'post', 'online'], { error: 'Hình thức nhận kết quả phải là counter, post hoặc online' }),
    /** The postal address for a result sent by post (required then). */
    address: z.string().trim().max(500, 'Địa chỉ nhận kết quả tối đa 500 ký tự').optional().nullable(),
  }).superRefine((v, ctx) => {
    if (v.method === 'post' && (v.address ?? '').length < 5) ctx.addIssue({ code: 'custom', path: ['address'], message: 'Nhận kết quả qua bưu chính cần địa chỉ nhận (số nhà, đường, xã/phường, tỉnh/thành phố)' });
  }),
  note: z.string().max(2000).optional(),
});
const Delivery = z.object({ method: z.enum(['counter', 'post', 'online']), address: z.string().nullable() });
const Submitted = z.object({
  code: z.string(), status: z.enum(STATUSES), statusName: z.string(), channel: z.literal('online'), procedure: z.string(), center: z.string(),
  registeredAt: z.string(), delivery: Delivery,
  documents: z.array(z.object({ index: z.number(), name: z.string(), mandatory: z.boolean() })),
});
const Params = z.object({ code: z.string().min(5).max(60) });
const FileOut = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), checklistIndex: z.number(), reused: z.boolean() });
const ReuseBody = z.object({
  checklistIndex: z.number({ error: 'Chọn đúng thành phần hồ sơ cho giấy tờ dùng lại' }).int().min(0),
  reuseFileId: z.string().uuid('Mã tệp không hợp lệ'),
});
const MyFile = z.object({
  id: z.string(), name: z.string(), mime: z.string(), size: z.number(), uploadedAt: z.string(),
  dossier: z.string(), procedure: z.string(), document: z.string().nullable(),
});

/** The citizen's verified contact, as the applicant's phone (0xxxxxxxxx) or e-mail: so the dossier shows in "Hồ sơ của tôi".
 * An account from the national sign-in without a contact: its verified identity number. */
function withOwnContact(a: z.infer<typeof ApplicantInput>, c: Citizen): z.infer<typeof ApplicantInput> {
  if (c.contact === null) return c.idNumber ? { ...a, idNumber: c.idNumber } : a;
  return c.contactKind === 'phone' ? { ...a, phone: `0${c.contact.slice(2)}` } : { ...a, email: c.contact };
}

/**
 * "Giấy tờ của tôi": the papers of the citizen's own dossiers (uploaded by them or digitized at the counter), never a
 * result and never another citizen's; one row per content (the latest copy), newest first.
 */
const MY_FILES_SQL = `SELECT DISTINCT ON (f.sha256) f.id, f.name, s.mime, s.size, f.uploaded_at, o.code AS dossier, p.name AS procedure,
    o.checklist->(f.checklist_index)->>'name' AS document
  FROM dossier_files f JOIN stored_files s ON s.sha256 = f.sha256 JOIN dossiers o ON o.id = f.dossier_id JOIN procedures p ON p.code = o.procedure_code
  WHERE f.kind = 'document' AND ${OWNS('o')}`;

export const onlineRoutes: FastifyPluginAsyncZod = async (app) => {
  const store = new DiskFileStore(path.join(app.deps.config.dataDir, 'files'));
  await app.register(multipart, { limits: { fileSize: app.deps.config.uploadMaxBytes, files: 1, fields: 10 } });

  app.post('/citizen/dossiers', {
    config: { access: CITIZEN },
    schema: {
      tags: ['citizen'], summary: 'Công dân: nộp hồ sơ trực tuyến (thủ tục có dịch vụ công trực tuyến). Hỗ trợ Idempotency-Key.',
      headers: IdempotencyKeyHeader, body: SubmitBody, response: { 201: Submitted },
    },
  }, async (req, reply) => {
    const { db, clock, calendars } = app.deps;
    const c = req.citizen!;
    const body = req.body;
    const { answer } = await idempotentReply(req, reply, { scope: 'citizen.dossiers.submit', status: 201 }, async () => {
      const proc = await one<{ online_level: number; active: boolean }>(db, 'SELECT online_level, active FROM procedures WHERE code = $1', [body.procedure]);
      if (!proc || !proc.active) throw new AppError(404, 'NOT_FOUND', `Không tìm thấy thủ tục có mã ${body.procedure}.`);
      if (proc.online_level < ONLINE_MIN_LEVEL) {
        throw new AppError(409, 'PROCEDURE_NOT_ONLINE', 'Thủ tục này chưa có dịch vụ công trực tuyến: vui lòng nộp hồ sơ trực tiếp tại Trung tâm hoặc qua bưu chính.');
      }
      if (body.delivery.method === 'online' && proc.online_level < 4) {
        throw new AppError(409, 'PROCEDURE_RESULT_NOT_ONLINE', 'Thủ tục này chỉ nộp hồ sơ trực tuyến một phần: kết quả nhận tại Trung tâm hoặc qua bưu chính.');
      }
      const center = await findCenter(db, body.center);
      const delivery = { method: body.delivery.method, address: body.delivery.method === 'post' ? body.delivery.address ?? null : null };
      const d = await registerDossier({ db, clock, calendars, citizen: { id: c.id, centerId: center.id, delivery } },
        { procedure: body.procedure, applicant: withOwnContact(body.applicant, c), channel: 'online', note: body.note });
      if (typeof d === 'string') throw new Error('unreachable: an online submission is never a back-entry');
      return {
        code: d.code, status: d.status, statusName: statusName(d.status), channel: 'online' as const, procedure: d.procedure_name, center: center.name,
        registeredAt: new Date(d.registered_at).toISOString(), delivery,
        documents: d.checklist.map((i) => ({ index: i.index, name: i.name, mandatory: i.mandatory })),
      };
    });
    return reply.send(answer);
  });

  app.post('/citizen/dossiers/:code/files', {
    config: { access: CITIZEN },
    schema: {
      tags: ['citizen'], summary: 'Công dân: tải lên giấy tờ của hồ sơ nộp trực tuyến (PDF, JPEG, PNG; multipart: file, checklistIndex) hoặc dùng lại giấy tờ của mình đã nộp trước đây (JSON: reuseFileId, checklistIndex)',
      params: Params, response: { 201: FileOut },
    },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const c = req.citizen!;
    const ownCode = await ownDossierCode(db, c, req.params.code);
    const d = await findDossier(db, ownCode);
    // Open to the citizen's papers: just submitted, or a supplement asked by the center (needs_supplement) or by the
    // department through the center (paused).
    if (d.status !== 'submitted' && d.status !== 'needs_supplement' && d.status !== 'paused') {
      throw new AppError(409, 'DOSSIER_FILES_CLOSED', 'Chỉ tải giấy tờ lên khi hồ sơ vừa nộp hoặc đang được yêu cầu bổ sung.');
    }
    if (!req.isMultipart()) {
      // Reuse of one of the citizen's own earlier papers ("Giấy tờ của tôi"): the same content, no upload.
      const body = ReuseBody.safeParse(req.body);
      if (!body.success) throw badRequest('FILE_MISSING', 'Chưa chọn tệp để tải lên (hoặc giấy tờ đã nộp trước đây để dùng lại).');
      const idx = body.data.checklistIndex;
      if (!d.checklist[idx]) throw badRequest('DOSSIER_CHECKLIST_INDEX', 'Chọn đúng thành phần hồ sơ cho tệp tải lên.');
      const src = await one<{ id: string; sha256: string; name: string; mime: string; size: number }>(db,
        `SELECT f.id, f.sha256, f.name, s.mime, s.size FROM dossier_files f JOIN stored_files s ON s.sha256 = f.sha256 JOIN dossiers o ON o.id = f.dossier_id
          WHERE f.id = $3 AND f.kind = 'document' AND f.dossier_id <> $4 AND ${OWNS('o')}`, [...ownerParams(c), body.data.reuseFileId, d.id]);
      // Another citizen's file is answered as a missing one: nothing tells that it exists.
      if (!src) throw new AppError(404, 'NOT_FOUND', 'Không tìm thấy giấy tờ này trong "Giấy tờ của tôi".');
      const now = clock.now();
      const row = await withTx(db, async (tx) => {
        const r = await one<{ id: string }>(tx, `INSERT INTO dossier_files (dossier_id, applicant_id, sha256, checklist_index, kind, name, reused_from, uploaded_by, uploaded_at)
          VALUES ($1,$2,$3,$4,'document',$5,$6,NULL,$7) RETURNING id`, [d.id, d.applicant_id, src.sha256, idx, src.name, src.id, now]);
        await audit(tx, { actorId: null, centerId: d.center_id, action: 'citizen.file_reuse', entity: 'dossier', entityId: d.code, data: { fileId: r!.id, from: src.id, citizen: c.id } }, now);
        return r!;
      });
      return reply.code(201).send({ id: row.id, name: src.name, mime: src.mime, size: Number(src.size), checklistIndex: idx, reused: true });
    }
    // The staff upload's reading (one file, its size limit, Vietnamese refusals) and, below, its checks by content.
    const { buf, filename, fields } = await oneFile(req, app.deps.config.uploadMaxBytes);
    const file = { buf, filename };
    const idx = Number(fields.checklistIndex);
    if (fields.checklistIndex === undefined || !Number.isInteger(idx) || !d.checklist[idx]) {
      throw badRequest('DOSSIER_CHECKLIST_INDEX', 'Chọn đúng thành phần hồ sơ cho tệp tải lên.');
    }
    if (file.buf.length === 0) throw badRequest('FILE_EMPTY', 'Tệp tải lên rỗng.');
    const mime = sniffMime(file.buf);
    if (!mime) throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', 'Chỉ chấp nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp).');
    const refusal = mime === 'application/pdf' ? checkPdf(file.buf) : checkImage(file.buf, app.deps.config.uploadMaxMegapixels);
    if (refusal) throw new AppError(422, refusal.code, refusal.detail);
    const name = cleanFileName(file.filename);
    const now = clock.now();
    const saved = await store.put(file.buf);
    const row = await withTx(db, async (tx) => {
      await tx.query('INSERT INTO stored_files (sha256, size, mime) VALUES ($1,$2,$3) ON CONFLICT (sha256) DO NOTHING', [saved.sha256, saved.size, mime]);
      const r = await one<{ id: string }>(tx, `INSERT INTO dossier_files (dossier_id, applicant_id, sha256, checklist_index, kind, name, uploaded_by, uploaded_at)
        VALUES ($1,$2,$3,$4,'document',$5,NULL,$6) RETURNING id`, [d.id, d.applicant_id, saved.sha256, idx, name, now]);
      await audit(tx, { actorId: null, centerId: d.center_id, action: 'citizen.file_upload', entity: 'dossier', entityId: d.code, data: { fileId: r!.id, sha256: saved.sha256, size: saved.size, citizen: c.id } }, now);
      return r!;
    });
    return reply.code(201).send({ id: row.id, name, mime, size: saved.size, checklistIndex: idx, reused: false });
  });

  app.get('/citizen/files', {
    config: { access: CITIZEN },
    schema: {
      tags: ['citizen'], summary: 'Giấy tờ của tôi: giấy tờ trong các hồ sơ của công dân, để dùng lại khi nộp hồ sơ mới hoặc bổ sung',
      response: { 200: z.object({ items: z.array(MyFile) }) },
    },
  }, async (req, reply) => {
    const c = req.citizen!;
    const rows = await many<{ id: string; name: string; mime: string; size: number; uploaded_at: Date; dossier: string; procedure: string; document: string | null }>(app.deps.db,
      `SELECT * FROM (${MY_FILES_SQL} ORDER BY f.sha256, f.uploaded_at DESC) x ORDER BY x.uploaded_at DESC LIMIT 200`, ownerParams(c));
    reply.header('cache-control', 'no-store');
    return { items: rows.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: Number(f.size), uploadedAt: f.uploaded_at.toISOString(), dossier: f.dossier, procedure: f.procedure, document: f.document })) };
  });

  // The e-form starts from what the account knows: the name and identity number the national sign-in verified, else
  // what the citizen wrote as a person applicant on their latest own dossier. Only ever the caller's own data.
  app.get('/citizen/applicant', {
    config: { access: CITIZEN },
    schema: {
      tags: ['citizen'], summary: 'Thông tin người nộp điền sẵn vào tờ khai trực tuyến: họ tên, số định danh đã xác minh (VNeID) hoặc đã khai ở hồ sơ gần nhất, địa chỉ',
      response: { 200: z.object({ fullName: z.string(), idNumber: z.string(), address: z.string(), idNumberVerified: z.boolean() }) },
    },
  }, async (req, reply) => {
    const c = req.citizen!;
    const last = await one<{ full_name: string | null; id_number: string | null; address: string | null }>(app.deps.db,
      `SELECT d.applicant->>'fullName' AS full_name, d.applicant->>'idNumber' AS id_number, d.applicant->>'address' AS address
        FROM dossiers d WHERE ${OWNS('d')} AND coalesce(d.applicant->>'kind', 'person') = 'person' ORDER BY d.registered_at DESC, d.code DESC LIMIT 1`, ownerParams(c));
    reply.header('cache-control', 'no-store');
    return {
      fullName: c.fullName ?? last?.full_name ?? '', idNumber: c.idNumber ?? last?.id_number ?? '', address: last?.address ?? '',
      idNumberVerified: c.idNumber !== null,
    };
  });

  app.post('/citizen/dossiers/:code/supplement', {
    config: { access: CITIZEN },
    schema: {
      tags: ['citizen'], summary: 'Công dân: nộp bổ sung hồ sơ (sau khi đã tải lên giấy tờ được yêu cầu bổ sung)',
      params: Params, body: z.object({ note: z.string().trim().max(2000).optional() }).optional(),
      response: { 200: z.object({ code: z.string(), status: z.enum(STATUSES), statusName: z.string() }) },
    },
  }, async (req) => {
    const { db, clock, calendars } = app.deps;
    const c = req.citizen!;
    const ownCode = await ownDossierCode(db, c, req.params.code);
    const d = await findDossier(db, ownCode);
    if (d.status !== 'needs_supplement' && d.status !== 'paused') throw new AppError(409, 'DOSSIER_NO_SUPPLEMENT_REQUESTED', 'Hồ sơ không ở trạng thái được yêu cầu bổ sung.');
    // The supplement is the papers: at least one file uploaded since the request.
    const fresh = await one(db, `SELECT 1 FROM dossier_files f WHERE f.dossier_id = $1 AND f.kind = 'document' AND f.uploaded_at >
        (SELECT max(at) FROM dossier_events WHERE dossier_id = $1 AND action IN ('request-supplement', 'request-supplement-by-department'))`, [d.id]);
    if (!fresh) throw new AppError(409, 'DOSSIER_SUPPLEMENT_NO_FILES', 'Hãy tải lên giấy tờ được yêu cầu bổ sung trước khi nộp bổ sung.');
    const r = await act({ db, clock, calendars, citizen: { id: c.id } }, d.code, 'supplement', { note: req.body?.note });
    return { code: r.code, status: r.status, statusName: statusName(r.status) };
  });
};
