import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/hooks';

/** Like RequirePermission, for screens open to several permissions (any one of them is enough). */
export function RequireAnyPermission({ perms, children }: { perms: string[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!perms.some((p) => me.data?.permissions.includes(p))) {
    return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} />;
  }
  return <>{children}</>;
}

export const VIEW_PERMS = ['dossiers.view_center', 'dossiers.view_department'];
