import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUTHENTICATED, PUBLIC } from '../../http/access';
import { unauthorized } from '../../platform/errors';
import { authenticate } from './login';
import { MeSchema, presentMe } from './me';
import { createSession, destroySession, SESSION_COOKIE } from './sessions';
import { resolveSession } from './sessions';

const LoginBody = z.object({
  username: z.string().trim().min(1, 'Vui lòng nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(200),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/auth/login', {
    config: { access: PUBLIC },
    schema: { tags: ['auth'], summary: 'Đăng nhập', body: LoginBody, response: { 200: z.object({ user: MeSchema }) } },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const now = clock.now();
    const userId = await authenticate(db, req.body.username, req.body.password, now);
    const token = await createSession(db, userId, now, { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') });
    reply.setCookie(SESSION_COOKIE, token, app.sessionCookieOptions(req));
    const actor = await resolveSession(db, token, now, app.deps.config.sessionIdleMinutes);
    if (!actor) throw unauthorized();
    return { user: await presentMe(db, actor) };
  });

  app.post('/auth/logout', {
    config: { access: PUBLIC },
    schema: { tags: ['auth'], summary: 'Đăng xuất' },
  }, async (req, reply) => {
    if (req.actor) await destroySession(app.deps.db, req.actor.sessionId, app.sessionCache);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/auth/me', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: MeSchema } },
  }, async (req) => presentMe(app.deps.db, req.actor!));
};
