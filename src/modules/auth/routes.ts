import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUTHENTICATED, PUBLIC } from '../../http/access';
import { extraLimit, limitOf } from '../../http/rate-limits';
import { audit } from '../../platform/audit';
import { unauthorized } from '../../platform/errors';
import { secretKeyFor } from '../../platform/secret-key';
import { authenticate } from './login';
import { MeSchema, presentMe } from './me';
import { createSession, destroySession, SESSION_COOKIE } from './sessions';
import { resolveSession } from './sessions';
import { twoFactorRoutes } from './two-factor-routes';

const LoginBody = z.object({
  username: z.string().trim().min(1, 'Vui lòng nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(200),
  totp: z.string().trim().max(10).optional(),
  recoveryCode: z.string().trim().max(40).optional(),
});

const LoginOut = z.object({
  user: MeSchema,
  /** Failed sign-ins on this account since its owner last got in (someone guessing, or a lock someone caused). */
  failedSignIns: z.object({ count: z.number().int(), firstAt: z.string(), lastAt: z.string() }).nullable(),
  usedRecoveryCode: z.boolean(),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const perUser = limitOf(config, 'loginPerUser', {
    // Per username from anywhere (a botnet changes address, not target); checked once the body is read.
    keyGenerator: (req) => `user:${String((req.body as { username?: unknown } | undefined)?.username ?? '').trim().toLowerCase()}`,
  });
  app.post('/auth/login', {
    config: { access: PUBLIC, rateLimit: limitOf(config, 'loginPerAddress') },
    preHandler: extraLimit(app, perUser),
    schema: { tags: ['auth'], summary: 'Đăng nhập', body: LoginBody, response: { 200: LoginOut } },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const now = clock.now();
    const signedIn = await authenticate(db, () => secretKeyFor(config), req.body, now, { ip: req.ip });
    const token = await createSession(db, signedIn.userId, now, { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') });
    reply.setCookie(SESSION_COOKIE, token, app.sessionCookieOptions(req));
    const actor = await resolveSession(db, token, now, config.sessionIdleMinutes);
    if (!actor) throw unauthorized();
    return { user: await presentMe(db, actor), failedSignIns: signedIn.failures, usedRecoveryCode: signedIn.usedRecoveryCode };
  });

  app.post('/auth/logout', {
    config: { access: PUBLIC },
    schema: { tags: ['auth'], summary: 'Đăng xuất' },
  }, async (req, reply) => {
    if (req.actor) {
      await destroySession(app.deps.db, req.actor.sessionId, app.sessionCache);
      await audit(app.deps.db, { actorId: req.actor.id, centerId: req.actor.centerId, action: 'auth.logout', entity: 'user', entityId: req.actor.id }, app.deps.clock.now());
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/auth/me', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: MeSchema } },
  }, async (req) => presentMe(app.deps.db, req.actor!));

  await app.register(twoFactorRoutes);
};
