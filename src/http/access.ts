import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../platform/errors';
import { can, type Permission } from '../modules/auth/permissions';

// Every API route declares who may call it in its `config.access`; the server refuses to start otherwise.
export type Access =
  | { public: true }
  | { authenticated: true }
  | { permission: Permission }
  | { anyPermission: readonly Permission[] };

export const PUBLIC: Access = { public: true };
export const AUTHENTICATED: Access = { authenticated: true };
export const perm = (permission: Permission): Access => ({ permission });
export const anyPerm = (...permissions: Permission[]): Access => ({ anyPermission: permissions });

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
  const actor = req.actor;
  if (!actor) throw unauthorized();
  if ('authenticated' in access) return;
  if ('permission' in access && !can(actor.roles, access.permission)) throw forbidden();
  if ('anyPermission' in access && !access.anyPermission.some((p) => can(actor.roles, p))) throw forbidden();
}
