// Staff side of evaluations (issue 14 item 4): the evaluation of a dossier with its derived indicators (also the
// lookup of a paper form by its barcode, the dossier code), typing a paper form in, and "Mời đánh giá": pushing the
// dossier just returned to the tablet at the clerk's counter.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyPerm, perm } from '../../../http/access';
import { one, withTx } from '../../../platform/db';
import { audit } from '../../../platform/audit';
import { conflict, notFound } from '../../../platform/errors';
import { assertCanView } from '../../dossiers/presenter';
import { findDossier, type DossierRow } from '../../dossiers/repo';
import { derivedFor } from '../derived-repo';
import { QUESTIONS } from '../domain/questions';
import { evaluationToken } from '../routes';
import { alreadyRecorded, checkedAnswers, recordEvaluation } from '../record';
import { Answers, DerivedOut, QuestionOut } from '../schema';

const Code = z.object({ code: z.string().trim().min(5).max(60) });

const EvaluationOut = z.object({
  dossierCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  status: z.string(),
  settledAt: z.string().nullable(),
  evaluation: z.object({
    submitted: z.boolean(),
    channel: z.enum(['link', 'kiosk', 'paper']).nullable(),
    submittedAt: z.string().nullable(),
    answers: z.record(z.string(), z.number()).nullable(),
    enteredBy: z.string().nullable(),
  }),
  questions: z.array(QuestionOut),
  derived: DerivedOut,
});

/** Only a dossier with its result (resolved, rejected or returned) is rated. */
function assertHasResult(d: DossierRow) {
  if (!d.settled_at) throw conflict('EVALUATION_NOT_READY', 'Hồ sơ chưa có kết quả giải quyết nên chưa thể đánh giá.');
}

export const evaluationStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, calendars } = app.deps;

  const present = async (d: DossierRow) => {
    const now = clock.now();
    const e = await one<{ channel: 'link' | 'kiosk' | 'paper' | null; submitted_at: Date | null; answers: Record<string, number> | null; entered_by: string | null }>(db,
      `SELECT e.channel, e.submitted_at, e.answers, u.full_name AS entered_by FROM evaluations e LEFT JOIN users u ON u.id = e.entered_by WHERE e.dossier_id = $1`, [d.id]);
    const derived = (await derivedFor(db, calendars, [d.id], now)).get(d.id)!;
    return {
      dossierCode: d.code, procedureName: d.procedure_name, applicantName: d.applicant.fullName, status: d.status,
      settledAt: d.settled_at?.toISOString() ?? null,
      evaluation: { submitted: !!e?.submitted_at, channel: e?.channel ?? null, submittedAt: e?.submitted_at?.toISOString() ?? null, answers: e?.answers ?? null, enteredBy: e?.entered_by ?? null },
      questions: [...QUESTIONS], derived,
    };
  };

  app.get('/evaluations/dossiers/:code', {
    config: { access: anyPerm('dossiers.view_center', 'dossiers.view_department') },
    schema: {
      tags: ['evaluations'],
      summary: 'Đánh giá của một hồ sơ (tìm theo mã vạch trên phiếu giấy) và các chỉ số tính từ hồ sơ',
      params: Code,
      response: { 200: EvaluationOut },
    },
  }, async (req) => {
    const d = await findDossier(db, req.params.code);
    assertCanView(req.actor!, d);
    return present(d);
  });

  app.post('/evaluations/dossiers/:code/paper', {
    config: { access: perm('dossiers.return') },
    schema: {
      tags: ['evaluations'],
      summary: 'Nhập phiếu đánh giá giấy của hồ sơ (một lần; ghi lại người nhập)',
      params: Code,
      body: z.object({ answers: Answers }),
      response: { 201: EvaluationOut },
    },
  }, async (req, reply) => {
    const d = await findDossier(db, req.params.code);
    assertCanView(req.actor!, d);
    assertHasResult(d);
    const answers = checkedAnswers(req.body.answers);
    const now = clock.now();
    await withTx(db, async (tx) => {
      await evaluationToken(tx, d, now);
      const ev = await one<{ id: string }>(tx, 'SELECT id FROM evaluations WHERE dossier_id = $1 FOR UPDATE', [d.id]);
      await recordEvaluation(tx, ev!.id, answers, { channel: 'paper', enteredBy: req.actor!.id }, now);
    });
    return reply.code(201).send(await present(d));
  });

  app.post('/evaluations/dossiers/:code/tablet', {
    config: { access: perm('dossiers.return') },
    schema: {
      tags: ['evaluations'],
      summary: 'Mời đánh giá: đưa hồ sơ vừa trả lên máy tính bảng đánh giá tại quầy',
      description: '`counter`: id quầy; mặc định là quầy được phân công cho cán bộ. 404 khi quầy chưa có máy tính bảng; 409 khi hồ sơ đã được đánh giá hoặc chưa có kết quả.',
      params: Code,
      body: z.object({ counter: z.string().uuid().optional() }).optional(),
      response: { 200: z.object({ tablet: z.string(), counter: z.string() }) },
    },
  }, async (req) => {
    const d = await findDossier(db, req.params.code);
    assertCanView(req.actor!, d);
    assertHasResult(d);
    const now = clock.now();
    return withTx(db, async (tx) => {
      const counterId = req.body?.counter
        ?? (await one<{ counter_id: string | null }>(tx, 'SELECT counter_id FROM users WHERE id = $1', [req.actor!.id]))?.counter_id;
      if (!counterId) throw notFound('quầy của bạn (bạn chưa được phân công quầy; hãy chọn quầy)');
      await evaluationToken(tx, d, now);
      const ev = (await one<{ id: string; submitted_at: Date | null }>(tx, 'SELECT id, submitted_at FROM evaluations WHERE dossier_id = $1 FOR UPDATE', [d.id]))!;
      if (ev.submitted_at) throw alreadyRecorded();
      const tablet = await one<{ id: string; name: string; counter_name: string }>(tx,
        `UPDATE evaluation_tablets t SET evaluation_id = $3, pushed_at = $4, pushed_by = $5 FROM counters c
         WHERE c.id = t.counter_id AND t.counter_id = $1 AND t.center_id = $2 AND t.revoked_at IS NULL
         RETURNING t.id, t.name, c.name AS counter_name`, [counterId, d.center_id, ev.id, now, req.actor!.id]);
      if (!tablet) throw notFound('máy tính bảng đánh giá đã ghép nối với quầy này');
      await audit(tx, { actorId: req.actor!.id, centerId: d.center_id, action: 'evaluation.tablet.push', entity: 'evaluation', entityId: ev.id, data: { tabletId: tablet.id, dossier: d.code } }, now);
      return { tablet: tablet.name, counter: tablet.counter_name };
    });
  });
};
