// The ranking of officers and departments, and the director's periodic assessments of seconded officers (Quy chế 16.3)
// with the ranking figures of the period attached as they stood when recorded.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyPerm, perm } from '../../http/access';
import { named } from '../../http/openapi';
import { many, one, withTx } from '../../platform/db';
import { audit } from '../../platform/audit';
import { badRequest, conflict, forbidden } from '../../platform/errors';
import { periodProblem } from './domain';
import { ranking } from './ranking';
import { reportScope } from './scope';

const VIEW = anyPerm('reports.view', 'reports.department');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const periodRefine = (q: { from: string; to: string }, ctx: z.RefinementCtx) => {
  const p = periodProblem(q);
  if (p) ctx.addIssue({ code: 'custom', message: p, path: ['to'] });
};

const RankingQuery = z.object({
  from: Day,
  to: Day,
  by: z.enum(['staff', 'department'], { error: 'by phải là staff hoặc department' }).default('staff'),
  center: z.string().max(60).optional(),
}).superRefine(periodRefine);

const RankingRowOut = named('RankingRow', z.object({
  rank: z.number().nullable().describe('Thứ hạng theo điểm chuẩn hóa; null khi chưa giải quyết hồ sơ nào trong kỳ'),
  key: z.string(), name: z.string(), unit: z.string().nullable(), roles: z.array(z.string()),
  handled: z.number().describe('Hồ sơ đã giải quyết trong kỳ (sớm, đúng, trễ hạn) mà cán bộ đã tiếp nhận, chuyển, xử lý hoặc quyết định'),
  onTime: z.number(), onTimeShare: z.number().nullable(), expectedShare: z.number().nullable(), score: z.number().nullable(),
  supplementRequests: z.number(), lateDossiers: z.number(), delayMinutes: z.number().describe('Phút làm việc vượt định mức ở các bước do cán bộ/phòng giữ'),
  evaluations: z.number(), evaluationAverage: z.number().nullable().describe('Điểm bình quân 0–2 của các câu được trả lời'),
  feedbackAnswered: z.number().nullable().describe('Theo phòng: phản ánh, kiến nghị được giao cho phòng và đã trả lời trong kỳ; theo cán bộ: null'),
  feedbackUpheld: z.number().describe('Phản ánh, kiến nghị được trả lời trong kỳ với kết luận đúng, có cơ sở: về cán bộ (theo cán bộ); giao cho phòng hoặc về cán bộ của phòng (theo phòng). Mỗi phản ánh trừ penaltyPerUpheld điểm'),
  codes: z.array(z.string()),
}));

export const RankingOut = named('Ranking', z.object({
  from: z.string(), to: z.string(), asOf: z.string(), by: z.enum(['staff', 'department']),
  center: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  workingDayMinutes: z.number(),
  formula: z.object({ vi: z.string(), en: z.string() }),
  notAvailable: z.array(z.object({ key: z.string(), note: z.string() })),
  penaltyPerUpheld: z.number().describe('Số điểm trừ cho mỗi phản ánh đúng (có cơ sở)'),
  rows: z.array(RankingRowOut),
}));

export const RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export const RATING_NAMES: Record<(typeof RATINGS)[number], string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};
/** Who is seconded to the center: its officers, not its leaders. */
const SECONDED_ROLES = ['reception', 'specialist', 'department_head', 'fee_collector', 'supervisor'];

const AssessmentIn = z.object({
  officer: z.string().uuid('Mã cán bộ không hợp lệ'),
  from: Day,
  to: Day,
  rating: z.enum(RATINGS, { error: 'Xếp loại phải là một trong: excellent, good, completed, not_completed' }),
  remarks: z.string().trim().max(2000, 'Nhận xét tối đa 2000 ký tự').default(''),
}).superRefine(periodRefine);

const AssessmentOut = named('StaffAssessment', z.object({
  id: z.string(),
  officer: z.object({ id: z.string(), name: z.string(), unit: z.string().nullable() }),
  from: z.string(), to: z.string(),
  rating: z.enum(RATINGS), ratingName: z.string(), remarks: z.string(),
  figures: RankingRowOut.describe('Số liệu xếp hạng của cán bộ trong kỳ, tại thời điểm đánh giá'),
  assessedBy: z.string(), assessedAt: z.string(),
}));

type AssessmentRow = {
  id: string; officer_id: string; officer_name: string; unit: string | null; period_from: string; period_to: string;
  rating: (typeof RATINGS)[number]; remarks: string; figures: z.infer<typeof RankingRowOut>; assessed_by: string; assessed_at: Date;
};
const present = (r: AssessmentRow): z.infer<typeof AssessmentOut> => ({
  id: r.id, officer: { id: r.officer_id, name: r.officer_name, unit: r.unit }, from: r.period_from, to: r.period_to,
  rating: r.rating, ratingName: RATING_NAMES[r.rating], remarks: r.remarks, figures: { ...r.figures, feedbackAnswered: r.figures.feedbackAnswered ?? null, feedbackUpheld: r.figures.feedbackUpheld ?? 0 },
  assessedBy: r.assessed_by, assessedAt: r.assessed_at.toISOString(),
});
const SELECT = `SELECT a.id, a.officer_id, u.full_name AS officer_name, dep.name AS unit, to_char(a.period_from, 'YYYY-MM-DD') AS period_from,
    to_char(a.period_to, 'YYYY-MM-DD') AS period_to, a.rating, a.remarks, a.figures, b.full_name AS assessed_by, a.assessed_at
  FROM staff_assessments a JOIN users u ON u.id = a.officer_id LEFT JOIN departments dep ON dep.id = u.department_id JOIN users b ON b.id = a.assessed_by`;

export const rankingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, calendars } = app.deps;

  app.get('/reports/ranking', {
    config: { access: VIEW },
    schema: {
      tags: ['reports'],
      summary: 'Xếp hạng cán bộ (by=staff) hoặc phòng chuyên môn (by=department) trong kỳ: hồ sơ đã giải quyết, tỷ lệ đúng hạn, yêu cầu bổ sung, thời gian gây chậm, điểm đánh giá; điểm chuẩn hóa theo cơ cấu thủ tục (kèm công thức)',
      querystring: RankingQuery, response: { 200: RankingOut },
    },
  }, async (req) => ranking(db, calendars, await reportScope(db, req.actor!, req.query.center), req.query, req.query.by, clock.now()));

  app.get('/reports/assessments', {
    config: { access: perm('staff.assess') },
    schema: {
      tags: ['reports'], summary: 'Các lần Giám đốc đánh giá định kỳ cán bộ được cử đến Trung tâm (Quy chế 16.3), mới nhất trước',
      querystring: z.object({ officer: z.string().uuid('Mã cán bộ không hợp lệ').optional() }),
      response: { 200: z.object({ items: z.array(AssessmentOut), ratings: z.array(z.object({ value: z.enum(RATINGS), label: z.string() })) }) },
    },
  }, async (req) => {
    if (!req.actor!.centerId) throw forbidden('Tài khoản chưa được gán cho Trung tâm nào.');
    const rows = await many<AssessmentRow>(db, `${SELECT} WHERE a.center_id = $1 AND ($2::uuid IS NULL OR a.officer_id = $2)
      ORDER BY a.period_to DESC, a.assessed_at DESC LIMIT 500`, [req.actor!.centerId, req.query.officer ?? null]);
    return { items: rows.map(present), ratings: RATINGS.map((value) => ({ value, label: RATING_NAMES[value] })) };
  });

  app.post('/reports/assessments', {
    config: { access: perm('staff.assess') },
    schema: {
      tags: ['reports'], summary: 'Giám đốc ghi nhận đánh giá định kỳ một cán bộ được cử đến Trung tâm, kèm số liệu xếp hạng của kỳ',
      body: AssessmentIn, response: { 201: AssessmentOut },
    },
  }, async (req, reply) => {
    const actor = req.actor!;
    if (!actor.centerId) throw forbidden('Tài khoản chưa được gán cho Trung tâm nào.');
    const b = req.body;
    const now = clock.now();
    const officer = await one<{ id: string; center_id: string | null; roles: string[]; active: boolean }>(db,
      'SELECT id, center_id, roles, active FROM users WHERE id = $1', [b.officer]);
    if (!officer || officer.center_id !== actor.centerId) throw badRequest('OFFICER_NOT_IN_CENTER', 'Cán bộ không thuộc Trung tâm của bạn.');
    if (!officer.roles.some((r) => SECONDED_ROLES.includes(r))) {
      throw badRequest('OFFICER_NOT_SECONDED', 'Chỉ đánh giá cán bộ, công chức được cử đến làm việc tại Trung tâm (không phải lãnh đạo Trung tâm).');
    }
    const scope = await reportScope(db, actor, null);
    const r = await ranking(db, calendars, scope, b, 'staff', now);
    const figures = r.rows.find((x) => x.key === officer.id) ?? {
      rank: null, key: officer.id, name: '', unit: null, roles: officer.roles, handled: 0, onTime: 0, onTimeShare: null, expectedShare: null, score: null,
      supplementRequests: 0, lateDossiers: 0, delayMinutes: 0, evaluations: 0, evaluationAverage: null, feedbackAnswered: null, feedbackUpheld: 0, codes: [],
    };
    const id = await withTx(db, async (tx) => {
      const row = await one<{ id: string }>(tx, `INSERT INTO staff_assessments (center_id, officer_id, period_from, period_to, rating, remarks, figures, assessed_by, assessed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (officer_id, period_from, period_to) DO NOTHING RETURNING id`,
      [actor.centerId, officer.id, b.from, b.to, b.rating, b.remarks, JSON.stringify(figures), actor.id, now]);
      if (!row) throw conflict('ASSESSMENT_EXISTS', 'Cán bộ này đã được đánh giá cho đúng kỳ này.');
      await audit(tx, { actorId: actor.id, centerId: actor.centerId, action: 'staff.assessment.record', entity: 'user', entityId: officer.id,
        data: { from: b.from, to: b.to, rating: b.rating } }, now);
      return row.id;
    });
    const saved = await one<AssessmentRow>(db, `${SELECT} WHERE a.id = $1`, [id]);
    return reply.code(201).send(present(saved!));
  });
};
