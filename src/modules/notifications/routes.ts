import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createChannels, type Channels } from './channels';
import { notifyDossierRoutes } from './routes/dossier';
import { notifyGatewayRoutes } from './routes/gateway';
import { notifySettingsRoutes } from './routes/settings';

// The notification routes: a dossier's messages, the center's settings, and the providers' calls into motcua.
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  // The routes' own channels (a test message goes out at once); the outbox worker has its own (src/main.ts).
  let channels: Channels | null = null;
  const get = () => (channels ??= createChannels(app.deps.config));
  app.addHook('onClose', async () => channels?.close());
  await app.register(notifyDossierRoutes);
  await app.register(notifySettingsRoutes(get));
  await app.register(notifyGatewayRoutes(get));
};
