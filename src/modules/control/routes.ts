// Control and urging: urges, staff notifications, the late-dossier report.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { lateRoutes } from './routes/late';
import { notificationRoutes } from './routes/notifications';
import { urgeRoutes } from './routes/urge';

export const controlRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(urgeRoutes);
  await app.register(notificationRoutes);
  await app.register(lateRoutes);
};
