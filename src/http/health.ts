import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DATABASE_UNAVAILABLE_DETAIL, isDatabaseUnavailable } from '../platform/db-errors';
import { PUBLIC } from './access';
import { problem } from './errors';

const CHECK_TIMEOUT_MS = 5000;

const Problem = z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string(), code: z.string() });

/**
 * 200 when the database answers; otherwise 503 (problem+json) with the reason in Vietnamese — the embedded
 * PostgreSQL's own state when it is being restarted after a crash, else the failed check — so a load balancer
 * takes this instance out of rotation until it is back.
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', {
    config: { access: PUBLIC },
    schema: {
      tags: ['health'],
      summary: 'Tình trạng hệ thống',
      response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok'), time: z.string(), version: z.string() }), 503: Problem },
    },
  }, async (_req, reply) => {
    const unavailable = (detail: string) =>
      reply.code(503).header('retry-after', '5').type('application/problem+json; charset=utf-8').send(problem(503, 'DATABASE_UNAVAILABLE', detail));
    const known = app.deps.databaseProblem?.();
    if (known) return unavailable(known);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        app.deps.db.query('SELECT 1'),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS))),
      ]);
    } catch (err) {
      return unavailable(isDatabaseUnavailable(err) ? DATABASE_UNAVAILABLE_DETAIL
        : `Cơ sở dữ liệu không trả lời truy vấn kiểm tra trong ${CHECK_TIMEOUT_MS / 1000} giây. Vui lòng thử lại sau ít phút.`);
    } finally {
      clearTimeout(timer);
    }
    return { status: 'ok' as const, database: 'ok' as const, time: app.deps.clock.now().toISOString(), version: '0.1.0' };
  });
};
