import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS, ROLES, type Permission, type Role } from './permissions';

// The matrix written out as a table: a change to who may do what must change this test too.
const expected: Record<Permission, Role[]> = {
  'users.manage': ['admin'],
  'centers.manage': ['admin'],
  'centers.view_all': ['admin', 'province_supervisor'],
  'catalog.manage': ['admin'],
  'calendar.manage': ['admin'],
  'audit.view': ['admin', 'province_supervisor', 'director', 'deputy_director', 'supervisor'],
  'dossiers.view_center': ['province_supervisor', 'director', 'deputy_director', 'supervisor', 'fee_collector', 'reception'],
  'dossiers.view_department': ['specialist', 'department_head'],
  'dossiers.register': ['supervisor', 'reception'],
  'dossiers.receive': ['reception'],
  'dossiers.return': ['reception'],
  'dossiers.process': ['specialist', 'department_head'],
  'dossiers.approve': ['department_head'],
  'dossiers.extend': ['director', 'deputy_director', 'reception'],
  'dossiers.urge': ['director', 'deputy_director', 'supervisor'],
  'fees.collect': ['fee_collector'],
  'fees.void': ['director', 'deputy_director'],
  'fees.manage': ['director', 'deputy_director'],
  'queue.serve': ['reception'],
  'reports.view': ['province_supervisor', 'director', 'deputy_director', 'supervisor'],
  'reports.department': ['department_head'],
  'reports.manage': ['director', 'deputy_director'],
  'staff.assess': ['director'],
  'notifications.manage': ['admin', 'director', 'deputy_director'],
};

describe('permission matrix', () => {
  const cells = PERMISSIONS.flatMap((p) => ROLES.map((r) => [p, r, expected[p].includes(r)] as const));
  it.each(cells)('%s for %s → %s', (perm, role, allowed) => {
    expect(can([role], perm)).toBe(allowed);
  });

  it('every permission is granted to at least one role and every role has a permission', () => {
    for (const p of PERMISSIONS) expect(ROLES.some((r) => ROLE_PERMISSIONS[r].includes(p))).toBe(true);
    for (const r of ROLES) expect(ROLE_PERMISSIONS[r].length).toBeGreaterThan(0);
  });

  it('combines roles and ignores unknown ones', () => {
    expect(permissionsOf(['fee_collector', 'reception'])).toEqual(
      expect.arrayContaining(['fees.collect', 'dossiers.receive', 'queue.serve']),
    );
    expect(permissionsOf(['nobody'])).toEqual([]);
    expect(can(['nobody'], 'users.manage')).toBe(false);
  });
});
