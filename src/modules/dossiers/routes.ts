// The dossiers API: one plugin per topic in routes/, registered here (the module's only entry for src/http/app.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applicantRoutes } from './routes/applicants';
import { assigneeRoutes } from './routes/assignees';
import { dossierCoreRoutes } from './routes/dossiers';
import { fileRoutes } from './routes/files';
import { formRoutes } from './routes/forms';
import { publicDossierRoutes } from './routes/public';

export const dossierRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(fileRoutes);
  await app.register(formRoutes);
  await app.register(assigneeRoutes);
  await app.register(applicantRoutes);
  await app.register(dossierCoreRoutes);
  await app.register(publicDossierRoutes);
};
