// Urging a dossier or a department (Bộ phận Hỗ trợ – Giám sát, Giám đốc, Phó Giám đốc of the center).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { perm } from '../../../http/access';
import { IdempotencyKeyHeader, idempotentReply } from '../../../http/idempotency';
import { named } from '../../../http/openapi';
import { atRiskLimits } from '../../reports/dashboard';
import { untouchedCutoffs } from '../cutoffs';
import { urgeDepartment, urgeDossier, type DepartmentUrge, type UrgeRecord } from '../urge';

const Note = z.string().trim().min(1, 'Vui lòng nhập nội dung đôn đốc.').max(1000, 'Nội dung đôn đốc tối đa 1000 ký tự.');
const Recipients = z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['assignee', 'department_head', 'reception', 'supervisor']) }));
const Ref = z.object({ id: z.string(), name: z.string() });

export const UrgeOut = named('Urge', z.object({
  id: z.number(),
  kind: z.enum(['manual', 'department', 'due_soon', 'overdue']),
  dossier: z.object({ code: z.string() }),
  department: Ref.nullable(),
  note: z.string(),
  at: z.string(),
  by: Ref.nullable(),
  recipients: Recipients.describe('Người nhận thông báo: người đang xử lý, lãnh đạo phòng (hoặc bộ phận tiếp nhận khi hồ sơ còn ở Trung tâm)'),
}));

const DepartmentUrgeOut = named('DepartmentUrge', z.object({
  batchId: z.string(),
  department: Ref,
  dossiers: z.enum(['late', 'untouched', 'all']),
  note: z.string(),
  at: z.string(),
  by: Ref,
  urged: z.array(z.object({ code: z.string() })),
  recipients: Recipients,
}));

export const urgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, calendars, config } = app.deps;

  app.post('/dossiers/:code/urge', {
    config: { access: perm('dossiers.urge') },
    schema: {
      tags: ['dossiers'],
      summary: 'Đôn đốc giải quyết hồ sơ: ghi vào lịch sử hồ sơ, thông báo cho người đang xử lý và lãnh đạo phòng (e-mail khi có cấu hình). Hỗ trợ Idempotency-Key.',
      headers: IdempotencyKeyHeader, params: z.object({ code: z.string().min(5).max(60) }), body: z.object({ note: Note }), response: { 201: UrgeOut },
    },
  }, async (req, reply) => {
    const ctx = { db, now: clock.now(), config };
    const { answer } = await idempotentReply<UrgeRecord>(req, reply, { scope: 'dossiers.urge', status: 201 }, (claim) => urgeDossier(ctx, req.actor!, req.params.code, req.body.note, claim));
    return reply.send(answer);
  });

  app.post('/departments/:id/urge', {
    config: { access: perm('dossiers.urge') },
    schema: {
      tags: ['dossiers'],
      summary: 'Đôn đốc một phòng chuyên môn: các hồ sơ quá hạn và sắp đến hạn (late), chậm cập nhật quá nửa ngày (untouched) hoặc mọi hồ sơ đang giải quyết (all). Hỗ trợ Idempotency-Key.',
      headers: IdempotencyKeyHeader,
      params: z.object({ id: z.string().uuid('Mã phòng chuyên môn không hợp lệ') }),
      body: z.object({ note: Note, dossiers: z.enum(['late', 'untouched', 'all'], { error: 'dossiers phải là late, untouched hoặc all' }).default('late') }),
      response: { 201: DepartmentUrgeOut },
    },
  }, async (req, reply) => {
    const now = clock.now();
    const actor = req.actor!;
    const centers = actor.centerId ? [actor.centerId] : [];
    const limits = { atRisk: await atRiskLimits(calendars, centers, now), untouched: await untouchedCutoffs(calendars, centers, now) };
    const { answer } = await idempotentReply<DepartmentUrge>(req, reply, { scope: 'departments.urge', status: 201 },
      (claim) => urgeDepartment({ db, now, config }, actor, req.params.id, req.body.dossiers, req.body.note, limits, claim));
    return reply.send(answer);
  });
};
