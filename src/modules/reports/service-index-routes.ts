// The service index (766) for the center's leaders, and the public transparency page's figures (issue 14 items 7, 8).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyPerm, PUBLIC } from '../../http/access';
import { named } from '../../http/openapi';
import { many } from '../../platform/db';
import { findCenter } from '../centers/repo';
import { QUESTIONS } from '../evaluations/domain/questions';
import { boundsOf, monthToDate, periodProblem } from './domain';
import { index766 } from './index766';
import { reportScope } from './scope';

const VIEW = anyPerm('reports.view', 'reports.department');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const IndexQuery = z.object({ from: Day, to: Day, center: z.string().max(60).optional() }).superRefine((q, ctx) => {
  const p = periodProblem(q);
  if (p) ctx.addIssue({ code: 'custom', message: p, path: ['to'] });
});

const FigureOut = named('IndexFigure', z.object({
  key: z.string().describe('Số hiệu chỉ số theo Quyết định 766/QĐ-TTg'), group: z.string(), name: z.string(), formula: z.string(),
  available: z.boolean().describe('false: dữ liệu hiện có chưa đủ để tính, xem note'),
  numerator: z.number().nullable(), denominator: z.number().nullable(), value: z.number().nullable().describe('Phần trăm, một chữ số thập phân'),
  note: z.string().nullable(), itemKind: z.enum(['dossier', 'procedure', 'feedback']),
  items: z.array(z.object({ code: z.string(), counted: z.boolean() })).describe('Tối đa 500 mã; counted: thuộc tử số'),
  itemsTotal: z.number(),
}));

const IndexOut = named('ServiceIndex766', z.object({
  from: z.string(), to: z.string(), asOf: z.string(),
  center: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  figures: z.array(FigureOut),
}));

const TransparencyOut = named('CenterTransparency', z.object({
  center: z.object({ code: z.string(), name: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  onTime: z.object({ ended: z.number(), onTime: z.number(), share: z.number().nullable(), formula: z.string() }),
  lateWithApology: z.object({
    count: z.number(),
    items: z.array(z.object({
      code: z.string(),
      apology: z.enum(['extension', 'second_supplement']).describe('extension: phiếu xin lỗi và hẹn lại ngày trả kết quả; second_supplement: thư xin lỗi khi yêu cầu bổ sung lần thứ hai'),
      newDueAt: z.string().nullable(),
    })),
  }).describe('Hồ sơ trễ hạn trong tháng đã có văn bản xin lỗi người nộp: chỉ mã hồ sơ'),
  evaluations: z.object({
    count: z.number(), satisfaction: z.number().nullable(),
    questions: z.array(z.object({ text: z.string(), answered: z.number(), average: z.number().nullable() })),
  }),
  feedback: z.object({
    count: z.number(),
    onTime: z.object({ closed: z.number(), onTime: z.number(), share: z.number().nullable(), formula: z.string() }),
    items: z.array(z.object({ code: z.string(), content: z.string(), answer: z.string(), publishedAt: z.string() })),
  }).describe('Phản ánh, kiến nghị được trả lời công khai trong tháng: trích nội dung và trả lời, không có thông tin liên hệ'),
}));

const FEEDBACK_CAP = 100;
const EXCERPT = 300;
const excerpt = (s: string) => (s.length > EXCERPT ? `${s.slice(0, EXCERPT).trimEnd()}…` : s);

export const serviceIndexRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, calendars } = app.deps;

  app.get('/reports/index-766', {
    config: { access: VIEW },
    schema: {
      tags: ['reports'],
      summary: 'Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) do Trung tâm tự xác định: đúng hạn (2.1), trực tuyến (3.1, 3.3), số hóa và tái sử dụng (4.2, 4.3), phản ánh (5.2), hài lòng (5.4) — kèm công thức và danh sách hồ sơ',
      querystring: IndexQuery, response: { 200: IndexOut },
    },
  }, async (req) => index766(db, calendars, await reportScope(db, req.actor!, req.query.center), req.query, clock.now()));

  app.get('/public/centers/:code/transparency', {
    config: { access: PUBLIC },
    schema: {
      tags: ['reports'],
      summary: 'Công khai kết quả giải quyết của Trung tâm tháng này: tỷ lệ đúng hạn, hồ sơ trễ hạn đã xin lỗi (chỉ mã hồ sơ), kết quả đánh giá, trả lời phản ánh, kiến nghị đã công khai — không có thông tin cá nhân',
      params: z.object({ code: z.string().min(1).max(60) }),
      response: { 200: TransparencyOut },
    },
  }, async (req) => {
    const center = await findCenter(db, req.params.code);
    const now = clock.now();
    const period = monthToDate(now);
    const scope = { centerIds: [center.id], departmentId: null, center: { ...center, shortName: center.name }, department: null };
    const idx = await index766(db, calendars, scope, period, now);
    const onTime = idx.figures.find((f) => f.key === '2.1')!;
    const sat = idx.figures.find((f) => f.key === '5.4')!;
    const fb = idx.figures.find((f) => f.key === '5.2')!;
    const p = boundsOf(period, now);
    // Late this month (settled late, or open and past the legal due date now) with a written apology to the applicant:
    // the apology and new appointment of an extension, or the apology a second supplement request must carry.
    const late = await many<{ code: string; due_at: Date | null; extended_at: Date | null }>(db, `SELECT d.code, d.due_at, d.extended_at FROM dossiers d
      WHERE d.center_id = $1 AND (d.extended_at IS NOT NULL OR d.late_by_supplement) AND d.received_at IS NOT NULL
        AND ((d.ended_at >= $2 AND d.ended_at < $3 AND d.outcome = 'late')
          OR (d.ended_at IS NULL AND CASE WHEN d.paused_at IS NOT NULL THEN d.paused_at > coalesce(d.original_due_at, d.due_at) ELSE $4 > coalesce(d.original_due_at, d.due_at) END))
      ORDER BY d.code LIMIT 200`, [center.id, p.start, p.end, now]);
    const perQuestion = await many<{ question: string; answered: number; average: number | null }>(db, `SELECT a.question,
        count(*) FILTER (WHERE a.value::int >= 0)::int AS answered, round(avg(a.value::numeric) FILTER (WHERE a.value::int >= 0), 2)::float AS average
      FROM evaluations ev CROSS JOIN LATERAL jsonb_each_text(ev.answers) a(question, value)
      WHERE ev.center_id = $1 AND ev.submitted_at >= $2 AND ev.submitted_at < $3 GROUP BY 1`, [center.id, p.start, p.end]);
    // The answers published this month: content and answer only, never the sender's name, phone or e-mail.
    const answers = await many<{ code: string; content: string; answer: string; published_at: Date }>(db, `SELECT f.code, f.content, f.answer, f.published_at
      FROM feedback f WHERE f.center_id = $1 AND f.published AND f.published_at >= $2 AND f.published_at < $3
      ORDER BY f.published_at DESC, f.code LIMIT ${FEEDBACK_CAP}`, [center.id, p.start, p.end]);
    return {
      center: { code: center.code, name: center.name }, period, generatedAt: now.toISOString(),
      onTime: { ended: onTime.denominator ?? 0, onTime: onTime.numerator ?? 0, share: onTime.value, formula: onTime.formula },
      lateWithApology: {
        count: late.length,
        items: late.map((l) => ({
          code: l.code, apology: l.extended_at ? 'extension' as const : 'second_supplement' as const,
          newDueAt: l.extended_at ? l.due_at?.toISOString() ?? null : null,
        })),
      },
      evaluations: {
        count: sat.itemsTotal, satisfaction: sat.value,
        questions: QUESTIONS.map((qq) => {
          const r = perQuestion.find((x) => x.question === qq.id);
          return { text: qq.text, answered: r?.answered ?? 0, average: r?.average ?? null };
        }),
      },
      feedback: {
        count: answers.length,
        onTime: { closed: fb.denominator ?? 0, onTime: fb.numerator ?? 0, share: fb.value, formula: fb.formula },
        items: answers.map((a) => ({ code: a.code, content: excerpt(a.content), answer: a.answer, publishedAt: a.published_at.toISOString() })),
      },
    };
  });
};
