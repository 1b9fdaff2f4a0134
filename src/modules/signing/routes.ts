import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { anyPerm, perm, PUBLIC } from '../../http/access';
import { limitOf } from '../../http/rate-limits';
import { audit } from '../../platform/audit';
import { one, withTx } from '../../platform/db';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors';
import { secretKeyFor } from '../../platform/secret-key';
import { DiskFileStore, sniffMime, type FileStore } from '../../platform/storage';
import { actorCan, isProvinceWide, type Actor } from '../auth/actor';
import { auditRead } from '../audit/reads';
import { canView } from '../dossiers/presenter';
import { findDossier, type DossierRow } from '../dossiers/repo';
import { centerForForms } from '../dossiers/routes/forms';
import { applicantName } from '../dossiers/forms/text';
import type { FormApplicant } from '../dossiers/forms/types';
import { headTitle } from './domain/title';
import { signerKey } from './keys';
import type { SignatureFacts } from './paper';
import { assembleAndSign } from './sign';

const Params = z.object({ code: z.string().min(5).max(60) });
const VerifyParams = z.object({ id: z.string().uuid('Mã xác thực không hợp lệ') });

const Signature = z.object({
  id: z.string(),
  verifyUrl: z.string(),
  sha256: z.string(),
  size: z.number(),
  fileId: z.string().nullable(),
  signerName: z.string(),
  signerTitle: z.string(),
  unitName: z.string(),
  signedAt: z.string(),
});
const SignatureState = z.object({
  signature: Signature.nullable(),
  /** Whether the caller may sign the result now (a head of the holding department, a resolved dossier). */
  canSign: z.boolean(),
});
const PublicSignature = z.object({
  id: z.string(),
  sha256: z.string(),
  size: z.number(),
  signerName: z.string(),
  signerTitle: z.string(),
  unitName: z.string(),
  centerName: z.string(),
  procedureName: z.string(),
  signedAt: z.string(),
});
const VerifyAnswer = z.object({ matches: z.boolean(), sha256: z.string(), expectedSha256: z.string() });

type SignedRow = { id: string; sha256: string; size: number; file_id: string | null; signer_name: string; signer_title: string; unit_name: string;
  center_name: string; procedure_name: string; signed_at: Date };

const verifyBase = (req: FastifyRequest) => req.server.deps.config.publicUrl ?? `${req.protocol}://${req.host}`;
export const verifyUrl = (base: string, id: string) => `${base}/xac-thuc/${id}`;

/** A dossier of another center is not found (nothing tells it exists); one the caller may not see is forbidden. */
function visible(actor: Actor, d: DossierRow): void {
  if (!isProvinceWide(actor) && actor.centerId !== d.center_id) throw notFound(`hồ sơ có mã ${d.code}`);
  if (!canView(actor, d)) throw forbidden('Bạn không được xem hồ sơ này.');
}

/** Why this actor may not sign this dossier's result now, or null. */
function refusal(actor: Actor, d: DossierRow, signed: boolean): AppError | null {
  if (!actorCan(actor, 'dossiers.approve') || actor.departmentId !== d.department_id) {
    return forbidden('Chỉ lãnh đạo phòng giải quyết hồ sơ được ký số kết quả.');
  }
  if (signed) return new AppError(409, 'SIGNING_ALREADY_SIGNED', 'Kết quả của hồ sơ này đã được ký số.');
  if (d.status !== 'resolved') {
    return new AppError(409, 'SIGNING_NOT_RESOLVED', 'Chỉ ký số kết quả của hồ sơ đã có kết quả giải quyết và chưa trả cho người nộp.');
  }
  return null;
}

const signedOf = (db: import('../../platform/db').Queryable, dossierId: string) => one<SignedRow>(db,
  `SELECT id, sha256, size, file_id, signer_name, signer_title, unit_name, center_name, procedure_name, signed_at FROM signed_results WHERE dossier_id = $1`, [dossierId]);

const present = (base: string, s: SignedRow): z.infer<typeof Signature> => ({
  id: s.id, verifyUrl: verifyUrl(base, s.id), sha256: s.sha256, size: Number(s.size), fileId: s.file_id, signerName: s.signer_name,
  signerTitle: s.signer_title, unitName: s.unit_name, signedAt: s.signed_at.toISOString(),
});

export const signingRoutes: FastifyPluginAsyncZod = async (app) => {
  const store: FileStore = new DiskFileStore(path.join(app.deps.config.dataDir, 'files'));
  await app.register(multipart, { limits: { fileSize: app.deps.config.uploadMaxBytes, files: 1, fields: 2 } });

  app.get('/dossiers/:code/signature', {
    config: { access: anyPerm('dossiers.view_center', 'dossiers.view_department') },
    schema: { tags: ['dossiers'], summary: 'Chữ ký số của kết quả hồ sơ (người ký, thời gian) và việc người gọi có thể ký hay không', params: Params, response: { 200: SignatureState } },
  }, async (req) => {
    const d = await findDossier(app.deps.db, req.params.code);
    visible(req.actor!, d);
    const s = await signedOf(app.deps.db, d.id);
    return { signature: s ? present(verifyBase(req), s) : null, canSign: refusal(req.actor!, d, !!s) === null };
  });

  app.post('/dossiers/:code/sign-result', {
    config: { access: perm('dossiers.approve') },
    schema: {
      tags: ['dossiers'],
      summary: 'Lãnh đạo phòng ký số kết quả giải quyết (PDF, PAdES); tệp đã ký thay tệp kết quả chưa ký, kèm mã QR xác thực',
      params: Params, body: z.object({ version: z.number().int().optional() }).optional(), response: { 201: Signature },
    },
  }, async (req, reply) => {
    const { db, clock, config } = app.deps;
    const actor = req.actor!;
    const d = await findDossier(db, req.params.code);
    visible(actor, d);
    const refused = refusal(actor, d, !!(await signedOf(db, d.id)));
    if (refused) throw refused;
    if (req.body?.version !== undefined && req.body.version !== d.version) throw stale();
    const now = clock.now();

    // The source: the result file the department attached (a PDF is signed as it is, an image is printed on the
    // result paper), else the result paper printed from the dossier.
    const resultFileId = (d.result?.fileId as string | null | undefined) ?? null;
    const source = await one<{ id: string; sha256: string; mime: string }>(db, `SELECT f.id, f.sha256, s.mime FROM dossier_files f JOIN stored_files s ON s.sha256 = f.sha256
      WHERE f.dossier_id = $1 AND f.kind = 'result' AND ($2::uuid IS NULL OR f.id = $2) ORDER BY f.uploaded_at DESC LIMIT 1`, [d.id, resultFileId]);
    const c = await one<{ name: string; short_name: string; code: string; address: string; phone: string }>(db, 'SELECT name, short_name, code, address, phone FROM centers WHERE id = $1', [d.center_id]);
    const me = await one<{ email: string }>(db, 'SELECT email FROM users WHERE id = $1', [actor.id]);
    const unit = d.department_name ?? '';
    const key = await signerKey(db, secretKeyFor(config), { id: actor.id, fullName: actor.fullName, email: me?.email || null, unit, title: headTitle(unit) }, now, config.demo);
    const center = centerForForms(c!);
    const id = randomUUID();
    const facts: SignatureFacts = {
      verifyId: id, verifyUrl: verifyUrl(verifyBase(req), id), signerName: actor.fullName, signerTitle: key.title, unitName: unit,
      centerName: center.name, parentAgency: center.parentAgency, place: center.place, signedAt: now,
    };
    const print = app.deps.printer.render;
    let body: Buffer;
    if (source?.mime === 'application/pdf') {
      body = await store.get(source.sha256);
    } else {
      const image = source ? { dataUrl: `data:${source.mime};base64,${(await store.get(source.sha256)).toString('base64')}` } : null;
      body = await print('printedResult', {
        code: d.code, procedureName: d.procedure_name, procedureResult: (await one<{ result: string }>(db, 'SELECT result FROM procedures WHERE code = $1', [d.procedure_code]))?.result ?? '',
        applicantName: applicantName(d.applicant as unknown as FormApplicant), summary: String(d.result?.summary ?? ''), receivedAt: d.received_at, settledAt: d.settled_at, image,
      }, facts);
    }
    let signed: Buffer;
    try {
      signed = await assembleAndSign(body, await print('verificationPage', facts), {
        key: key.key, name: actor.fullName, reason: `Phê duyệt kết quả giải quyết hồ sơ ${d.code}`, location: `${unit}, ${center.name}`, signingTime: now,
      });
    } catch (e) {
      if (e instanceof AppError) throw e;
      // A result PDF pdf-lib cannot read (encrypted, broken): the department uploads a readable one.
      throw new AppError(422, 'SIGNING_PDF_UNREADABLE', 'Không đọc được tệp kết quả PDF để ký (tệp mã hóa hoặc hỏng). Hãy đính kèm lại tệp kết quả.');
    }
    const saved = await store.put(signed);
    const name = `ket-qua-${d.code.replace(/[^0-9A-Za-z.-]+/g, '-')}-da-ky-so.pdf`;
    const row = await withTx(db, async (tx) => {
      await tx.query(`INSERT INTO stored_files (sha256, size, mime) VALUES ($1,$2,'application/pdf') ON CONFLICT (sha256) DO NOTHING`, [saved.sha256, saved.size]);
      const f = await one<{ id: string }>(tx, `INSERT INTO dossier_files (dossier_id, applicant_id, sha256, kind, name, uploaded_by, uploaded_at)
        VALUES ($1,$2,$3,'result',$4,$5,$6) RETURNING id`, [d.id, d.applicant_id, saved.sha256, name, actor.id, now]);
      // The signed file becomes the result; the unsigned one stays listed with the dossier's files.
      const u = await one(tx, `UPDATE dossiers SET result = coalesce(result, '{}'::jsonb) || jsonb_build_object('fileId', $4::text, 'unsignedFileId', $5::text, 'signed', true),
          version = version + 1, updated_at = now() WHERE id = $1 AND status = $2 AND version = $3 RETURNING id`, [d.id, d.status, d.version, f!.id, source?.id ?? null]);
      if (!u) throw stale();
      const s = await one<SignedRow>(tx, `INSERT INTO signed_results (id, dossier_id, center_id, file_id, source_file_id, sha256, size, signer_id, signer_name, signer_title,
          unit_name, center_name, procedure_name, signed_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)
        ON CONFLICT (dossier_id) DO NOTHING
        RETURNING id, sha256, size, file_id, signer_name, signer_title, unit_name, center_name, procedure_name, signed_at`,
      [id, d.id, d.center_id, f!.id, source?.id ?? null, saved.sha256, saved.size, actor.id, actor.fullName, key.title, unit, center.name, d.procedure_name, now]);
      if (!s) throw new AppError(409, 'SIGNING_ALREADY_SIGNED', 'Kết quả của hồ sơ này đã được ký số.');
      await audit(tx, { actorId: actor.id, centerId: d.center_id, action: 'dossier.result.sign', entity: 'dossier', entityId: d.code,
        data: { signatureId: id, fileId: f!.id, sha256: saved.sha256, sourceFileId: source?.id ?? null } }, now);
      return s;
    });
    return reply.code(201).send(present(verifyBase(req), row));
  });

  app.get('/dossiers/:code/result.pdf', {
    config: { access: anyPerm('dossiers.view_center', 'dossiers.view_department') },
    schema: { tags: ['dossiers'], summary: 'Tải kết quả giải quyết đã ký số (PDF)', params: Params },
  }, async (req, reply) => {
    const d = await findDossier(app.deps.db, req.params.code);
    visible(req.actor!, d);
    const s = await signedOf(app.deps.db, d.id);
    if (!s) throw new AppError(404, 'SIGNING_NOT_SIGNED', 'Kết quả của hồ sơ chưa được ký số.');
    if (!s.file_id) throw new AppError(410, 'SIGNING_FILE_PURGED', 'Tệp kết quả đã hết thời hạn lưu trữ; mã băm vẫn được giữ để xác thực.');
    const buf = await store.get(s.sha256);
    await auditRead(req, { action: 'dossier.file.download', entity: 'dossier', entityId: d.code, centerId: d.center_id, data: { fileId: s.file_id, signatureId: s.id } });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="ket-qua-da-ky-so.pdf"`).header('cache-control', 'private, no-store').send(buf);
  });

  // The page the result's QR code opens: the document's hash, who signed it and when; nothing about the applicant.
  app.get('/public/verify/:id', {
    config: { access: PUBLIC, rateLimit: limitOf(app.deps.config, 'lookup') },
    schema: { tags: ['dossiers'], summary: 'Xác thực văn bản đã ký số: mã băm SHA-256, người ký, đơn vị, thời gian ký (không có thông tin người nộp)', params: VerifyParams, response: { 200: PublicSignature } },
  }, async (req) => {
    const s = await one<SignedRow>(app.deps.db, `SELECT id, sha256, size, file_id, signer_name, signer_title, unit_name, center_name, procedure_name, signed_at
      FROM signed_results WHERE id = $1`, [req.params.id]);
    if (!s) throw notFound('văn bản đã ký số có mã xác thực này');
    return { id: s.id, sha256: s.sha256, size: Number(s.size), signerName: s.signer_name, signerTitle: s.signer_title, unitName: s.unit_name,
      centerName: s.center_name, procedureName: s.procedure_name, signedAt: s.signed_at.toISOString() };
  });

  app.post('/public/verify/:id', {
    config: { access: PUBLIC, rateLimit: limitOf(app.deps.config, 'publicPost') },
    schema: { tags: ['dossiers'], summary: 'Kiểm tra tệp người dân tải lên có đúng là văn bản đã ký số (so theo nội dung, SHA-256); multipart: file', params: VerifyParams, response: { 200: VerifyAnswer } },
  }, async (req) => {
    const s = await one<{ sha256: string }>(app.deps.db, 'SELECT sha256 FROM signed_results WHERE id = $1', [req.params.id]);
    if (!s) throw notFound('văn bản đã ký số có mã xác thực này');
    if (!req.isMultipart()) throw badRequest('FILE_MISSING', 'Chưa chọn tệp để kiểm tra.');
    let buf: Buffer | null = null;
    try {
      for await (const part of req.parts()) if (part.type === 'file') buf = await part.toBuffer();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'FST_FILES_LIMIT') throw badRequest('FILE_TOO_MANY', 'Mỗi lần chỉ kiểm tra một tệp.');
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'FILE_TOO_LARGE', 'Tệp vượt quá dung lượng cho phép.');
      throw e;
    }
    if (!buf || buf.length === 0) throw badRequest('FILE_MISSING', 'Chưa chọn tệp để kiểm tra.');
    if (sniffMime(buf) !== 'application/pdf') throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', 'Chỉ kiểm tra tệp PDF (theo nội dung tệp).');
    const sha256 = createHash('sha256').update(buf).digest('hex');
    return { matches: sha256 === s.sha256, sha256, expectedSha256: s.sha256 };
  });
};

const stale = () => new AppError(409, 'DOSSIER_STALE', 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại và thử lại.');
