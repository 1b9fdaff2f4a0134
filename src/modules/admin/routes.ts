// The admin API: one plugin per topic in routes/, registered here (the module's only entry for src/http/app.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from './routes/audit';
import { orgRoutes } from './routes/org';
import { userRoutes } from './routes/users';

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(userRoutes);
  await app.register(orgRoutes);
  await app.register(auditRoutes);
};
