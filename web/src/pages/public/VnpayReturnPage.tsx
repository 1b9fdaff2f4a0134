// Where VNPay sends the citizen back (/thanh-toan/vnpay?vnp_…): the server checks the signature and tells the state
// the IPN recorded; this page never decides a payment by itself.
import { useSearchParams, Link } from 'react-router-dom';
import { Alert, Button, Card, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatMoney } from '../../lib/format';

interface ReturnResult { valid: boolean; status: 'paid' | 'failed' | 'pending' | 'unknown'; dossierCode: string | null; amount: number | null }

export default function VnpayReturnPage() {
  const { t } = useTranslation();
  usePageTitle(t('payments.vnpayReturn.title'));
  const [params] = useSearchParams();
  const query = Object.fromEntries([...params].filter(([k]) => k.startsWith('vnp_')));
  const q = useQuery({
    queryKey: ['vnpay-return', query],
    queryFn: () => http.get<ReturnResult>('/public/payments/vnpay/return', query),
  });
  if (q.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  const ok = r.valid && r.status !== 'unknown' && r.dossierCode;
  const vars = { code: r.dossierCode ?? '', amount: r.amount === null ? '' : formatMoney(r.amount) };
  return (
    <Card title={t('payments.vnpayReturn.title')} data-testid="vnpay-return">
      {ok
        ? <Alert showIcon type={r.status === 'paid' ? 'success' : r.status === 'failed' ? 'error' : 'info'} message={t(`payments.vnpayReturn.${r.status as 'paid' | 'failed' | 'pending'}`, vars)} />
        : <Alert showIcon type="warning" message={t('payments.vnpayReturn.invalid')} />}
      {ok && (
        <div style={{ marginTop: 16, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <Link to={`/tra-cuu/${encodeURIComponent(r.dossierCode!)}`}>
            <Button>{t('payments.vnpayReturn.track')}</Button>
          </Link>
          {/* Paid from "Hồ sơ của tôi": back to the citizen's own dossier (sign-in asked if the session ended). */}
          <Link to={`/cong-dan/ho-so/${encodeURIComponent(r.dossierCode!)}`} data-testid="vnpay-return-mine">
            <Button>{t('payments.vnpayReturn.mine')}</Button>
          </Link>
        </div>
      )}
    </Card>
  );
}
