import { vnpayRoutes } from '../modules/payments/vnpay/routes';
import { signingRoutes } from '../modules/signing/routes';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import cookie, { type CookieSerializeOptions } from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { transformDocument } from './openapi';
import { responseSerializer } from './serializer';
import type { AppConfig } from '../config';
import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db';
import { checkPublicPostLimited, registerRateLimits } from './rate-limits';
import { registerSecurity } from './security';
import { registerCompression, registerWebApp } from './web';
import { accessOf, enforceAccess } from './access';
import { clientErrorHandler, errorHandler, frameworkErrors, MAX_PARAM_LENGTH, notFoundHandler } from './errors';
import { rejectUnsafeText } from './input-guard';
import { loggerOptions } from './log';
import { installVietnameseErrors } from './zod-vi';
import type { Actor } from '../modules/auth/actor';
import { resolveSession, SESSION_COOKIE } from '../modules/auth/sessions';
import { authRoutes } from '../modules/auth/routes';
import { catalogRoutes } from '../modules/catalog/routes';
import { adminRoutes } from '../modules/admin/routes';
import { calendarRoutes } from '../modules/calendar/routes';
import { CalendarService } from '../modules/calendar/service';
import { queueRoutes } from '../modules/queue/routes';
import { realtimePlugin, type RealtimeHub } from '../platform/realtime';
import { healthRoutes } from './health';
import { dossierRoutes } from '../modules/dossiers/routes';
import { feeRoutes } from '../modules/fees/routes';
import { reportRoutes } from '../modules/reports/routes';
import { controlRoutes } from '../modules/control/routes';
import { evaluationRoutes } from '../modules/evaluations/routes';
import { evaluationReportRoutes } from '../modules/evaluations/report';
import { feedbackRoutes } from '../modules/feedback/routes';
import { SESSIONS_CHANNEL, SessionCache, type SessionChange } from '../modules/auth/session-cache';
import { createPrinter, type Printer } from '../printing';
import { metricsPlugin } from '../modules/metrics';
import { notificationRoutes } from '../modules/notifications/routes';
import { citizenRoutes } from '../modules/citizens/routes';
import { CITIZEN_COOKIE, resolveCitizenSession, type Citizen } from '../modules/citizens/sessions';

export interface AppDeps {
  db: Db;
  clock: Clock;
  config: AppConfig;
  calendars: CalendarService;
  /** LISTEN/NOTIFY fan-out; by default one of the app's own on the pool's connection settings, closed with it. */
  realtime?: RealtimeHub;
  /** PDF rendering in worker threads; by default a pool of the app's own, closed with it. */
  printer: Printer;
  /** Why the database is down, in Vietnamese, while the embedded PostgreSQL is being restarted; undefined when it runs. */
  databaseProblem?: () => string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    sessionCookieOptions: (req: FastifyRequest) => CookieSerializeOptions;
    /** This instance's cache of resolved sessions (see modules/auth/session-cache.ts). */
    sessionCache: SessionCache;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The signed-in citizen (citizen cookie), never a staff member. */
    citizen: Citizen | null;
  }
}

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildApp(deps: Omit<AppDeps, 'calendars' | 'printer'> & { calendars?: CalendarService; printer?: Printer }, opts: { logger?: boolean; logStream?: DestinationStream; webDist?: string } = {}): Promise<FastifyInstance> {
  installVietnameseErrors();
  const app = Fastify({
    // Personal data (citizen IDs, phones, e-mail addresses) is masked in every log line: see log.ts.
    logger: opts.logger === false ? false : loggerOptions(deps.config.logLevel, opts.logStream),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
    maxParamLength: MAX_PARAM_LENGTH,
    // Errors Fastify answers itself (bad %-encoding, an over-long path, a malformed HTTP request) as problem+json.
    frameworkErrors,
    clientErrorHandler,
  });
  const calendars = deps.calendars ?? new CalendarService(deps.db);
  const printer = deps.printer ?? createPrinter({ threads: deps.config.pdfWorkers });
  if (!deps.printer) app.addHook('onClose', () => printer.close());
  app.decorate('deps', { ...deps, calendars, printer });
  app.decorateRequest('actor', null);
  app.decorateRequest('citizen', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer({ strict: deps.config.strictResponses === true }));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  // Refuse to start with an API route that does not say who may call it.
  app.addHook('onRoute', (route) => {
    if ((route.url.startsWith('/api/v1') || route.url === '/metrics') && !accessOf(route.config)) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    }
    checkPublicPostLimited(route);
  });

  await app.register(cookie);
  await registerSecurity(app, deps.config);
  await registerCompression(app);
  await registerRateLimits(app);
  app.decorate('sessionCookieOptions', (req: FastifyRequest): CookieSerializeOptions => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies === 'auto' ? req.protocol === 'https' : deps.config.secureCookies,
  }));

  const sessionCache = new SessionCache();
  app.decorate('sessionCache', sessionCache);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.actor = await resolveSession(deps.db, token, deps.clock.now(), deps.config.sessionIdleMinutes, sessionCache);
    // Only citizen routes read the citizen cookie: staff screens never pay for its look-up.
    const citizenToken = req.cookies[CITIZEN_COOKIE];
    if (citizenToken && req.url.startsWith('/api/v1/citizen/')) req.citizen = await resolveCitizenSession(deps.db, citizenToken, deps.clock.now());
  });
  // Before validation: a caller without the right gets 401/403, never a hint about the body's shape.
  app.addHook('preValidation', enforceAccess);
  // Then text PostgreSQL cannot store (NUL, lone surrogates) is refused once for every route: see input-guard.ts.
  app.addHook('preValidation', rejectUnsafeText);

  await app.register(swagger, {
    openapi: {
      info: { title: 'motcua API', description: 'API của phần mềm Trung tâm Hành chính công (một cửa).', version: '1' },
      tags: [
        { name: 'health' }, { name: 'auth' }, { name: 'catalog' }, { name: 'calendar' }, { name: 'admin' }, { name: 'queue' }, { name: 'dossiers' }, { name: 'fees' }, { name: 'reports' }, { name: 'notifications' }, { name: 'citizen' },
      ],
    },
    transform: jsonSchemaTransform,
    // Schemas given a name with `named` (src/http/openapi.ts) become components the routes refer to.
    transformObject: transformDocument,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(metricsPlugin);
  await app.register(realtimePlugin, { hub: deps.realtime, connection: deps.db.options });
  // Session changes made on other instances evict this instance's cached sessions; without the channel (it could
  // not be listened to, or it dropped and notifications were lost) the cache is off or emptied.
  let unsubscribeSessions: (() => void) | undefined;
  app.addHook('onReady', async () => {
    try {
      unsubscribeSessions = await app.realtime.subscribe(SESSIONS_CHANNEL, (change) => sessionCache.apply(change as SessionChange), () => sessionCache.clear());
      if (!app.realtime.connected) sessionCache.enabled = false;
    } catch (err) {
      sessionCache.enabled = false;
      app.log.warn({ err }, 'session cache off: cannot listen for session changes');
    }
  });
  app.addHook('onClose', async () => {
    unsubscribeSessions?.();
    sessionCache.dispose();
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(catalogRoutes);
      await api.register(calendarRoutes);
      await api.register(adminRoutes);
      await api.register(queueRoutes);
      await api.register(dossierRoutes);
      await api.register(feeRoutes);
      await api.register(reportRoutes);
      await api.register(notificationRoutes);
      await api.register(controlRoutes);
      await api.register(evaluationRoutes);
      await api.register(evaluationReportRoutes);
      await api.register(feedbackRoutes);
      await api.register(vnpayRoutes);
      await api.register(signingRoutes);
      await api.register(citizenRoutes);
    },
    { prefix: '/api/v1' },
  );

  await registerWebApp(app, opts.webDist ?? WEB_DIST, notFoundHandler);
  return app;
}
