// The reports API: the dashboard, the settlement report (JSON, Excel, PDF), the monthly reports, the ranking and
// assessments, the service index (766) and the public transparency figures.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { anyPerm } from '../../http/access';
import { auditRead } from '../audit/reads';
import { dashboard } from './dashboard';
import { settlementXlsx } from './exports';
import { issuerOf } from './issuer';
import { CenterQuery, DashboardOut, SettlementOut, SettlementQuery } from './schemas';
import { reportScope } from './scope';
import { settlementReport } from './settlement-query';
import { monthlyRoutes } from './monthly-routes';
import { rankingRoutes } from './ranking-routes';
import { serviceIndexRoutes } from './service-index-routes';

const VIEW = anyPerm('reports.view', 'reports.department');

const fileName = (kind: string, from: string, to: string, ext: string) => `${kind}-${from}-${to}.${ext}`;

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, calendars } = app.deps;

  app.get('/dashboard', {
    config: { access: VIEW },
    schema: {
      tags: ['reports'], summary: 'Bảng điều hành: số liệu hôm nay và tháng này, quá hạn, sắp đến hạn, hàng đợi, tỷ lệ đúng hạn, 10 hồ sơ quá hạn lâu nhất',
      querystring: CenterQuery, response: { 200: DashboardOut },
    },
  }, async (req) => dashboard(db, calendars, await reportScope(db, req.actor!, req.query.center), clock.now()));

  const report = async (actor: Parameters<typeof reportScope>[1], q: { from: string; to: string; groupBy: 'field' | 'department'; center?: string }) => {
    const scope = await reportScope(db, actor, q.center);
    return { scope, report: await settlementReport(db, scope, q, q.groupBy, clock.now()) };
  };

  app.get('/reports/settlement', {
    config: { access: VIEW },
    schema: {
      tags: ['reports'], summary: 'Báo cáo tình hình, kết quả giải quyết TTHC theo lĩnh vực hoặc phòng chuyên môn (mẫu II.06a): mỗi dòng khớp tổng nhận = đã giải quyết + đang giải quyết',
      querystring: SettlementQuery, response: { 200: SettlementOut },
    },
  }, async (req) => (await report(req.actor!, req.query)).report);

  app.get('/reports/settlement.xlsx', {
    config: { access: VIEW },
    schema: { tags: ['reports'], summary: 'Báo cáo tình hình, kết quả giải quyết TTHC (Excel)', querystring: SettlementQuery },
  }, async (req, reply) => {
    const { scope, report: r } = await report(req.actor!, req.query);
    const buf = await settlementXlsx(r, await issuerOf(db, scope), clock.now());
    await auditRead(req, { action: 'reports.settlement.export', entity: 'center', entityId: scope.center?.id ?? null, centerId: scope.center?.id ?? null, data: { format: 'xlsx', from: r.from, to: r.to } });
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${fileName('bao-cao-giai-quyet-tthc', r.from, r.to, 'xlsx')}"`).send(buf);
  });

  app.get('/reports/settlement.pdf', {
    config: { access: VIEW },
    schema: { tags: ['reports'], summary: 'Báo cáo tình hình, kết quả giải quyết TTHC (PDF, A4 ngang)', querystring: SettlementQuery },
  }, async (req, reply) => {
    const { scope, report: r } = await report(req.actor!, req.query);
    const buf = await app.deps.printer.render('settlementReport', r, await issuerOf(db, scope), clock.now());
    await auditRead(req, { action: 'reports.settlement.export', entity: 'center', entityId: scope.center?.id ?? null, centerId: scope.center?.id ?? null, data: { format: 'pdf', from: r.from, to: r.to } });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName('bao-cao-giai-quyet-tthc', r.from, r.to, 'pdf')}"`).send(buf);
  });

  await app.register(monthlyRoutes);
  await app.register(rankingRoutes);
  await app.register(serviceIndexRoutes);
};
