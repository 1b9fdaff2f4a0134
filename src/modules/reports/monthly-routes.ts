// The monthly reports as stored by the scheduler (./monthly.ts): the list, the PDF and Excel files, and who gets
// them by e-mail.
import { auditRead } from '../audit/reads';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { named } from '../../http/openapi';
import { perm } from '../../http/access';
import { withTx, many, one } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { audit } from '../../platform/audit';
import { recipientsOf } from './monthly';
import { FiguresOut } from './schemas';
import { reportScope } from './scope';

const Item = named('MonthlyReport', z.object({
  id: z.string(), month: z.string(), center: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  status: z.enum(['generating', 'ready', 'failed']), periodFrom: z.string(), periodTo: z.string(),
  generatedAt: z.string().nullable(), asOf: z.string().nullable(), total: FiguresOut.nullable(), error: z.string().nullable(),
  mail: z.object({ status: z.enum(['off', 'no_recipients', 'sent', 'failed']).nullable(), recipients: z.array(z.string()), mailedAt: z.string().nullable(), error: z.string().nullable() }),
}));
const Recipients = z.object({
  center: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  recipients: z.array(z.string()),
});
const RecipientsIn = z.object({
  center: z.string().max(60).optional(),
  recipients: z.array(z.string().trim().toLowerCase().email('Địa chỉ e-mail không hợp lệ')).max(20, 'Tối đa 20 người nhận'),
});
const IdParam = z.object({ id: z.string().uuid('Mã báo cáo không hợp lệ') });

type Row = {
  id: string; month: string; center_id: string; code: string; name: string; status: 'generating' | 'ready' | 'failed'; period_from: string; period_to: string;
  generated_at: Date | null; as_of: Date | null; figures: z.infer<typeof FiguresOut> | null; error: string | null;
  mail_status: 'off' | 'no_recipients' | 'sent' | 'failed' | null; mail_recipients: string[] | null; mailed_at: Date | null; mail_error: string | null;
};

export const monthlyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get('/reports/monthly', {
    config: { access: perm('reports.view') },
    schema: {
      tags: ['reports'], summary: 'Báo cáo tháng đã lập tự động vào ngày làm việc cuối cùng của tháng (Quy chế điều 14.1)',
      querystring: z.object({ center: z.string().max(60).optional() }), response: { 200: z.object({ items: z.array(Item) }) },
    },
  }, async (req) => {
    const scope = await reportScope(db, req.actor!, req.query.center);
    const rows = await many<Row>(db, `SELECT r.id, r.month, r.center_id, c.code, c.name, r.status, r.period_from, r.period_to, r.generated_at, r.as_of, r.figures, r.error,
        r.mail_status, r.mail_recipients, r.mailed_at, r.mail_error
      FROM monthly_reports r JOIN centers c ON c.id = r.center_id WHERE r.center_id = ANY($1::uuid[]) ORDER BY r.month DESC, c.code LIMIT 240`, [scope.centerIds]);
    return {
      items: rows.map((r) => ({
        id: r.id, month: r.month, center: { id: r.center_id, code: r.code, name: r.name }, status: r.status, periodFrom: r.period_from, periodTo: r.period_to,
        generatedAt: r.generated_at?.toISOString() ?? null, asOf: r.as_of?.toISOString() ?? null, total: r.figures, error: r.error,
        mail: { status: r.mail_status, recipients: r.mail_recipients ?? [], mailedAt: r.mailed_at?.toISOString() ?? null, error: r.mail_error },
      })),
    };
  });

  for (const [ext, type] of [['pdf', 'application/pdf'], ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']] as const) {
    app.get(`/reports/monthly/:id.${ext}`, {
      config: { access: perm('reports.view') },
      schema: { tags: ['reports'], summary: `Tệp báo cáo tháng (${ext.toUpperCase()})`, params: IdParam },
    }, async (req, reply) => {
      const scope = await reportScope(db, req.actor!);
      const r = await one<{ file: Buffer; month: string; center_id: string }>(db,
        `SELECT ${ext} AS file, month, center_id FROM monthly_reports WHERE id = $1 AND status = 'ready' AND center_id = ANY($2::uuid[])`, [req.params.id, scope.centerIds]);
      if (!r) throw notFound('báo cáo tháng');
      await auditRead(req, { action: 'reports.monthly.download', entity: 'monthly_report', entityId: req.params.id, centerId: r.center_id, data: { format: ext, month: r.month } });
      return reply.type(type).header('content-disposition', `${ext === 'pdf' ? 'inline' : 'attachment'}; filename="bao-cao-thang-${r.month}.${ext}"`).send(r.file);
    });
  }

  const recipients = async (actor: Parameters<typeof reportScope>[1], center?: string) => {
    const scope = await reportScope(db, actor, center);
    if (!scope.center) throw notFound('Trung tâm (hãy chọn một Trung tâm)');
    const row = await one<{ settings: { reportRecipients?: unknown } | null }>(db, 'SELECT settings FROM centers WHERE id = $1', [scope.center.id]);
    return { center: { id: scope.center.id, code: scope.center.code, name: scope.center.name }, recipients: recipientsOf(row?.settings ?? null) };
  };

  app.get('/reports/recipients', {
    config: { access: perm('reports.view') },
    schema: { tags: ['reports'], summary: 'Người nhận báo cáo tháng qua e-mail', querystring: z.object({ center: z.string().max(60).optional() }), response: { 200: Recipients } },
  }, async (req) => recipients(req.actor!, req.query.center));

  app.put('/reports/recipients', {
    config: { access: perm('reports.manage') },
    schema: { tags: ['reports'], summary: 'Đặt người nhận báo cáo tháng qua e-mail (lãnh đạo Trung tâm)', body: RecipientsIn, response: { 200: Recipients } },
  }, async (req) => {
    const actor = req.actor!;
    const { center } = await recipients(actor, req.body.center);
    const list = [...new Set(req.body.recipients)];
    await withTx(db, async (tx) => {
      await tx.query(`UPDATE centers SET settings = settings || jsonb_build_object('reportRecipients', $2::jsonb) WHERE id = $1`, [center.id, JSON.stringify(list)]);
      await audit(tx, { actorId: actor.id, centerId: center.id, action: 'reports.recipients', entity: 'center', entityId: center.code, data: { recipients: list } }, clock.now());
    });
    return { center, recipients: list };
  });
};
