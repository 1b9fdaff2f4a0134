// Refunds of a dossier that ended without a result (issue 13 item 1): what was paid, what was already refunded and
// what can still be; a fee collector pays it back with a reason and gets a numbered refund slip (HP-…), which the
// cash book shows as money out.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Input, InputNumber, Radio, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiUrl, http, newIdempotencyKey } from '../../../api/client';
import { useMe } from '../../../api/hooks';
import type { Answer } from '../../../api/types';
import { errorText } from '../../../components/ErrorState';
import { formatDateTime, formatMoney } from '../../../lib/format';

type Standing = Answer<'/api/v1/dossiers/{code}/fees/refunds'>;
type Refund = Standing['items'][number];
const ENDED = ['refused', 'withdrawn'];

export function DossierRefundsBox({ code, status }: { code: string; status: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe().data;
  const key = ['fees', 'refunds', code] as const;
  const standing = useQuery({ queryKey: key, queryFn: () => http.get<Standing>(`/dossiers/${encodeURIComponent(code)}/fees/refunds`), enabled: ENDED.includes(status) });
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState<'cash' | 'transfer'>('cash');
  const [idem, setIdem] = useState(newIdempotencyKey);
  const refund = useMutation({
    mutationFn: () => http.post(`/dossiers/${encodeURIComponent(code)}/fees/refunds`, { amount, reason: reason.trim(), method }, { 'idempotency-key': idem }),
    onSuccess: () => {
      setOpen(false); setReason(''); setAmount(null); setIdem(newIdempotencyKey());
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: ['fees', 'cashbook'] });
      void qc.invalidateQueries({ queryKey: ['fees', 'report'] });
    },
  });
  const s = standing.data;
  if (!ENDED.includes(status) || !s || (s.paid === 0 && s.items.length === 0)) return null;
  const canRefund = !!me?.permissions.includes('fees.collect') && s.refundable > 0;

  return (
    <div className="dossier-refunds" data-testid="dossier-refunds" style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('dossiers.refunds.title')}</Typography.Text>
      <Descriptions size="small" column={1} colon={false}>
        <Descriptions.Item label={t('dossiers.refunds.paid')}>{formatMoney(s.paid)}</Descriptions.Item>
        <Descriptions.Item label={t('dossiers.refunds.refunded')}>{formatMoney(s.refunded)}</Descriptions.Item>
        <Descriptions.Item label={t('dossiers.refunds.refundable')}><strong data-testid="refundable">{formatMoney(s.refundable)}</strong></Descriptions.Item>
      </Descriptions>
      {s.items.length > 0 && (
        <Table<Refund>
          size="small" rowKey="id" pagination={false} dataSource={s.items}
          columns={[
            {
              title: t('dossiers.refunds.number'), dataIndex: 'refundNumber',
              render: (v: string, r) => (
                <div>
                  <div className="code nowrap">{v}</div>
                  <a href={apiUrl(`/dossiers/${encodeURIComponent(code)}/fees/refunds/${r.id}.pdf`)} target="_blank" rel="noopener noreferrer" data-testid="refund-print">{t('dossiers.refunds.print')}</a>
                </div>
              ),
            },
            { title: t('dossiers.refunds.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => <span className="nowrap">{formatMoney(v)}</span> },
            { title: t('dossiers.refunds.reason'), key: 'reason', render: (_, r) => <div><div>{r.reason}</div><div className="muted small">{r.by} · {formatDateTime(r.at)} · {t(`fees.method.${r.method}`)}</div></div> },
          ]}
        />
      )}
      {canRefund && !open && (
        <Button size="small" style={{ marginTop: 8 }} onClick={() => { setAmount(s.refundable); setOpen(true); }} data-testid="refund-open">{t('dossiers.refunds.open')}</Button>
      )}
      {open && (
        <div style={{ marginTop: 8 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <InputNumber<number> min={1} max={s.refundable} value={amount} onChange={setAmount} style={{ width: 180 }} addonAfter="đ"
                formatter={(v) => (v === undefined || v === null ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.'))} parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
                data-testid="refund-amount" />
              <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as 'cash' | 'transfer')}>
                <Radio value="cash">{t('fees.method.cash')}</Radio>
                <Radio value="transfer">{t('fees.method.transfer')}</Radio>
              </Radio.Group>
            </Space>
            <Typography.Text>{t('dossiers.refunds.reasonLabel')}</Typography.Text>
            <Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="refund-reason" />
            {refund.isError && <Alert type="error" showIcon title={errorText(t, refund.error)} />}
            <Space>
              <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
              <Button type="primary" danger disabled={reason.trim().length < 10 || !amount} loading={refund.isPending} onClick={() => refund.mutate()} data-testid="refund-ok">
                {t('dossiers.refunds.ok', { amount: formatMoney(amount ?? 0) })}
              </Button>
            </Space>
          </Space>
        </div>
      )}
    </div>
  );
}
