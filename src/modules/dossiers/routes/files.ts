import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import path from 'node:path';
import { z } from 'zod';
import { anyPerm } from '../../../http/access';
import { audit } from '../../../platform/audit';
import { auditRead } from '../../audit/reads';
import { one, withTx } from '../../../platform/db';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/errors';
import { DiskFileStore, sniffMime, type FileStore } from '../../../platform/storage';
import { checkImage, checkPdf, cleanFileName } from '../../../platform/uploads';
import { actorCan } from '../../auth/actor';
import { assertCanView } from '../presenter';
import { findDossier, type DossierRow } from '../repo';

const Params = z.object({ code: z.string().min(5).max(60) });
const FileOut = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), kind: z.string(), checklistIndex: z.number().nullable(), reused: z.boolean() });

/** Who may add files: the center's clerks while the dossier is open; the department adds the result file. */
function assertCanUpload(actor: NonNullable<import('fastify').FastifyRequest['actor']>, d: DossierRow, kind: 'document' | 'result') {
  if (d.closed_at) throw new AppError(409, 'DOSSIER_CLOSED', 'Hồ sơ đã kết thúc, không thể thêm tệp.');
  if (kind === 'result') {
    if (!actorCan(actor, 'dossiers.process') || actor.departmentId !== d.department_id) throw forbidden('Chỉ phòng xử lý hồ sơ được đính kèm kết quả.');
    return;
  }
  if (!(actorCan(actor, 'dossiers.register') || actorCan(actor, 'dossiers.receive')) || actor.centerId !== d.center_id) {
    throw forbidden('Chỉ cán bộ của Trung tâm tiếp nhận hồ sơ được số hóa giấy tờ.');
  }
}

function checkIndex(d: DossierRow, index: number | null) {
  if (index !== null && !d.checklist[index]) throw badRequest('DOSSIER_CHECKLIST_INDEX', `Thành phần hồ sơ số ${index + 1} không có trong danh mục.`);
}

/**
 * The one file of an upload request, read whole, with the form's fields (before or after it). A second file is
 * refused rather than dropped: the clerk would believe both were stored.
 */
export async function oneFile(req: FastifyRequest, maxBytes: number): Promise<{ buf: Buffer; filename: string; fields: Record<string, unknown> }> {
  let file: { buf: Buffer; filename: string } | null = null;
  const fields: Record<string, unknown> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') fields[part.fieldname] = part.value;
      else file = { buf: await part.toBuffer(), filename: part.filename };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw badRequest('FILE_TOO_MANY', 'Mỗi lần chỉ tải lên một tệp. Hãy tải từng tệp riêng cho từng thành phần hồ sơ.');
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'FILE_TOO_LARGE', `Tệp vượt quá dung lượng cho phép (${Math.round(maxBytes / 1024 / 1024)} MB).`);
    throw e;
  }
  if (!file) throw badRequest('FILE_MISSING', 'Chưa chọn tệp để tải lên.');
  return { ...file, fields };
}

/**
 * The papers a dossier may reuse ($1 its applicant record, $2 its center, $3 the dossier itself): documents
 * digitized for the same applicant at the same center, for another of its dossiers. Applicant records belong to one
 * center already (migration 013); the dossier join checks the center again so a record can never carry papers
 * across. Reuse from another center would need the citizen's consent, confirmed by a code sent to the phone or
 * e-mail already on record there; that channel does not exist yet, so papers of other centers are not offered at all.
 */
const REUSABLE = `JOIN dossiers o ON o.id = f.dossier_id
  WHERE f.applicant_id = $1 AND o.center_id = $2 AND o.applicant_id = $1 AND f.dossier_id <> $3 AND f.kind = 'document'`;

export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  const store: FileStore = new DiskFileStore(path.join(app.deps.config.dataDir, 'files'));
  await app.register(multipart, { limits: { fileSize: app.deps.config.uploadMaxBytes, files: 1, fields: 10 } });

  app.post('/dossiers/:code/files', {
    config: { access: anyPerm('dossiers.register', 'dossiers.receive', 'dossiers.process') },
    schema: {
      tags: ['dossiers'], summary: 'Số hóa: tải tệp (PDF, JPEG, PNG; multipart: file, checklistIndex, kind) hoặc dùng lại tệp đã lưu của người nộp (JSON: reuseFileId, checklistIndex)',
      params: Params, response: { 201: FileOut },
    },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const actor = req.actor!;
    const d = await findDossier(db, req.params.code);
    assertCanView(actor, d);
    const now = clock.now();
    if (!req.isMultipart()) {
      // Reuse a file already digitized for this applicant ("lưu trữ dùng chung"): no upload, same content.
      const body = z.object({ reuseFileId: z.string().uuid('Mã tệp không hợp lệ'), checklistIndex: z.number().int().min(0).nullable().default(null) }).safeParse(req.body);
      if (!body.success) throw badRequest('FILE_REUSE_INVALID', 'Cần tải tệp lên (multipart) hoặc chỉ ra tệp dùng lại (reuseFileId).');
      assertCanUpload(actor, d, 'document');
      checkIndex(d, body.data.checklistIndex);
      const src = await one<{ id: string; sha256: string; name: string; mime: string; size: number }>(db,
        `SELECT f.id, f.sha256, f.name, s.mime, s.size FROM dossier_files f JOIN stored_files s ON s.sha256 = f.sha256 ${REUSABLE} AND f.id = $4`,
        [d.applicant_id, d.center_id, d.id, body.data.reuseFileId]);
      if (!src) throw notFound('tệp đã lưu của người nộp này');
      const row = await withTx(db, async (tx) => {
        const r = await one<{ id: string }>(tx, `INSERT INTO dossier_files (dossier_id, applicant_id, sha256, checklist_index, kind, name, reused_from, uploaded_by, uploaded_at)
          VALUES ($1,$2,$3,$4,'document',$5,$6,$7,$8) RETURNING id`, [d.id, d.applicant_id, src.sha256, body.data.checklistIndex, src.name, src.id, actor.id, now]);
        await audit(tx, { actorId: actor.id, centerId: d.center_id, action: 'dossier.file.reuse', entity: 'dossier', entityId: d.code, data: { fileId: r!.id, from: src.id } }, now);
        return r!;
      });
      return reply.code(201).send({ id: row.id, name: src.name, mime: src.mime, size: src.size, kind: 'document', checklistIndex: body.data.checklistIndex, reused: true });
    }

    // Who may upload anything at all is known before the body is read; which kind, only from its fields.
    try {
      assertCanUpload(actor, d, 'document');
    } catch (e) {
      try { assertCanUpload(actor, d, 'result'); } catch { throw e; }
    }
    const { buf, filename, fields } = await oneFile(req, app.deps.config.uploadMaxBytes);
    const kind = fields.kind === 'result' ? 'result' : 'document';
    const idx = fields.checklistIndex === undefined || fields.checklistIndex === '' ? null : Number(fields.checklistIndex);
    if (idx !== null && !Number.isInteger(idx)) throw badRequest('DOSSIER_CHECKLIST_INDEX', 'Số thứ tự thành phần hồ sơ không hợp lệ.');
    assertCanUpload(actor, d, kind);
    checkIndex(d, idx);
    if (buf.length === 0) throw badRequest('FILE_EMPTY', 'Tệp tải lên rỗng.');
    const mime = sniffMime(buf);
    if (!mime) throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', 'Chỉ chấp nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp).');
    const refusal = mime === 'application/pdf' ? checkPdf(buf) : checkImage(buf, app.deps.config.uploadMaxMegapixels);
    if (refusal) throw new AppError(422, refusal.code, refusal.detail);
    const name = cleanFileName(filename);
    const saved = await store.put(buf);
    const row = await withTx(db, async (tx) => {
      await tx.query(`INSERT INTO stored_files (sha256, size, mime) VALUES ($1,$2,$3) ON CONFLICT (sha256) DO NOTHING`, [saved.sha256, saved.size, mime]);
      const r = await one<{ id: string }>(tx, `INSERT INTO dossier_files (dossier_id, applicant_id, sha256, checklist_index, kind, name, uploaded_by, uploaded_at)
        VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`, [d.id, d.applicant_id, saved.sha256, idx, kind, name, actor.id, now]);
      await audit(tx, { actorId: actor.id, centerId: d.center_id, action: 'dossier.file.upload', entity: 'dossier', entityId: d.code, data: { fileId: r!.id, sha256: saved.sha256, size: saved.size, kind } }, now);
      return r!;
    });
    return reply.code(201).send({ id: row.id, name, mime, size: saved.size, kind, checklistIndex: idx, reused: false });
  });

  app.get('/dossiers/:code/files/:id', {
    config: { access: anyPerm('dossiers.view_center', 'dossiers.view_department') },
    schema: { tags: ['dossiers'], summary: 'Tải tệp đã số hóa của hồ sơ', params: Params.extend({ id: z.string().uuid('Mã tệp không hợp lệ') }) },
  }, async (req, reply) => {
    const d = await findDossier(app.deps.db, req.params.code);
    assertCanView(req.actor!, d);
    const f = await one<{ sha256: string; name: string; mime: string }>(app.deps.db,
      `SELECT f.sha256, f.name, s.mime FROM dossier_files f JOIN stored_files s ON s.sha256 = f.sha256 WHERE f.id = $1 AND f.dossier_id = $2`, [req.params.id, d.id]);
    if (!f) throw notFound('tệp');
    const buf = await store.get(f.sha256);
    await auditRead(req, { action: 'dossier.file.download', entity: 'dossier', entityId: d.code, centerId: d.center_id, data: { fileId: req.params.id } });
    return reply.type(f.mime).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`).header('cache-control', 'private, max-age=3600').send(buf);
  });

  app.get('/dossiers/:code/reusable-files', {
    config: { access: anyPerm('dossiers.register', 'dossiers.receive') },
    schema: {
      tags: ['dossiers'], summary: 'Tệp đã số hóa của cùng người nộp ở các hồ sơ trước (dùng lại, không cần tải lại)', params: Params,
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), fromDossier: z.string(), uploadedAt: z.string() })) }) },
    },
  }, async (req) => {
    const d = await findDossier(app.deps.db, req.params.code);
    assertCanView(req.actor!, d);
    const rows = await app.deps.db.query<{ id: string; name: string; mime: string; size: number; code: string; uploaded_at: Date }>(
      `SELECT DISTINCT ON (f.sha256) f.id, f.name, s.mime, s.size, o.code, f.uploaded_at FROM dossier_files f JOIN stored_files s ON s.sha256 = f.sha256
         ${REUSABLE} ORDER BY f.sha256, f.uploaded_at DESC`, [d.applicant_id, d.center_id, d.id]);
    return { items: rows.rows.map((r) => ({ id: r.id, name: r.name, mime: r.mime, size: r.size, fromDossier: r.code, uploadedAt: r.uploaded_at.toISOString() })) };
  });
};
