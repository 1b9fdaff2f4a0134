// The fees API (issue 6): a dossier's fees, payments and receipts, cash books, reports, transfers, configuration.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { centerFeeRoutes } from './routes/center';
import { dossierFeeRoutes } from './routes/dossier';
import { receiptRoutes } from './routes/receipts';
import { seriesRoutes } from './routes/series';
import { feeSettingsRoutes } from './routes/settings';

export const feeRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(dossierFeeRoutes);
  await app.register(receiptRoutes);
  await app.register(centerFeeRoutes);
  await app.register(feeSettingsRoutes);
  await app.register(seriesRoutes);
};
