import { z } from 'zod';
import { named } from '../../http/openapi';
import type { Queryable } from '../../platform/db';
import { one } from '../../platform/db';
import type { Actor } from './actor';
import { actorPermissions } from './actor';
import { twoFactorState } from './totp';
import { isRole, ROLE_NAMES } from './permissions';

export const RefSchema = named('Ref', z.object({ id: z.string(), code: z.string(), name: z.string() }));

export const MeSchema = named('Me', z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(z.string()),
  roleNames: z.array(z.string()),
  permissions: z.array(z.string()),
  center: RefSchema.nullable(),
  department: RefSchema.nullable(),
  /** Two-factor sign-in: on or not, and whether the account's roles call for it (administrators, directors). */
  twoFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
}));
export type Me = z.infer<typeof MeSchema>;

export async function presentMe(db: Queryable, actor: Actor): Promise<Me> {
  const row = await one<{ c_id: string | null; c_code: string | null; c_name: string | null; d_id: string | null; d_code: string | null; d_name: string | null }>(
    db,
    `SELECT c.id AS c_id, c.code AS c_code, c.name AS c_name, d.id AS d_id, d.code AS d_code, d.name AS d_name
       FROM users u LEFT JOIN centers c ON c.id = u.center_id LEFT JOIN departments d ON d.id = u.department_id
      WHERE u.id = $1`,
    [actor.id],
  );
  return {
    id: actor.id,
    username: actor.username,
    fullName: actor.fullName,
    roles: actor.roles,
    roleNames: actor.roles.map((r) => (isRole(r) ? ROLE_NAMES[r].vi : r)),
    permissions: actorPermissions(actor),
    center: row?.c_id ? { id: row.c_id, code: row.c_code!, name: row.c_name! } : null,
    department: row?.d_id ? { id: row.d_id, code: row.d_code!, name: row.d_name! } : null,
    twoFactor: await twoFactorState(db, actor.id, actor.roles),
  };
}
