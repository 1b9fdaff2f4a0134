// Paying a dossier online, on the public look-up page (proof: the slip's token or 4 digits) and on the signed-in
// citizen's dossier (`citizen`: the citizen routes, own dossiers only). Shown only when something is owed: the amount,
// the VNPay button (when the center has VNPay) and the VietQR code of a transfer of exactly that amount with the dossier
// code as content, which the fee collector matches and confirms. Plain HTML and the .pay-* classes of styles.css: no
// antd, the public pages stay light.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../api/client';
import type { Answer } from '../../api/types';
import { formatMoney } from '../../lib/format';

type Offer = Answer<'/api/v1/citizen/dossiers/{code}/payments'>;
type Proof = { t: string } | { verifier: string };

export function VnpayPayButton({ code, proof, citizen = false }: { code: string; proof?: Proof; citizen?: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const path = citizen ? `/citizen/dossiers/${encodeURIComponent(code)}/payments` : `/public/dossiers/${encodeURIComponent(code)}/payments`;
  const q = useQuery({
    queryKey: [citizen ? 'citizen' : 'public', 'payments', code, proof ?? null],
    queryFn: () => http.get<Offer>(path, citizen ? undefined : proof),
    enabled: citizen || proof !== undefined,
    retry: false,
  });
  const o = q.data;
  if (!o || o.due <= 0 || (!o.vnpay && !o.vietqr)) return null;
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      window.location.assign((await http.post<{ url: string }>(`${path}/vnpay`, citizen ? {} : proof)).url);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  };
  const qr = o.vietqr;
  return (
    <section className="pay-box" data-testid="vnpay-pay" aria-labelledby={`pay-title-${code}`}>
      <h3 id={`pay-title-${code}`} className="pay-title">{t('payments.vnpayPay.title')}</h3>
      <p className="pay-due" data-testid="pay-due">{t('payments.vnpayPay.due', { amount: formatMoney(o.due) })}</p>
      {o.vnpay && (
        <button type="button" className="pay-btn" disabled={busy} aria-busy={busy} onClick={() => void go()} data-testid="vnpay-button">
          {busy ? t('payments.vnpayPay.busy') : t('payments.vnpayPay.button')}
        </button>
      )}
      {error && <p className="pay-error" role="alert">{error}</p>}
      {qr && (
        <div className="pay-qr" data-testid="vietqr">
          <h4 className="pay-subtitle">{t('payments.vnpayPay.vietqrTitle')}</h4>
          <p className="pay-hint">{t('payments.vnpayPay.vietqrIntro')}</p>
          <img className="pay-qr-img" src={qr.imageDataUrl} width={220} height={220} alt={t('payments.vnpayPay.qrAlt', { amount: formatMoney(qr.amount), code })} />
          <dl className="pay-facts">
            <dt>{t('payments.vnpayPay.bank')}</dt><dd>{qr.bank}</dd>
            <dt>{t('payments.vnpayPay.account')}</dt><dd className="pay-mono">{qr.account}</dd>
            <dt>{t('payments.vnpayPay.accountName')}</dt><dd>{qr.accountName}</dd>
            <dt>{t('payments.vnpayPay.amount')}</dt><dd><strong>{formatMoney(qr.amount)}</strong></dd>
            <dt>{t('payments.vnpayPay.content')}</dt><dd className="pay-mono" data-testid="vietqr-content">{qr.content}</dd>
          </dl>
          <p className="pay-note">{t('payments.vnpayPay.note')}</p>
          {qr.isDemo && <p className="pay-note pay-demo">{t('payments.vnpayPay.demo')}</p>}
        </div>
      )}
    </section>
  );
}
