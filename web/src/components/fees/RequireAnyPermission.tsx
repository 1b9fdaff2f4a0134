import type { ReactNode } from 'react';
import { Forbidden } from '../ErrorState';
import { useMe } from '../../api/hooks';

/** Like RequirePermission, for screens that several roles use: any one of `perms` lets the user in. */
export function RequireAnyPermission({ perms, children }: { perms: string[]; children: ReactNode }) {
  const me = useMe();
  if (!perms.some((p) => me.data?.permissions.includes(p))) {
    return <Forbidden />;
  }
  return <>{children}</>;
}

/** The signed-in user's permissions as a predicate. */
export function useCan(): (perm: string) => boolean {
  const me = useMe().data;
  return (perm) => !!me?.permissions.includes(perm);
}
