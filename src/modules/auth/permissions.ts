// The role → permission matrix. One declared table, tested on its own; routes name a permission, never a role.

export const ROLES = [
  'admin',
  'province_supervisor',
  'director',
  'deputy_director',
  'supervisor',
  'fee_collector',
  'reception',
  'specialist',
  'department_head',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  province_supervisor: { vi: 'Giám sát cấp tỉnh', en: 'Province supervisor' },
  director: { vi: 'Giám đốc Trung tâm', en: 'Center director' },
  deputy_director: { vi: 'Phó Giám đốc Trung tâm', en: 'Deputy director' },
  supervisor: { vi: 'Bộ phận Hỗ trợ – Giám sát', en: 'Support – supervision' },
  fee_collector: { vi: 'Thu phí, lệ phí', en: 'Fee collector' },
  reception: { vi: 'Tiếp nhận và trả kết quả', en: 'Reception and return' },
  specialist: { vi: 'Chuyên viên phòng chuyên môn', en: 'Department specialist' },
  department_head: { vi: 'Lãnh đạo phòng chuyên môn', en: 'Department head' },
};

export const PERMISSIONS = [
  'users.manage', // accounts and their roles
  'centers.manage', // centers, departments, counters
  'centers.view_all', // read every center (province-wide views)
  'catalog.manage', // edit, import and export the procedure catalog
  'calendar.manage', // days off and make-up working days
  'audit.view', // read the audit log of the caller's scope
  'dossiers.view_center', // every dossier of the caller's center
  'dossiers.view_department', // dossiers handed to the caller's department
  'dossiers.register',
  'dossiers.receive',
  'dossiers.return',
  'dossiers.process',
  'dossiers.approve',
  'dossiers.extend',
  'dossiers.urge', // urge a dossier or a department of the caller's center (đôn đốc)
  'fees.collect',
  'fees.void',
  'fees.manage', // the center's bank account, service charges, cash book sign-off, transfers to departments
  'queue.serve',
  'reports.view', // the center's figures: dashboards, period reports, statistics (province roles: every center)
  'reports.department', // the dashboard and reports of the caller's own department
  'reports.manage', // who receives the monthly report by e-mail
  'staff.assess', // the director's periodic assessment of the officers seconded to the center (Quy chế 16.3)
  'notifications.manage', // the center's e-mail, SMS and Zalo switches, texts and sender name
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['users.manage', 'centers.manage', 'centers.view_all', 'catalog.manage', 'calendar.manage', 'audit.view', 'notifications.manage'],
  province_supervisor: ['centers.view_all', 'dossiers.view_center', 'reports.view', 'audit.view'],
  director: ['dossiers.view_center', 'dossiers.extend', 'dossiers.urge', 'fees.void', 'fees.manage', 'reports.view', 'reports.manage', 'audit.view', 'notifications.manage', 'staff.assess'],
  deputy_director: ['dossiers.view_center', 'dossiers.extend', 'dossiers.urge', 'fees.void', 'fees.manage', 'reports.view', 'reports.manage', 'audit.view', 'notifications.manage'],
  supervisor: ['dossiers.view_center', 'dossiers.register', 'dossiers.urge', 'reports.view', 'audit.view'],
  fee_collector: ['dossiers.view_center', 'fees.collect'],
  // The clerk at the return counter issues the extension slip when a result is not ready at the appointment.
  reception: ['dossiers.view_center', 'dossiers.register', 'dossiers.receive', 'dossiers.return', 'dossiers.extend', 'queue.serve'],
  specialist: ['dossiers.view_department', 'dossiers.process'],
  department_head: ['dossiers.view_department', 'dossiers.process', 'dossiers.approve', 'reports.department'],
};

export function isRole(r: string): r is Role {
  return (ROLES as readonly string[]).includes(r);
}

export function permissionsOf(roles: readonly string[]): Permission[] {
  const set = new Set<Permission>();
  for (const r of roles) if (isRole(r)) for (const p of ROLE_PERMISSIONS[r]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function can(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => isRole(r) && ROLE_PERMISSIONS[r].includes(permission));
}

/** Roles whose holder works for the whole province rather than one center. */
export const PROVINCE_WIDE_ROLES: readonly Role[] = ['admin', 'province_supervisor'];
/** Roles that belong to a department and only see what reaches it. */
export const DEPARTMENT_ROLES: readonly Role[] = ['specialist', 'department_head'];
