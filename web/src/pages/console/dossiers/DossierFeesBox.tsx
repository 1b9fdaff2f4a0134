// The dossier's fees where the dossier is handled (issue 13 item 1): what it costs, what was paid, what is still
// owed — a result is handed over only when nothing is, or when a director waived it (with a reason, shown here).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { http } from '../../../api/client';
import { useMe } from '../../../api/hooks';
import { errorText } from '../../../components/ErrorState';
import { feeKeys, useFeeBreakdown } from '../../../components/fees/api';
import { formatDateTime, formatMoney } from '../../../lib/format';

const CLOSED = ['returned', 'refused', 'withdrawn'];

export function DossierFeesBox({ code, status }: { code: string; status: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe().data;
  const fees = useFeeBreakdown(code);
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const waive = useMutation({
    mutationFn: () => http.post(`/dossiers/${encodeURIComponent(code)}/fees/waive`, { reason: reason.trim() }),
    onSuccess: () => { setAsking(false); void qc.invalidateQueries({ queryKey: feeKeys.breakdown(code) }); },
  });
  const b = fees.data;
  if (!b) return null;
  const owed = b.due > 0 || b.undetermined.length > 0;
  const canWaive = !!me?.permissions.includes('fees.manage') && owed && !b.waiver && !CLOSED.includes(status);

  return (
    <div className="dossier-fees" data-testid="dossier-fees">
      <Descriptions size="small" column={1} colon={false}>
        <Descriptions.Item label={t('dossiers.fees.total')}>{b.total > 0 || b.final ? formatMoney(b.total) : t('dossiers.fees.none')}</Descriptions.Item>
        {b.total > 0 && <Descriptions.Item label={t('dossiers.fees.paid')}>{formatMoney(b.paid)}</Descriptions.Item>}
      </Descriptions>
      {b.waiver ? (
        <Alert type="info" showIcon title={t('dossiers.fees.waived', { amount: formatMoney(b.waiver.amount), by: b.waiver.by, at: formatDateTime(b.waiver.at) })} description={b.waiver.reason} />
      ) : b.undetermined.length > 0 ? (
        <Alert type="warning" showIcon title={t('dossiers.fees.undetermined')} />
      ) : b.due > 0 ? (
        <Alert type="warning" showIcon title={t('dossiers.fees.owed', { amount: formatMoney(b.due) })} description={t('dossiers.fees.owedHelp')} data-testid="fees-owed" />
      ) : b.total > 0 ? (
        <Tag color="green">{t('dossiers.fees.settled')}</Tag>
      ) : null}
      <Space wrap style={{ marginTop: 8 }}>
        {owed && !b.waiver && <Link to={`/console/fees?code=${encodeURIComponent(code)}`}>{t('dossiers.fees.collect')}</Link>}
        {canWaive && !asking && <Button size="small" onClick={() => setAsking(true)}>{t('dossiers.fees.waive')}</Button>}
      </Space>
      {asking && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text>{t('dossiers.fees.waiveReason')}</Typography.Text>
          <Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="waive-reason" />
          {waive.isError && <Alert type="error" showIcon title={errorText(t, waive.error)} style={{ marginTop: 8 }} />}
          <Space style={{ marginTop: 8 }}>
            <Button onClick={() => setAsking(false)}>{t('common.cancel')}</Button>
            <Button type="primary" danger disabled={reason.trim().length < 10} loading={waive.isPending} onClick={() => waive.mutate()} data-testid="waive-ok">{t('dossiers.fees.waiveOk')}</Button>
          </Space>
        </div>
      )}
    </div>
  );
}
