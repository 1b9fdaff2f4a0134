// The queue API: one plugin per topic in routes/, registered here (the module's only entry for src/http/app.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { queueAdminRoutes } from './routes/admin';
import { counterRoutes } from './routes/counter';
import { ticketHistoryRoutes } from './routes/history';
import { kioskRoutes } from './routes/kiosk';
import { boardStreamRoutes } from './routes/stream';

export const queueRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(kioskRoutes);
  await app.register(boardStreamRoutes);
  await app.register(counterRoutes);
  await app.register(ticketHistoryRoutes);
  await app.register(queueAdminRoutes);
};
