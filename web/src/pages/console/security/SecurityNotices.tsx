// Above every console page: what happened to the account while its owner was away (once, after sign-in), and, for the
// roles that need it, the request to turn on two-factor sign-in.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/hooks';
import { formatDateTime } from '../../../lib/format';
import { takeSignInNotice } from './notices';
import './security.css';

export function SecurityNotices() {
  const { t } = useTranslation();
  const me = useMe();
  const [notice] = useState(takeSignInNotice);
  const [closed, setClosed] = useState(false);
  const twoFactor = me.data?.twoFactor;
  return (
    <div className="security-notices">
      {notice && !closed && (
        <Alert type="warning" showIcon closable onClose={() => setClosed(true)} data-testid="failed-signins"
          title={notice.failedSignIns
            ? t('security.notice.failures', { count: notice.failedSignIns.count, first: formatDateTime(notice.failedSignIns.firstAt), last: formatDateTime(notice.failedSignIns.lastAt) })
            : t('security.notice.recoveryUsed')} />
      )}
      {twoFactor?.required && !twoFactor.enabled && (
        <Alert type="info" showIcon data-testid="enrol-2fa"
          title={t('security.notice.enrol', { role: me.data?.roleNames.join(', ') ?? '' })}
          action={<Link to="/console/security"><Button size="small" type="primary">{t('security.notice.enrolNow')}</Button></Link>} />
      )}
    </div>
  );
}
