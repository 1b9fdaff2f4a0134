// The staff console's routes, a chunk of their own (App.tsx mounts them at /console/* inside AntdShell).
import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth, RequirePermission } from './components/RequireAuth';
import { RequireAnyPermission as RequireAnyDossierPerm, VIEW_PERMS } from './pages/console/dossiers/guards';
import { RequireAnyPermission } from './components/fees/RequireAnyPermission';

const NotFoundPage = lazy(() => import('./pages/public/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const ConsoleLayout = lazy(() => import('./pages/console/ConsoleLayout'));
const DashboardPage = lazy(() => import('./pages/console/DashboardPage'));
const UsersPage = lazy(() => import('./pages/console/users/UsersPage'));
const CentersPage = lazy(() => import('./pages/console/centers/CentersPage'));
const CatalogPage = lazy(() => import('./pages/console/catalog/CatalogPage'));
const CalendarPage = lazy(() => import('./pages/console/calendar/CalendarPage'));
const SecurityPage = lazy(() => import('./pages/console/security/SecurityPage'));
const KioskDevicesPage = lazy(() => import('./pages/console/security/KioskDevicesPage'));
const AuditPage = lazy(() => import('./pages/console/audit/AuditPage'));
const ReceptionPage = lazy(() => import('./pages/console/dossiers/ReceptionPage'));
const DossiersPage = lazy(() => import('./pages/console/dossiers/DossiersPage'));
const InboxPage = lazy(() => import('./pages/console/dossiers/InboxPage'));
const DossierPage = lazy(() => import('./pages/console/dossiers/DossierPage'));
const FeedbackListPage = lazy(() => import('./pages/console/feedback/FeedbackListPage'));
const FeedbackDetailPage = lazy(() => import('./pages/console/feedback/FeedbackDetailPage'));
const RankingPage = lazy(() => import('./pages/console/ranking/RankingPage'));
const IndexPage = lazy(() => import('./pages/console/ranking/IndexPage'));
const FeesPage = lazy(() => import('./pages/console/fees/FeesPage'));
const FeeCashbookPage = lazy(() => import('./pages/console/fees/CashbookPage'));
const FeeReportsPage = lazy(() => import('./pages/console/fees/ReportsPage'));
const FeeTransfersPage = lazy(() => import('./pages/console/fees/TransfersPage'));
const FeeSeriesPage = lazy(() => import('./pages/console/fees/SeriesPage'));
const FeeAccountPage = lazy(() => import('./pages/console/fees/AccountPage'));
const CenterHoursPage = lazy(() => import('./pages/console/center/HoursPage'));
const QueueCounterPage = lazy(() => import('./pages/console/queue/CounterPage'));
const QueueStatsPage = lazy(() => import('./pages/console/queue/StatsPage'));
const ReportsPage = lazy(() => import('./pages/console/reports/ReportsPage'));
const NotifySettingsPage = lazy(() => import('./pages/console/notifications/NotifySettingsPage'));
const SmtpSettingsPage = lazy(() => import('./pages/console/notifications/SmtpSettingsPage'));
const NotificationsPage = lazy(() => import('./pages/console/control/NotificationsPage'));
const LateReportPage = lazy(() => import('./pages/console/control/LateReportPage'));
const EvaluationTabletsPage = lazy(() => import('./pages/console/evaluations/TabletsPage'));
const EvaluationPaperPage = lazy(() => import('./pages/console/evaluations/PaperEntryPage'));
const EvaluationReportPage = lazy(() => import('./pages/console/evaluations/EvaluationReportPage'));

export default function ConsoleRoutes() {
  return (
    <Routes>
      <Route
        element={
          <RequireAuth>
            <ConsoleLayout />
          </RequireAuth>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="dossiers" element={<RequireAnyDossierPerm perms={VIEW_PERMS}><DossiersPage /></RequireAnyDossierPerm>} />
        <Route path="dossiers/new" element={<RequirePermission perm="dossiers.register"><ReceptionPage /></RequirePermission>} />
        <Route path="dossiers/inbox" element={<RequirePermission perm="dossiers.process"><InboxPage /></RequirePermission>} />
        <Route path="dossiers/:code" element={<RequireAnyDossierPerm perms={VIEW_PERMS}><DossierPage /></RequireAnyDossierPerm>} />
        <Route path="admin/users" element={<RequirePermission perm="users.manage"><UsersPage /></RequirePermission>} />
        <Route path="admin/centers" element={<RequirePermission perm="centers.manage"><CentersPage /></RequirePermission>} />
        <Route path="admin/catalog" element={<RequirePermission perm="catalog.manage"><CatalogPage /></RequirePermission>} />
        <Route path="admin/calendar" element={<RequirePermission perm="calendar.manage"><CalendarPage /></RequirePermission>} />
        <Route path="fees" element={<RequireAnyPermission perms={['dossiers.view_center']}><FeesPage /></RequireAnyPermission>} />
        <Route path="fees/cashbook" element={<RequireAnyPermission perms={['fees.collect', 'fees.manage', 'reports.view']}><FeeCashbookPage /></RequireAnyPermission>} />
        <Route path="fees/reports" element={<RequireAnyPermission perms={['reports.view', 'fees.manage']}><FeeReportsPage /></RequireAnyPermission>} />
        <Route path="fees/transfers" element={<RequireAnyPermission perms={['fees.manage']}><FeeTransfersPage /></RequireAnyPermission>} />
        <Route path="fees/account" element={<RequirePermission perm="fees.manage"><FeeAccountPage /></RequirePermission>} />
        <Route path="fees/series" element={<RequireAnyPermission perms={['fees.manage', 'centers.manage']}><FeeSeriesPage /></RequireAnyPermission>} />
        <Route path="center/hours" element={<RequireAnyPermission perms={['fees.manage', 'centers.manage']}><CenterHoursPage /></RequireAnyPermission>} />
        <Route path="queue" element={<RequirePermission perm="queue.serve"><QueueCounterPage /></RequirePermission>} />
        <Route path="queue/stats" element={<RequirePermission perm="reports.view"><QueueStatsPage /></RequirePermission>} />
        <Route path="reports" element={<RequireAnyPermission perms={['reports.view', 'reports.department']}><ReportsPage /></RequireAnyPermission>} />
        <Route path="reports/evaluations" element={<RequireAnyPermission perms={['reports.view', 'reports.department']}><EvaluationReportPage /></RequireAnyPermission>} />
        <Route path="evaluations/paper" element={<RequirePermission perm="dossiers.return"><EvaluationPaperPage /></RequirePermission>} />
        <Route path="admin/evaluation-tablets" element={<RequirePermission perm="centers.manage"><EvaluationTabletsPage /></RequirePermission>} />
        <Route path="reports/late" element={<RequireAnyPermission perms={['reports.view', 'reports.department']}><LateReportPage /></RequireAnyPermission>} />
        <Route path="reports/ranking" element={<RequireAnyPermission perms={['reports.view', 'reports.department']}><RankingPage /></RequireAnyPermission>} />
        <Route path="reports/index-766" element={<RequireAnyPermission perms={['reports.view', 'reports.department']}><IndexPage /></RequireAnyPermission>} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="feedback" element={<RequireAnyPermission perms={['feedback.manage', 'feedback.answer']}><FeedbackListPage /></RequireAnyPermission>} />
        <Route path="feedback/:id" element={<RequireAnyPermission perms={['feedback.manage', 'feedback.answer']}><FeedbackDetailPage /></RequireAnyPermission>} />
        <Route path="admin/audit" element={<RequirePermission perm="audit.view"><AuditPage /></RequirePermission>} />
        <Route path="security" element={<SecurityPage />} />
        <Route path="admin/smtp" element={<RequirePermission perm="centers.manage"><SmtpSettingsPage /></RequirePermission>} />
        <Route path="admin/kiosks" element={<RequirePermission perm="centers.manage"><KioskDevicesPage /></RequirePermission>} />
        <Route path="notifications/settings" element={<RequirePermission perm="notifications.manage"><NotifySettingsPage /></RequirePermission>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
