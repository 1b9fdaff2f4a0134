import { can, DEPARTMENT_ROLES, permissionsOf, PROVINCE_WIDE_ROLES, type Permission } from './permissions';
import { forbidden } from '../../platform/errors';

/** Who is calling: the signed-in staff member with their scope. */
export interface Actor {
  id: string;
  username: string;
  fullName: string;
  roles: string[];
  centerId: string | null;
  departmentId: string | null;
  sessionId: string;
}

export const actorCan = (a: Actor, p: Permission) => can(a.roles, p);
export const actorPermissions = (a: Actor) => permissionsOf(a.roles);
export const isProvinceWide = (a: Actor) => a.roles.some((r) => (PROVINCE_WIDE_ROLES as readonly string[]).includes(r));
export const isDepartmentStaff = (a: Actor) =>
  a.roles.some((r) => (DEPARTMENT_ROLES as readonly string[]).includes(r)) && !actorCan(a, 'dossiers.view_center');

/**
 * The center a query may look at. Province-wide roles may name any center (or none: all);
 * everyone else is held to their own center whatever they ask for.
 */
export function scopedCenter(a: Actor, requested?: string | null): string | null {
  if (isProvinceWide(a)) return requested ?? null;
  if (!a.centerId) throw forbidden('Tài khoản chưa được gán cho Trung tâm nào.');
  if (requested && requested !== a.centerId) throw forbidden('Bạn chỉ được xem dữ liệu của Trung tâm mình.');
  return a.centerId;
}
