import type { ReactNode } from 'react';
import { ClockCircleOutlined, DesktopOutlined, SafetyOutlined, SmileOutlined, FormOutlined, TabletOutlined } from '@ant-design/icons';
import { ApartmentOutlined, AuditOutlined, BookOutlined, CalendarOutlined, DashboardOutlined, TeamOutlined } from '@ant-design/icons';
import { AccountBookOutlined, BankOutlined, CreditCardOutlined, BarChartOutlined, DollarOutlined, NumberOutlined } from '@ant-design/icons';
import { FileAddOutlined, FolderOpenOutlined, InboxOutlined, PercentageOutlined, TrophyOutlined } from '@ant-design/icons';
import { CommentOutlined, MailOutlined } from '@ant-design/icons';
import { BellOutlined, FundOutlined, LineChartOutlined, NotificationOutlined, FieldTimeOutlined, MessageOutlined } from '@ant-design/icons';

export interface ConsoleEntry {
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** The permission needed; a list means any one of them. */
  perm?: string | string[];
  group?: 'admin';
}

/** Every console screen that exists; the menu shows those whose permission the user holds. */
export const consoleEntries: ConsoleEntry[] = [
  { path: '/console', labelKey: 'menu.dashboard', icon: <DashboardOutlined /> },
  { path: '/console/dossiers/new', labelKey: 'dossiers.menu.new', icon: <FileAddOutlined />, perm: 'dossiers.register' },
  { path: '/console/dossiers', labelKey: 'dossiers.menu.list', icon: <FolderOpenOutlined />, perm: ['dossiers.view_center', 'dossiers.view_department'] },
  { path: '/console/dossiers/inbox', labelKey: 'dossiers.menu.inbox', icon: <InboxOutlined />, perm: 'dossiers.process' },
  { path: '/console/queue', labelKey: 'queue.menu.counter', icon: <NotificationOutlined />, perm: 'queue.serve' },
  { path: '/console/reports', labelKey: 'reports.menu.reports', icon: <FundOutlined />, perm: ['reports.view', 'reports.department'] },
  { path: '/console/reports/late', labelKey: 'control.menu.late', icon: <FieldTimeOutlined />, perm: ['reports.view', 'reports.department'] },
  { path: '/console/reports/ranking', labelKey: 'ranking.menu.ranking', icon: <TrophyOutlined />, perm: ['reports.view', 'reports.department'] },
  { path: '/console/reports/index-766', labelKey: 'ranking.menu.index', icon: <PercentageOutlined />, perm: ['reports.view', 'reports.department'] },
  { path: '/console/reports/evaluations', labelKey: 'evaluations.menu.report', icon: <SmileOutlined />, perm: ['reports.view', 'reports.department'] },
  { path: '/console/evaluations/paper', labelKey: 'evaluations.menu.paper', icon: <FormOutlined />, perm: 'dossiers.return' },
  { path: '/console/notifications', labelKey: 'control.menu.notifications', icon: <BellOutlined /> },
  { path: '/console/feedback', labelKey: 'feedback.menu', icon: <CommentOutlined />, perm: ['feedback.manage', 'feedback.answer'] },
  { path: '/console/queue/stats', labelKey: 'queue.menu.stats', icon: <LineChartOutlined />, perm: 'reports.view' },
  { path: '/console/fees', labelKey: 'fees.menu.collect', icon: <DollarOutlined />, perm: ['fees.collect', 'fees.void', 'dossiers.receive'] },
  { path: '/console/fees/cashbook', labelKey: 'fees.menu.cashbook', icon: <AccountBookOutlined />, perm: ['fees.collect', 'fees.manage', 'reports.view'] },
  { path: '/console/fees/reports', labelKey: 'fees.menu.reports', icon: <BarChartOutlined />, perm: ['reports.view', 'fees.manage'] },
  { path: '/console/fees/transfers', labelKey: 'fees.menu.transfers', icon: <BankOutlined />, perm: 'fees.manage' },
  { path: '/console/fees/account', labelKey: 'fees.menu.account', icon: <CreditCardOutlined />, perm: 'fees.manage' },
  { path: '/console/fees/series', labelKey: 'fees.menu.settings', icon: <NumberOutlined />, perm: ['fees.manage', 'centers.manage'] },
  { path: '/console/center/hours', labelKey: 'menu.hours', icon: <ClockCircleOutlined />, perm: ['fees.manage', 'centers.manage'] },
  { path: '/console/notifications/settings', labelKey: 'notify.menu.settings', icon: <MessageOutlined />, perm: 'notifications.manage' },
  { path: '/console/admin/users', labelKey: 'menu.users', icon: <TeamOutlined />, perm: 'users.manage', group: 'admin' },
  { path: '/console/admin/centers', labelKey: 'menu.centers', icon: <ApartmentOutlined />, perm: 'centers.manage', group: 'admin' },
  { path: '/console/admin/catalog', labelKey: 'menu.catalog', icon: <BookOutlined />, perm: 'catalog.manage', group: 'admin' },
  { path: '/console/admin/calendar', labelKey: 'menu.calendar', icon: <CalendarOutlined />, perm: 'calendar.manage', group: 'admin' },
  { path: '/console/admin/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, perm: 'audit.view', group: 'admin' },
  { path: '/console/admin/smtp', labelKey: 'smtp.menu', icon: <MailOutlined />, perm: 'centers.manage', group: 'admin' },
  { path: '/console/admin/kiosks', labelKey: 'security.menu.kiosks', icon: <DesktopOutlined />, perm: 'centers.manage', group: 'admin' },
  { path: '/console/admin/evaluation-tablets', labelKey: 'evaluations.menu.tablets', icon: <TabletOutlined />, perm: 'centers.manage', group: 'admin' },
  { path: '/console/security', labelKey: 'security.menu.security', icon: <SafetyOutlined /> },
];

export function allowedEntries(permissions: string[] | undefined): ConsoleEntry[] {
  const perms = new Set(permissions ?? []);
  return consoleEntries.filter((e) => !e.perm || (Array.isArray(e.perm) ? e.perm.some((p) => perms.has(p)) : perms.has(e.perm)));
}
