import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../../../http/access';
import { limitOf } from '../../../http/rate-limits';
import { one, prepared, type Db } from '../../../platform/db';
import { AppError, badRequest } from '../../../platform/errors';
import { STATUSES, statusName, type Status } from '../domain/lifecycle';
import { parseDossierCode, proves } from '../domain/public-lookup';

// One answer for an unknown code and for a wrong verifier, word for word: the look-up must not tell which codes exist.
const NOT_FOUND = () => new AppError(404, 'NOT_FOUND', 'Không tìm thấy hồ sơ khớp với mã hồ sơ và thông tin xác minh đã nhập.');

// The code as typed, or the same code with the center prefix's dots and case restored from the centers table
// (a dossier keeps the prefix its center had at registration, which the typed form also matches exactly).
const LOOKUP_SQL = prepared(`SELECT d.id, d.center_id, d.code, d.status, d.received_at, d.due_at, d.public_token, d.applicant->>'phone' AS phone,
    d.applicant->>'idNumber' AS id_number, p.name AS procedure_name, c.name AS center_name
  FROM dossiers d JOIN procedures p ON p.code = d.procedure_code JOIN centers c ON c.id = d.center_id
  WHERE d.code = ANY(ARRAY[$1::text] || ARRAY(SELECT cc.code || $3::text FROM centers cc WHERE upper(replace(cc.code, '.', '')) = $2::text))
  LIMIT 1`);

const PublicDossier = z.object({
  code: z.string(), status: z.enum(STATUSES), statusName: z.string(), procedure: z.string(), center: z.string(), receivedAt: z.string().nullable(), dueAt: z.string().nullable(),
});

type Row = { id: string; center_id: string; code: string; status: Status; received_at: Date | null; due_at: Date | null; public_token: string; phone: string | null;
  id_number: string | null; procedure_name: string; center_name: string };

/** The dossier a code and verifier prove, or the one 404 (also used by the public payment routes). */
export async function findPublicDossier(db: Db, code: string, proof: { t?: string | undefined; verifier?: string | undefined }): Promise<Row> {
  const parsed = parseDossierCode(code);
  if (!parsed) throw NOT_FOUND();
  const d = await one<Row>(db, LOOKUP_SQL, [code.trim(), parsed.prefix, parsed.rest]);
  if (!d || !proves({ token: d.public_token, phone: d.phone, idNumber: d.id_number }, proof)) throw NOT_FOUND();
  return d;
}

export const publicDossierRoutes: FastifyPluginAsyncZod = async (app) => {
  // The page a slip's QR code opens: status and appointment, no personal data (not even a name).
  app.get('/public/dossiers/:code', {
    // Guessing codes and 4-digit verifiers takes many tries: a client gets a few dozen a minute.
    config: { access: PUBLIC, rateLimit: limitOf(app.deps.config, 'lookup') },
    schema: {
      tags: ['dossiers'],
      summary: 'Tra cứu tình trạng hồ sơ (công khai): cần mã trong mã QR của phiếu (t) hoặc 4 số cuối điện thoại hay CCCD của người nộp (verifier)',
      description: 'Mã hồ sơ không phân biệt chữ hoa, chữ thường, có hoặc không có dấu chấm ở phần mã đơn vị. Mã không có và thông tin xác minh sai nhận cùng một câu trả lời 404.',
      params: z.object({ code: z.string().min(5).max(60) }),
      querystring: z.object({
        verifier: z.string().trim().regex(/^\d{4}$/, '4 số cuối điện thoại hoặc CCCD gồm đúng 4 chữ số').optional(),
        t: z.string().max(64).optional(),
      }),
      response: { 200: PublicDossier },
    },
  }, async (req, reply) => {
    const { verifier, t } = req.query;
    if (verifier === undefined && t === undefined) {
      throw badRequest('VERIFIER_REQUIRED', 'Nhập 4 số cuối số điện thoại hoặc số CCCD của người nộp hồ sơ để xem tình trạng hồ sơ.');
    }
    const d = await findPublicDossier(app.deps.db, req.params.code, { t, verifier });
    reply.header('cache-control', 'no-store');
    return {
      code: d.code, status: d.status, statusName: statusName(d.status), procedure: d.procedure_name, center: d.center_name,
      receivedAt: d.received_at?.toISOString() ?? null, dueAt: d.due_at?.toISOString() ?? null,
    };
  });
};
