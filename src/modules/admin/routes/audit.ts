import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { perm } from '../../../http/access';
import { many } from '../../../platform/db';
import { scopedCenter } from '../../auth/actor';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/admin/audit', {
    config: { access: perm('audit.view') },
    schema: {
      tags: ['admin'], summary: 'Nhật ký thao tác (theo phạm vi của người xem)',
      querystring: z.object({ center: z.string().uuid().optional(), action: z.string().max(60).optional(), limit: z.coerce.number().int().min(1).max(200).default(50), before: z.coerce.number().int().optional() }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.number(), at: z.string(), actor: z.string().nullable(), action: z.string(), entity: z.string(), entityId: z.string().nullable(), data: z.record(z.string(), z.unknown()) })) }) },
    },
  }, async (req) => {
    const center = scopedCenter(req.actor!, req.query.center);
    const params: unknown[] = [];
    const where: string[] = [];
    if (center) { params.push(center); where.push(`a.center_id = $${params.length}`); }
    if (req.query.action) { params.push(req.query.action + '%'); where.push(`a.action LIKE $${params.length}`); }
    if (req.query.before) { params.push(req.query.before); where.push(`a.id < $${params.length}`); }
    params.push(req.query.limit);
    const rows = await many<{ id: number; at: Date; actor: string | null; action: string; entity: string; entity_id: string | null; data: Record<string, unknown> }>(app.deps.db,
      `SELECT a.id, a.at, u.username AS actor, a.action, a.entity, a.entity_id, a.data FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.id DESC LIMIT $${params.length}`, params);
    return { items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, data: r.data })) };
  });
};
