import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { perm } from '../../../http/access';
import { scopedCenter } from '../../auth/actor';
import { readJournal } from '../../audit/journal';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/admin/audit', {
    config: { access: perm('audit.view') },
    schema: {
      tags: ['admin'],
      summary: 'Nhật ký thao tác và mọi bước của hồ sơ (theo phạm vi của người xem), lọc theo người, thao tác, hồ sơ, ngày',
      querystring: z.object({
        center: z.string().uuid().optional(),
        action: z.string().max(60).optional().describe('Đầu mã thao tác, ví dụ "fees." hoặc "dossier.return" (các bước hồ sơ là "dossier.<bước>")'),
        actor: z.string().trim().min(1).max(60).optional().describe('Tên đăng nhập của người thực hiện'),
        dossier: z.string().trim().min(3).max(40).optional().describe('Mã hồ sơ'),
        from: Day.optional(), to: Day.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        before: z.string().max(60).optional().describe('`cursor` của dòng cuối trang trước'),
      }),
      response: {
        200: z.object({
          items: z.array(z.object({
            id: z.string(), at: z.string(), actor: z.string().nullable(), actorName: z.string().nullable(), action: z.string(), entity: z.string(),
            entityId: z.string().nullable(), dossierCode: z.string().nullable(), data: z.record(z.string(), z.unknown()), cursor: z.string(),
          })),
        }),
      },
    },
  }, async (req) => {
    const { center, ...rest } = req.query;
    return { items: await readJournal(app.deps.db, { ...rest, centerId: scopedCenter(req.actor!, center) }) };
  });
};
