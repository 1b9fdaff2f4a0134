import type { ReactNode } from 'react';
import { Forbidden } from '../../../components/ErrorState';
import { useMe } from '../../../api/hooks';

/** Like RequirePermission, for screens open to several permissions (any one of them is enough). */
export function RequireAnyPermission({ perms, children }: { perms: string[]; children: ReactNode }) {
  const me = useMe();
  if (!perms.some((p) => me.data?.permissions.includes(p))) {
    return <Forbidden />;
  }
  return <>{children}</>;
}

export const VIEW_PERMS = ['dossiers.view_center', 'dossiers.view_department'];
