// "Thanh toán trực tuyến (VNPay)" on the public dossier page: shown only when VNPay is set up and something is owed.
// The click asks the server for a signed payment URL (same proof as the page) and goes there.
import { useState } from 'react';
import { Alert, Button } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../api/client';
import { formatMoney } from '../../lib/format';

export function VnpayPayButton({ code, proof }: { code: string; proof: { t: string } | { verifier: string } }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const path = `/public/dossiers/${encodeURIComponent(code)}/payments`;
  const q = useQuery({ queryKey: ['public-payments', code, proof], queryFn: () => http.get<{ due: number; vnpay: boolean }>(path, proof) });
  if (!q.data?.vnpay || q.data.due <= 0) return null;
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      window.location.assign((await http.post<{ url: string }>(`${path}/vnpay`, proof)).url);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <div className="track-pay" data-testid="vnpay-pay" style={{ marginTop: 16 }}>
      <div>{t('payments.vnpayPay.due', { amount: formatMoney(q.data.due) })}</div>
      <Button type="primary" block loading={busy} onClick={() => void go()} style={{ marginTop: 8 }}>{t('payments.vnpayPay.button')}</Button>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
    </div>
  );
}
