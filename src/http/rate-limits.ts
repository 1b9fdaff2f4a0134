// Rate limits (issue 12, findings 3, 4 and 10): who may ask how often. Each limited route names its limit in
// `config.rateLimit` (built here), and the server refuses to start with a public POST that names none, as it does
// with a route that declares no access rule. Counters live in the instance's memory: with several instances behind
// a proxy a client gets the limit once per instance, which still bounds guessing and flooding.
import { createRequire } from 'node:module';
import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { AppConfig } from '../config';
import { AppError } from '../platform/errors';

// The plugin's own in-memory store, which has no typed export.
const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore.js') as new (continueExceeding: boolean, exponentialBackoff: boolean, cache?: number) => {
  incr(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number, max: number): void;
  read(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number, max: number): void;
};

interface Limit {
  max: number;
  /** Milliseconds. */
  window: number;
}

const MINUTE = 60_000;

/** The limits at MOTCUA_RATE_LIMIT_FACTOR = 1. */
export const LIMITS = {
  /** Sign-in attempts from one client address. */
  loginPerAddress: { max: 20, window: MINUTE },
  /** Sign-in attempts for one username, from anywhere: with the lock after 5 wrong passwords, guessing stays slow. */
  loginPerUser: { max: 10, window: 15 * MINUTE },
  /** Public look-ups of a dossier's status from one client address. */
  lookup: { max: 30, window: MINUTE },
  /** Any public POST (kiosk tickets, …) from one client address; a paired kiosk is exempt (queue/kiosk-devices.ts). */
  publicPost: { max: 10, window: MINUTE },
  /** One-time sign-in codes asked for one contact (phone or e-mail), from anywhere: no one floods a citizen's phone. */
  otpPerContact: { max: 3, window: 15 * MINUTE },
  /** One-time code requests and code checks from one client address. */
  otpPerAddress: { max: 10, window: 15 * MINUTE },
  /** VNeID sign-ins started and answered from one client address (each writes a row): a center's Wi-Fi stays usable, a flood does not. */
  oidcPerAddress: { max: 30, window: 15 * MINUTE },
  /** Calls from an SMS or Zalo gateway, checked by their signature: a gateway's burst of reports passes, a flood does not. */
  gateway: { max: 600, window: MINUTE },
} satisfies Record<string, Limit>;
export type LimitName = keyof typeof LIMITS;

function tooMany(_req: FastifyRequest, ctx: { ttl: number }): AppError {
  const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
  return new AppError(429, 'RATE_LIMITED', `Quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ${seconds} giây.`, { retryAfterSeconds: seconds });
}

/**
 * The plugin's in-memory store hands every caller the same counter object and the plugin reads it after an await:
 * requests arriving together (a burst, exactly what the limit is for) all read the final count and are all refused,
 * the first ones included. This store answers each caller with a copy taken at its own increment.
 */
class SnapshotStore {
  private readonly inner: InstanceType<typeof LocalStore>;
  constructor(options: { continueExceeding?: boolean; exponentialBackoff?: boolean; cache?: number }) {
    this.inner = new LocalStore(options.continueExceeding ?? false, options.exponentialBackoff ?? false, options.cache);
  }
  incr(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number, max: number): void {
    this.inner.incr(key, (err: Error | null, res?: { current: number; ttl: number }) => cb(err, res && { current: res.current, ttl: res.ttl }), timeWindow, max);
  }
  read(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number, max: number): void {
    this.inner.read(key, cb, timeWindow, max);
  }
  child(options: { continueExceeding?: boolean; exponentialBackoff?: boolean; cache?: number }): SnapshotStore {
    return new SnapshotStore(options);
  }
}

export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, { global: false, errorResponseBuilder: tooMany, store: SnapshotStore as never });
}

/**
 * The route options of a named limit, or `false` (no limit) when MOTCUA_RATE_LIMIT_FACTOR is 0. `extra` adds a key
 * generator (per username…) or an allow-list (paired kiosks).
 */
export function limitOf(config: Pick<AppConfig, 'rateLimitFactor'>, name: LimitName, extra: Partial<RateLimitOptions> = {}): RateLimitOptions | false {
  if (config.rateLimitFactor === 0) return false;
  const l = LIMITS[name];
  return { max: Math.max(1, Math.round(l.max * config.rateLimitFactor)), timeWindow: l.window, groupId: name, ...extra };
}

/** Startup check: a public POST (anybody can send it, as often as they like) must name its limit. */
export function checkPublicPostLimited(route: RouteOptions): void {
  const methods = ([] as string[]).concat(route.method);
  const config = route.config as { access?: { public?: boolean }; rateLimit?: unknown } | undefined;
  if (!route.url.startsWith('/api/v1') || !methods.includes('POST') || !config?.access?.public) return;
  if (route.url === '/api/v1/auth/logout') return; // ends the caller's own session, nothing else
  if (config.rateLimit === undefined) throw new Error(`Public route POST ${route.url} declares no rate limit (src/http/rate-limits.ts)`);
}

/**
 * A second limit on a route that already has one (the plugin runs one limiter per request): checked in a preHandler,
 * so its key may come from the body (the username). Answers as the route limit does: 429, Retry-After.
 */
export function extraLimit(app: FastifyInstance, options: RateLimitOptions | false): (req: FastifyRequest, reply: FastifyReply) => Promise<void> {
  if (!options) return async () => undefined;
  const check = app.createRateLimit(options);
  return async (req, reply) => {
    const r = await check(req);
    if (r.isAllowed || !r.isExceeded) return;
    reply.header('retry-after', String(Math.max(1, Math.ceil(r.ttl / 1000))));
    throw tooMany(req, { ttl: r.ttl });
  };
}
