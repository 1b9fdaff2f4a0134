import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { channelsFor } from './channels';
import { notifyDossierRoutes } from './routes/dossier';
import { notifyGatewayRoutes } from './routes/gateway';
import { notifySettingsRoutes } from './routes/settings';
import { smtpSettingsRoutes } from './routes/smtp';

// The notification routes: a dossier's messages, the center's settings, and the providers' calls into motcua.
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  // The app's channels (a test message, a look-up reply's settings); the outbox worker has its own (src/main.ts).
  const get = () => channelsFor(app.deps);
  await app.register(notifyDossierRoutes);
  await app.register(notifySettingsRoutes(get));
  await app.register(notifyGatewayRoutes(get));
  await app.register(smtpSettingsRoutes);
};
