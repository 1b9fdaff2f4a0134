import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useMe } from '../api/hooks';
import { PageLoading } from './PageLoading';
import { ErrorState, Forbidden } from './ErrorState';

/** Staff pages: wait for /auth/me, send anonymous visitors to /login?next=… */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function RequirePermission({ perm, children }: { perm: string; children: ReactNode }) {
  const me = useMe();
  if (!me.data?.permissions.includes(perm)) {
    return <Forbidden />;
  }
  return <>{children}</>;
}
