import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { loadAllStrings } from './i18n';
import { ApiError } from './api/client';
import { PublicLayout } from './components/PublicLayout';
import { PageLoading } from './components/PageLoading';

// Everything built with Ant Design sits under AntdShell, a chunk of its own that also brings every screen's
// strings (console included): the light public pages load neither.
const AntdShell = lazy(() => Promise.all([import('./components/AntdShell'), loadAllStrings()]).then(([m]) => m));
const HomePage = lazy(() => import('./pages/public/HomePage').then((m) => ({ default: m.HomePage })));
const ProceduresPage = lazy(() => import('./pages/public/ProceduresPage').then((m) => ({ default: m.ProceduresPage })));
const ProcedureDetailPage = lazy(() => import('./pages/public/ProcedureDetailPage').then((m) => ({ default: m.ProcedureDetailPage })));
const LoginPage = lazy(() => import('./pages/public/LoginPage').then((m) => ({ default: m.LoginPage })));
const NotFoundPage = lazy(() => import('./pages/public/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const ConsoleRoutes = lazy(() => import('./ConsoleRoutes'));
const TrackPage = lazy(() => import('./pages/public/TrackPage'));
const RatePage = lazy(() => import('./pages/public/RatePage'));
const FeedbackFormPage = lazy(() => import('./pages/public/FeedbackPage').then((m) => ({ default: m.FeedbackFormPage })));
const FeedbackTrackPage = lazy(() => import('./pages/public/FeedbackPage').then((m) => ({ default: m.FeedbackTrackPage })));
const FeedbackPublishedPage = lazy(() => import('./pages/public/FeedbackPage').then((m) => ({ default: m.FeedbackPublishedPage })));
const CitizenPage = lazy(() => import('./pages/public/CitizenPage'));
const OnlineSubmitPage = lazy(() => import('./pages/public/OnlineSubmitPage'));
const TransparencyPage = lazy(() => import('./pages/public/TransparencyPage'));
const VerifyPage = lazy(() => import('./pages/public/VerifyPage'));
const VnpayReturnPage = lazy(() => import('./pages/public/VnpayReturnPage'));
const KioskPage = lazy(() => import('./pages/queue/KioskPage'));
const BoardPage = lazy(() => import('./pages/queue/BoardPage'));
const FollowPage = lazy(() => import('./pages/queue/FollowPage'));
const EvaluationTabletPage = lazy(() => import('./pages/evaluations/TabletPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route element={<PublicLayout />}>
              <Route index element={<HomePage />} />
              <Route path="procedures" element={<ProceduresPage />} />
              <Route path="procedures/:code" element={<ProcedureDetailPage />} />
              <Route path="tra-cuu" element={<TrackPage />} />
              <Route path="tra-cuu/:code" element={<TrackPage />} />
              <Route path="login" element={<LoginPage />} />
              <Route path="cong-dan" element={<CitizenPage />} />
              <Route path="cong-dan/ho-so/:code" element={<CitizenPage />} />
              <Route path="cong-dan/nop/:code" element={<OnlineSubmitPage />} />
              <Route element={<AntdShell />}>
                <Route path="danh-gia/:token" element={<RatePage />} />
                <Route path="phan-anh" element={<FeedbackFormPage />} />
                <Route path="phan-anh/cong-khai" element={<FeedbackPublishedPage />} />
                <Route path="phan-anh/:code" element={<FeedbackTrackPage />} />
                <Route path="cong-khai/:center" element={<TransparencyPage />} />
                <Route path="xac-thuc/:id" element={<VerifyPage />} />
                <Route path="thanh-toan/vnpay" element={<VnpayReturnPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Route>
            <Route element={<AntdShell />}>
              <Route path="kiosk/:center" element={<KioskPage />} />
              <Route path="board/:center" element={<BoardPage />} />
              <Route path="danh-gia-tai-quay" element={<EvaluationTabletPage />} />
              <Route path="queue/ticket/:id" element={<FollowPage />} />
              <Route path="queue/follow/:id" element={<FollowPage />} />
              <Route path="console/*" element={<ConsoleRoutes />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
