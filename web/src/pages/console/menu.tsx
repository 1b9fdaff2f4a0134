import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, BookOutlined, CalendarOutlined, DashboardOutlined, TeamOutlined } from '@ant-design/icons';

export interface ConsoleEntry {
  path: string;
  labelKey: string;
  icon: ReactNode;
  perm?: string;
  group?: 'admin';
}

/** Every console screen that exists; the menu shows those whose permission the user holds. */
export const consoleEntries: ConsoleEntry[] = [
  { path: '/console', labelKey: 'menu.dashboard', icon: <DashboardOutlined /> },
  { path: '/console/admin/users', labelKey: 'menu.users', icon: <TeamOutlined />, perm: 'users.manage', group: 'admin' },
  { path: '/console/admin/centers', labelKey: 'menu.centers', icon: <ApartmentOutlined />, perm: 'centers.manage', group: 'admin' },
  { path: '/console/admin/catalog', labelKey: 'menu.catalog', icon: <BookOutlined />, perm: 'catalog.manage', group: 'admin' },
  { path: '/console/admin/calendar', labelKey: 'menu.calendar', icon: <CalendarOutlined />, perm: 'calendar.manage', group: 'admin' },
  { path: '/console/admin/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, perm: 'audit.view', group: 'admin' },
];

export function allowedEntries(permissions: string[] | undefined): ConsoleEntry[] {
  const perms = new Set(permissions ?? []);
  return consoleEntries.filter((e) => !e.perm || perms.has(e.perm));
}
