// The late-dossier report (JSON and Excel): who and which step used more than its budget, grouped by unit or reason.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyPerm } from '../../../http/access';
import { named } from '../../../http/openapi';
import { periodProblem } from '../../reports/domain';
import { reportScope } from '../../reports/scope';
import { REASONS } from '../domain';
import { lateXlsx } from '../late-export';
import { lateReport } from '../late-report';

const VIEW = anyPerm('reports.view', 'reports.department');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const LateQuery = z.object({
  from: Day,
  to: Day,
  groupBy: z.enum(['unit', 'reason'], { error: 'groupBy phải là unit hoặc reason' }).default('unit'),
  center: z.string().max(60).optional(),
}).superRefine((q, ctx) => {
  const p = periodProblem(q);
  if (p) ctx.addIssue({ code: 'custom', message: p, path: ['to'] });
});
const Ref = z.object({ id: z.string(), name: z.string() });
const Reason = z.enum(REASONS);
const Group = z.object({
  key: z.string(), name: z.string(), kind: z.enum(['department', 'reception', 'inter_agency', 'none', 'reason']),
  dossiers: z.number(), overruns: z.number(), overMinutes: z.number().describe('Thời gian vượt định mức các bước, phút làm việc'),
  people: z.array(Ref.extend({ dossiers: z.number(), overMinutes: z.number() })),
});
const LateOut = named('LateReport', z.object({
  from: z.string(), to: z.string(), asOf: z.string(), groupBy: z.enum(['unit', 'reason']),
  center: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(), department: Ref.nullable(),
  workingDayMinutes: z.number(),
  rows: z.array(Group),
  total: z.object({ dossiers: z.number(), settledLate: z.number(), overdue: z.number(), overMinutes: z.number(), lateMinutes: z.number() }),
  items: z.array(z.object({
    code: z.string(), procedure: z.object({ code: z.string(), name: z.string() }), department: Ref.nullable(), state: z.enum(['settled_late', 'overdue']),
    receivedAt: z.string(), legalDueAt: z.string(), endedAt: z.string().nullable(), lateMinutes: z.number(),
    reasons: z.array(z.object({ key: Reason, name: z.string() })),
    overruns: z.array(z.object({
      index: z.number(), step: z.string(), role: z.string(), unit: z.object({ key: z.string(), name: z.string(), kind: z.string() }), person: Ref.nullable(),
      budgetMinutes: z.number(), usedMinutes: z.number(), overMinutes: z.number(),
    })),
    lateNotice: z.string().nullable(),
  })),
}));

export const lateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, calendars } = app.deps;
  const report = async (actor: Parameters<typeof reportScope>[1], q: z.infer<typeof LateQuery>) =>
    lateReport(db, calendars, await reportScope(db, actor, q.center), q, q.groupBy, clock.now());

  app.get('/reports/late', {
    config: { access: VIEW },
    schema: {
      tags: ['reports'],
      summary: 'Hồ sơ trễ hạn trong kỳ (đã giải quyết trễ hạn, đang quá hạn): bước nào, đơn vị và cán bộ nào vượt định mức thời gian bao lâu; nhóm theo đơn vị (unit) hoặc nguyên nhân (reason)',
      querystring: LateQuery, response: { 200: LateOut },
    },
  }, async (req) => report(req.actor!, req.query));

  app.get('/reports/late.xlsx', {
    config: { access: VIEW },
    schema: { tags: ['reports'], summary: 'Hồ sơ trễ hạn và nguyên nhân (Excel)', querystring: LateQuery },
  }, async (req, reply) => {
    const r = await report(req.actor!, req.query);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="ho-so-tre-han-${r.from}-${r.to}.xlsx"`).send(await lateXlsx(r, clock.now()));
  });
};
