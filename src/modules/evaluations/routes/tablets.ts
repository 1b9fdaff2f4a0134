// Evaluation tablets (issue 14 item 4): the admin pairs a tablet with a return counter (key shown once), the tablet
// polls for the dossier pushed to it and records the citizen's answers once.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { perm, PUBLIC } from '../../../http/access';
import { limitOf } from '../../../http/rate-limits';
import { one, withTx } from '../../../platform/db';
import { audit } from '../../../platform/audit';
import { AppError, conflict, notFound } from '../../../platform/errors';
import { scopedCenter } from '../../auth/actor';
import { findCenter } from '../../centers/repo';
import { QUESTIONS } from '../domain/questions';
import { checkedAnswers, recordEvaluation } from '../record';
import { Answers, QuestionOut } from '../schema';
import { isPairedTablet, listTablets, pairTablet, revokeTablet, tabletOf, TABLET_KEY_HEADER, type TabletRow } from '../tablets';

const CenterParam = z.string().trim().min(1).max(60);
const TabletOut = z.object({
  id: z.string(), name: z.string(), counterId: z.string(), counterName: z.string(), counterNumber: z.number(),
  createdAt: z.string(), lastSeenAt: z.string().nullable(), revokedAt: z.string().nullable(),
});
const present = (t: TabletRow) => ({
  id: t.id, name: t.name, counterId: t.counter_id, counterName: t.counter_name, counterNumber: t.counter_number,
  createdAt: t.created_at.toISOString(), lastSeenAt: t.last_seen_at?.toISOString() ?? null, revokedAt: t.revoked_at?.toISOString() ?? null,
});
const KeyHeader = z.object({ [TABLET_KEY_HEADER]: z.string().max(200).optional() });
const unpaired = () => new AppError(403, 'TABLET_NOT_PAIRED', 'Máy tính bảng chưa được ghép nối hoặc mã khóa đã bị thu hồi. Hãy nhập mã khóa do quản trị viên cấp.');

export const evaluationTabletRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;
  const centerOf = async (actor: NonNullable<import('fastify').FastifyRequest['actor']>, code: string | undefined) => {
    const requested = code ? await findCenter(db, code) : null;
    const id = scopedCenter(actor, requested?.id ?? null);
    if (!id) throw notFound('Trung tâm (hãy chọn Trung tâm)');
    return id;
  };

  app.get('/evaluation-tablets', {
    config: { access: perm('centers.manage') },
    schema: { tags: ['evaluations'], summary: 'Các máy tính bảng đánh giá đã ghép nối với quầy trả kết quả', querystring: z.object({ center: CenterParam.optional() }), response: { 200: z.object({ items: z.array(TabletOut) }) } },
  }, async (req) => ({ items: (await listTablets(db, await centerOf(req.actor!, req.query.center))).map(present) }));

  app.post('/evaluation-tablets', {
    config: { access: perm('centers.manage') },
    schema: {
      tags: ['evaluations'],
      summary: 'Ghép nối máy tính bảng đánh giá với một quầy: trả về mã khóa một lần duy nhất (không lưu bản rõ)',
      body: z.object({ center: CenterParam.optional(), counter: z.string().uuid(), name: z.string().trim().min(1).max(100) }),
      response: { 201: z.object({ tablet: TabletOut, key: z.string() }) },
    },
  }, async (req, reply) => {
    const centerId = await centerOf(req.actor!, req.body.center);
    const now = clock.now();
    const paired = await withTx(db, async (tx) => {
      const p = await pairTablet(tx, centerId, req.body.counter, req.body.name, req.actor!.id, now);
      if (!p) throw notFound('quầy này trong Trung tâm');
      await audit(tx, { actorId: req.actor!.id, centerId, action: 'evaluation.tablet.pair', entity: 'evaluation_tablet', entityId: p.tablet.id, data: { name: req.body.name, counter: p.tablet.counter_name } }, now);
      return p;
    });
    return reply.code(201).send({ tablet: present(paired.tablet), key: paired.key });
  });

  app.post('/evaluation-tablets/:id/revoke', {
    config: { access: perm('centers.manage') },
    schema: { tags: ['evaluations'], summary: 'Thu hồi mã khóa của một máy tính bảng đánh giá', params: z.object({ id: z.string().uuid() }), body: z.object({ center: CenterParam.optional() }).optional(), response: { 200: TabletOut } },
  }, async (req) => {
    const centerId = await centerOf(req.actor!, req.body?.center);
    const now = clock.now();
    return withTx(db, async (tx) => {
      const t = await revokeTablet(tx, centerId, req.params.id, now);
      if (!t) throw notFound('máy tính bảng đánh giá');
      await audit(tx, { actorId: req.actor!.id, centerId, action: 'evaluation.tablet.revoke', entity: 'evaluation_tablet', entityId: t.id, data: { name: t.name } }, now);
      return present(t);
    });
  });

  const paired = { allowList: async (req: import('fastify').FastifyRequest) => isPairedTablet(db, req) };
  app.get('/public/evaluation-tablet', {
    config: { access: PUBLIC, rateLimit: limitOf(config, 'lookup', paired) },
    schema: {
      tags: ['evaluations'],
      summary: 'Máy tính bảng đánh giá tại quầy: hồ sơ đang chờ đánh giá (theo mã khóa của máy, gửi trong x-tablet-key)',
      headers: KeyHeader,
      response: {
        200: z.object({
          tablet: z.object({ name: z.string(), counterName: z.string(), counterNumber: z.number(), centerName: z.string() }),
          pending: z.object({ token: z.string(), dossierCode: z.string(), procedureName: z.string(), questions: z.array(QuestionOut) }).nullable(),
        }),
      },
    },
  }, async (req) => {
    const t = await tabletOf(db, req, clock.now());
    if (!t) throw unpaired();
    const pending = t.evaluation_id ? await one<{ token: string; code: string; procedure_name: string; submitted_at: Date | null }>(db,
      `SELECT e.token, d.code, p.name AS procedure_name, e.submitted_at FROM evaluations e JOIN dossiers d ON d.id = e.dossier_id
       JOIN procedures p ON p.code = d.procedure_code WHERE e.id = $1`, [t.evaluation_id]) : undefined;
    const center = await one<{ name: string }>(db, 'SELECT name FROM centers WHERE id = $1', [t.center_id]);
    return {
      tablet: { name: t.name, counterName: t.counter_name, counterNumber: t.counter_number, centerName: center!.name },
      pending: pending && !pending.submitted_at
        ? { token: pending.token, dossierCode: pending.code, procedureName: pending.procedure_name, questions: [...QUESTIONS] }
        : null,
    };
  });

  app.post('/public/evaluation-tablet/answers', {
    config: { access: PUBLIC, rateLimit: limitOf(config, 'publicPost', paired) },
    schema: {
      tags: ['evaluations'],
      summary: 'Ghi nhận đánh giá từ máy tính bảng tại quầy (một lần cho mỗi hồ sơ)',
      headers: KeyHeader,
      body: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Mã đánh giá không hợp lệ'), answers: Answers }),
      response: { 201: z.object({ recorded: z.literal(true) }) },
    },
  }, async (req, reply) => {
    const now = clock.now();
    const t = await tabletOf(db, req, now);
    if (!t) throw unpaired();
    const answers = checkedAnswers(req.body.answers);
    await withTx(db, async (tx) => {
      const ev = await one<{ id: string; submitted_at: Date | null }>(tx, 'SELECT id, submitted_at FROM evaluations WHERE token = $1 AND center_id = $2 FOR UPDATE', [req.body.token, t.center_id]);
      if (!ev) throw notFound('phiếu đánh giá');
      // Only the dossier the clerk pushed to this tablet (an answered one says so, whichever tablet).
      if (!ev.submitted_at && ev.id !== t.evaluation_id) throw conflict('EVALUATION_NOT_ON_TABLET', 'Hồ sơ này không còn chờ đánh giá trên máy tính bảng này.');
      await recordEvaluation(tx, ev.id, answers, { channel: 'kiosk', tabletId: t.id }, now);
      // Back to the welcome screen: the tablet no longer shows this dossier.
      await tx.query('UPDATE evaluation_tablets SET evaluation_id = NULL WHERE id = $1 AND evaluation_id = $2', [t.id, ev.id]);
    });
    return reply.code(201).send({ recorded: true as const });
  });
};
