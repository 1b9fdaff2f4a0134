import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { perm } from '../../../http/access';
import { audit } from '../../../platform/audit';
import { withTx } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { scopedCenter } from '../../auth/actor';
import { findCenter } from '../../centers/repo';
import { listKiosks, pairKiosk, revokeKiosk, type KioskDevice } from '../kiosk-devices';
import { CenterParam } from '../schema';

const DeviceOut = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastSeenAt: z.string().nullable(), revokedAt: z.string().nullable() });
const present = (d: KioskDevice) => ({ id: d.id, name: d.name, createdAt: d.createdAt.toISOString(), lastSeenAt: d.lastSeenAt?.toISOString() ?? null, revokedAt: d.revokedAt?.toISOString() ?? null });

// The admin pairs a center's kiosks (centers.manage; a center's own staff only for their center).
export const kioskDeviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const centerOf = async (actor: NonNullable<import('fastify').FastifyRequest['actor']>, code: string | undefined) => {
    const requested = code ? await findCenter(app.deps.db, code) : null;
    const id = scopedCenter(actor, requested?.id ?? null);
    if (!id) throw notFound('Trung tâm (hãy chọn Trung tâm)');
    return id;
  };

  app.get('/queue/kiosk-devices', {
    config: { access: perm('centers.manage') },
    schema: { tags: ['queue'], summary: 'Các máy kiosk lấy số đã ghép nối của Trung tâm', querystring: z.object({ center: CenterParam.optional() }), response: { 200: z.object({ items: z.array(DeviceOut) }) } },
  }, async (req) => ({ items: (await listKiosks(app.deps.db, await centerOf(req.actor!, req.query.center))).map(present) }));

  app.post('/queue/kiosk-devices', {
    config: { access: perm('centers.manage') },
    schema: {
      tags: ['queue'],
      summary: 'Ghép nối một máy kiosk: trả về mã khóa một lần duy nhất (không lưu bản rõ)',
      body: z.object({ center: CenterParam.optional(), name: z.string().trim().min(1).max(100) }),
      response: { 201: z.object({ device: DeviceOut, key: z.string() }) },
    },
  }, async (req, reply) => {
    const centerId = await centerOf(req.actor!, req.body.center);
    const now = app.deps.clock.now();
    const paired = await withTx(app.deps.db, async (tx) => {
      const p = await pairKiosk(tx, centerId, req.body.name, req.actor!.id);
      await audit(tx, { actorId: req.actor!.id, centerId, action: 'queue.kiosk.pair', entity: 'kiosk_device', entityId: p.device.id, data: { name: req.body.name } }, now);
      return p;
    });
    return reply.code(201).send({ device: present(paired.device), key: paired.key });
  });

  app.post('/queue/kiosk-devices/:id/revoke', {
    config: { access: perm('centers.manage') },
    schema: { tags: ['queue'], summary: 'Thu hồi mã khóa của một máy kiosk', params: z.object({ id: z.string().uuid() }), body: z.object({ center: CenterParam.optional() }).optional(), response: { 200: DeviceOut } },
  }, async (req) => {
    const centerId = await centerOf(req.actor!, req.body?.center);
    const now = app.deps.clock.now();
    return withTx(app.deps.db, async (tx) => {
      const d = await revokeKiosk(tx, centerId, req.params.id, now);
      if (!d) throw notFound('máy kiosk');
      await audit(tx, { actorId: req.actor!.id, centerId, action: 'queue.kiosk.revoke', entity: 'kiosk_device', entityId: d.id, data: { name: d.name } }, now);
      return present(d);
    });
  });
};
