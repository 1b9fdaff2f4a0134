import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from './access';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', {
    config: { access: PUBLIC },
    schema: {
      tags: ['health'],
      summary: 'Tình trạng hệ thống',
      response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok'), time: z.string(), version: z.string() }) },
    },
  }, async () => {
    await app.deps.db.query('SELECT 1');
    return { status: 'ok' as const, database: 'ok' as const, time: app.deps.clock.now().toISOString(), version: '0.1.0' };
  });
};
