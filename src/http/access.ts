import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, forbidden, unauthorized } from '../platform/errors';
import { can, type Permission } from '../modules/auth/permissions';
import type { AppConfig } from '../config';

// Every API route declares who may call it in its `config.access`; the server refuses to start otherwise.
export type Access =
  | { public: true }
  | { authenticated: true }
  | { permission: Permission }
  | { anyPermission: readonly Permission[] }
  /** Operations endpoints (GET /metrics): a program on this machine, or anywhere with MOTCUA_METRICS_TOKEN. */
  | { loopbackOrToken: true }
  /** A machine partner (e.g. the SMS gateway) with the configured bearer token; closed while none is configured. */
  | { bearer: { variable: string; token: (config: AppConfig) => string | undefined } }
  /** A citizen signed in with a one-time code (citizen cookie); a staff session never counts. */
  | { citizen: true };

export const PUBLIC: Access = { public: true };
export const AUTHENTICATED: Access = { authenticated: true };
export const perm = (permission: Permission): Access => ({ permission });
export const anyPerm = (...permissions: Permission[]): Access => ({ anyPermission: permissions });
export const CITIZEN: Access = { citizen: true };
export const LOOPBACK_OR_TOKEN: Access = { loopbackOrToken: true };
export const bearer = (variable: string, token: (config: AppConfig) => string | undefined): Access => ({ bearer: { variable, token } });

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export function accessOf(config: unknown): Access | undefined {
  return (config as { access?: Access } | undefined)?.access;
}

/** The check run before every handler. */
export async function enforceAccess(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const access = accessOf(req.routeOptions.config);
  if (!access || 'public' in access) return;
  if ('loopbackOrToken' in access) return checkLoopbackOrToken(req);
  if ('bearer' in access) return checkBearer(req, access.bearer);
  if ('citizen' in access) {
    if (!req.citizen) throw new AppError(401, 'CITIZEN_UNAUTHENTICATED', 'Vui lòng đăng nhập: bằng mã một lần gửi tới điện thoại hoặc e-mail của bạn, hoặc bằng tài khoản định danh điện tử khi Trung tâm có bật.');
    return;
  }
  const actor = req.actor;
  if (!actor) throw unauthorized();
  if ('authenticated' in access) return;
  if ('permission' in access && !can(actor.roles, access.permission)) throw forbidden();
  if ('anyPermission' in access && !access.anyPermission.some((p) => can(actor.roles, p))) throw forbidden();
}

const digest = (s: string) => createHash('sha256').update(s).digest();
const isLoopback = (addr: string | undefined) => !!addr && (addr === '::1' || /^(::ffff:)?127\./.test(addr));

/**
 * A bearer token equal to MOTCUA_METRICS_TOKEN opens the door from anywhere; without one, only a connection from
 * this machine. Behind a reverse proxy (MOTCUA_TRUST_PROXY=1) the connection comes from the proxy — often on this
 * machine too — on behalf of anybody, so there the token is always required.
 */
function checkLoopbackOrToken(req: FastifyRequest): void {
  const { metricsToken, trustProxy } = req.server.deps.config;
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (metricsToken && m && timingSafeEqual(digest(m[1]), digest(metricsToken))) return;
    throw new AppError(401, 'METRICS_TOKEN_INVALID', 'Mã truy cập số liệu giám sát không đúng.');
  }
  if (!trustProxy && isLoopback(req.socket.remoteAddress)) return;
  throw metricsToken
    ? new AppError(401, 'METRICS_TOKEN_REQUIRED', 'Cần mã truy cập (Authorization: Bearer …) để xem số liệu giám sát.')
    : new AppError(403, 'METRICS_LOOPBACK_ONLY', 'Số liệu giám sát chỉ xem được từ chính máy chủ (hoặc với mã truy cập MOTCUA_METRICS_TOKEN).');
}

function checkBearer(req: FastifyRequest, b: { variable: string; token: (config: AppConfig) => string | undefined }): void {
  const want = b.token(req.server.deps.config);
  if (!want) throw new AppError(403, 'BEARER_NOT_CONFIGURED', `Cổng này đang đóng: chưa cấu hình ${b.variable}.`);
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!m || !timingSafeEqual(digest(m[1]), digest(want))) throw new AppError(401, 'BEARER_INVALID', `Thiếu hoặc sai mã truy cập (Authorization: Bearer, ${b.variable}).`);
}
