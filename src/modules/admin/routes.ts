import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit-routes';
import { orgRoutes } from './org';
import { userRoutes } from './users';

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(userRoutes);
  await app.register(orgRoutes);
  await app.register(auditRoutes);
};
