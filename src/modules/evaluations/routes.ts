// Satisfaction evaluations (issue 14 item 4): a single-use link per dossier (also the printed form's QR) and the
// public page that records the answers once.
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyPerm, PUBLIC } from '../../http/access';
import { limitOf } from '../../http/rate-limits';
import { one, type Queryable } from '../../platform/db';
import { AppError, conflict, notFound } from '../../platform/errors';
import { audit } from '../../platform/audit';
import { assertCanView } from '../dossiers/presenter';
import { findDossier } from '../dossiers/repo';
import { EvaluationRuleError, QUESTIONS, validateAnswers } from './domain/questions';
import { evaluationStaffRoutes } from './routes/staff';
import { evaluationTabletRoutes } from './routes/tablets';

const Token = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Mã đánh giá không hợp lệ') });

/** The dossier's evaluation token, created on first use: one evaluation per dossier. */
export async function evaluationToken(db: Queryable, dossier: { id: string; center_id: string }, now: Date): Promise<string> {
  const fresh = randomBytes(18).toString('base64url');
  const row = await one<{ token: string }>(
    db,
    `INSERT INTO evaluations (dossier_id, center_id, token, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (dossier_id) DO UPDATE SET dossier_id = EXCLUDED.dossier_id RETURNING token`,
    [dossier.id, dossier.center_id, fresh, now],
  );
  return row!.token;
}

export const evaluationLink = (base: string, token: string) => `${base}/danh-gia/${token}`;

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;
  await app.register(evaluationStaffRoutes);
  await app.register(evaluationTabletRoutes);
  const base = (req: { protocol: string; host: string }) => config.publicUrl ?? `${req.protocol}://${req.host}`;

  app.get('/dossiers/:code/evaluation-link', {
    config: { access: anyPerm('dossiers.view_center', 'dossiers.view_department') },
    schema: {
      tags: ['evaluations'],
      summary: 'Đường dẫn đánh giá mức độ hài lòng dùng một lần của hồ sơ (in thành mã QR trên phiếu đánh giá)',
      params: z.object({ code: z.string().min(5).max(60) }),
      response: { 200: z.object({ url: z.string(), token: z.string() }) },
    },
  }, async (req) => {
    const d = await findDossier(db, req.params.code);
    assertCanView(req.actor!, d);
    const token = await evaluationToken(db, d, clock.now());
    return { url: evaluationLink(base(req), token), token };
  });

  app.get('/public/evaluations/:token', {
    config: { access: PUBLIC, rateLimit: limitOf(config, 'lookup') },
    schema: {
      tags: ['evaluations'],
      summary: 'Câu hỏi đánh giá mức độ hài lòng của một hồ sơ (công khai, theo mã dùng một lần)',
      params: Token,
      response: {
        200: z.object({
          dossierCode: z.string(),
          submitted: z.boolean(),
          questions: z.array(z.object({ id: z.string(), text: z.string(), options: z.array(z.object({ value: z.number(), label: z.string() })) })),
        }),
      },
    },
  }, async (req) => {
    const row = await one<{ code: string; submitted_at: Date | null }>(
      db, 'SELECT d.code, e.submitted_at FROM evaluations e JOIN dossiers d ON d.id = e.dossier_id WHERE e.token = $1', [req.params.token]);
    if (!row) throw notFound('phiếu đánh giá');
    return { dossierCode: row.code, submitted: row.submitted_at !== null, questions: [...QUESTIONS] };
  });

  app.post('/public/evaluations/:token', {
    config: { access: PUBLIC, rateLimit: limitOf(config, 'publicPost') },
    schema: {
      tags: ['evaluations'],
      summary: 'Ghi nhận đánh giá mức độ hài lòng (một lần cho mỗi hồ sơ)',
      params: Token,
      body: z.object({ answers: z.array(z.object({ question: z.string().max(40), value: z.number().int() })).max(20) }),
      response: { 201: z.object({ recorded: z.literal(true) }) },
    },
  }, async (req, reply) => {
    let answers;
    try {
      answers = validateAnswers(req.body.answers);
    } catch (e) {
      if (e instanceof EvaluationRuleError) throw new AppError(400, 'EVALUATION_INVALID', e.message);
      throw e;
    }
    const now = clock.now();
    const row = await one<{ id: string; center_id: string }>(
      db,
      `UPDATE evaluations SET answers = $2, submitted_at = $3, channel = 'link' WHERE token = $1 AND submitted_at IS NULL RETURNING id, center_id`,
      [req.params.token, JSON.stringify(answers), now],
    );
    if (!row) {
      const exists = await one(db, 'SELECT 1 FROM evaluations WHERE token = $1', [req.params.token]);
      if (!exists) throw notFound('phiếu đánh giá');
      throw conflict('EVALUATION_ALREADY_RECORDED', 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.');
    }
    await audit(db, { actorId: null, centerId: row.center_id, action: 'evaluation.submit', entity: 'evaluation', entityId: row.id, data: { channel: 'link' } }, now);
    return reply.code(201).send({ recorded: true as const });
  });
};
