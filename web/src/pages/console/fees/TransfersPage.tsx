import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Modal, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckCircleOutlined, CloseCircleOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FeeMoney, FeeReconciliation, FeeTransferBatch } from '../../../api/types';
import { formatDate, formatDateTime } from '../../../lib/format';
import { ErrorState, errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useConfirmTransfer, useCreateTransfer, useReconciliation, useTransfers } from '../../../components/fees/api';
import { useFeeCenter } from '../../../components/fees/CenterPicker';
import { DATE_FORMAT, dayString, dayValue, thisMonth } from '../../../components/fees/dates';
import { useCan } from '../../../components/fees/RequireAnyPermission';
import { PageHeader } from '../PageHeader';
import '../../../components/fees/fees.css';
import { money } from '../../../components/fees/money';

type ReconRow = FeeReconciliation['rows'][number];
type BatchLine = FeeTransferBatch['lines'][number];

/** Chuyển tiền: batches that pay each department its share of a period, and the reconciliation to the đồng. */
export default function TransfersPage() {
  const { t } = useTranslation();
  usePageTitle(t('fees.menu.transfers'));
  const can = useCan();
  const { center, ready, picker } = useFeeCenter();
  const [[from, to], setPeriod] = useState<[string, string]>(thisMonth);
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<FeeTransferBatch | null>(null);
  const params = { from, to, center };
  const recon = useReconciliation(params, ready);
  const batches = useTransfers(params, ready);

  return (
    <div className="console-page">
      <PageHeader
        title={t('fees.menu.transfers')}
        subtitle={t('fees.transfers.subtitle')}
        extra={
          can('fees.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!ready} data-testid="transfer-create">
              {t('fees.transfers.create')}
            </Button>
          )
        }
      />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          {picker}
          <DatePicker.RangePicker
            value={[dayValue(from), dayValue(to)]}
            format={DATE_FORMAT}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setPeriod([dayString(v[0]), dayString(v[1])])}
            aria-label={t('fees.transfers.period')}
          />
        </div>
      </Card>
      {!ready ? (
        <Alert type="info" showIcon title={t('fees.chooseCenterHint')} />
      ) : (
        <>
          {recon.isError ? <ErrorState error={recon.error} onRetry={() => void recon.refetch()} /> : <ReconciliationCard r={recon.data} loading={recon.isFetching} />}
          <Card size="small" className="fee-card" title={t('fees.transfers.batches')}>
            {batches.isError ? (
              <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />
            ) : batches.data && batches.data.length === 0 ? (
              <Empty description={t('fees.transfers.noBatches')} />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }} size={16}>
                {(batches.data ?? []).map((b) => (
                  <BatchView key={b.id} b={b} canConfirm={can('fees.manage')} onConfirm={() => setConfirming(b)} />
                ))}
              </Space>
            )}
          </Card>
        </>
      )}
      {creating && <CreateModal from={from} to={to} center={center} onClose={() => setCreating(false)} />}
      {confirming && <ConfirmModal b={confirming} center={center} onClose={() => setConfirming(null)} />}
    </div>
  );
}

function ReconciliationCard({ r, loading }: { r: FeeReconciliation | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const moneyCell = (v: number) => <span className="nowrap fee-money">{money(v)}</span>;
  const columns: ColumnsType<ReconRow> = [
    { title: t('fees.transfers.col.department'), key: 'name', render: (_, row) => (row.departmentId ? row.name : row.name || t('fees.transfers.centerRow')) },
    { title: t('fees.transfers.col.collected'), dataIndex: 'collected', align: 'right', width: 130, render: (v: number) => <span className="nowrap fee-money strong">{money(v)}</span> },
    { title: t('fees.transfers.col.transferred'), dataIndex: 'transferred', align: 'right', width: 130, render: moneyCell },
    { title: t('fees.transfers.col.kept'), dataIndex: 'kept', align: 'right', width: 150, render: moneyCell },
    {
      title: t('fees.transfers.col.pending'),
      key: 'pending',
      align: 'right',
      width: 170,
      render: (_, row) => (
        <div className="nowrap fee-money">
          {money(row.pending)}
          {row.inBatch > 0 && <div className="muted small">{`${t('fees.transfers.col.inBatch')}: ${money(row.inBatch)}`}</div>}
        </div>
      ),
    },
    {
      title: t('fees.transfers.col.difference'),
      dataIndex: 'difference',
      align: 'right',
      width: 120,
      render: (v: number) => <span className={`nowrap fee-money strong${v !== 0 ? ' fee-negative' : ''}`}>{money(v)}</span>,
    },
  ];
  const total = r?.total;
  const cell = (i: number, v: number, strong = false) => (
    <Table.Summary.Cell index={i} align="right">
      <span className={`nowrap fee-money${strong ? ' strong' : ''}`}>{money(v)}</span>
    </Table.Summary.Cell>
  );
  return (
    <Card
      size="small"
      className="fee-card"
      data-testid="reconciliation"
      title={`${t('fees.transfers.reconciliation')}${r ? ` · ${formatDate(r.from)} – ${formatDate(r.to)}` : ''}`}
    >
      {r && (
        <div className="fee-balance">
          <span className="fee-equation">{t('fees.transfers.equation')}</span>
          {r.balanced ? (
            <Tag color="green" icon={<CheckCircleOutlined />} data-testid="recon-balanced">
              {t('fees.transfers.balanced')}
            </Tag>
          ) : (
            <Tag color="red" icon={<CloseCircleOutlined />} data-testid="recon-unbalanced">
              {t('fees.transfers.unbalanced', { amount: money(r.total.difference) })}
            </Tag>
          )}
          <span className="small">
            {moneyCell(r.total.collected)} = {moneyCell(r.total.transferred)} + {moneyCell(r.total.kept)} + {moneyCell(r.total.pending)}
          </span>
        </div>
      )}
      <Table<ReconRow>
        rowKey={(row) => row.departmentId ?? 'center'}
        size="middle"
        columns={columns}
        dataSource={r?.rows ?? []}
        loading={loading}
        pagination={false}
        scroll={{ x: 860 }}
        summary={() =>
          total && (r?.rows.length ?? 0) > 1 ? (
            <Table.Summary.Row className="fee-total-row">
              <Table.Summary.Cell index={0}>{t('fees.total')}</Table.Summary.Cell>
              {(['collected', 'transferred', 'kept', 'pending', 'difference'] as (keyof FeeMoney)[]).map((k, i) => cell(i + 1, total[k], true))}
            </Table.Summary.Row>
          ) : undefined
        }
      />
      {r && (
        <div className="small" style={{ marginTop: 8 }}>
          <div className={r.checks.ledgersAgree ? '' : 'fee-negative'}>{r.checks.ledgersAgree ? `✓ ${t('fees.transfers.ledgersAgree')}` : `✗ ${t('fees.transfers.ledgersDisagree')}`}</div>
          <div className={r.checks.batchesAgree ? '' : 'fee-negative'}>{r.checks.batchesAgree ? `✓ ${t('fees.transfers.batchesAgree')}` : `✗ ${t('fees.transfers.batchesDisagree')}`}</div>
        </div>
      )}
    </Card>
  );
}

function accountText(a: Record<string, string> | null): string | null {
  if (!a) return null;
  return [a.bankName, a.accountNumber, a.accountName].filter(Boolean).join(' · ');
}

function BatchView({ b, canConfirm, onConfirm }: { b: FeeTransferBatch; canConfirm: boolean; onConfirm: () => void }) {
  const { t } = useTranslation();
  const moneyCell = (v: number) => <span className="nowrap fee-money">{money(v)}</span>;
  const columns: ColumnsType<BatchLine> = [
    { title: t('fees.transfers.col.department'), dataIndex: 'departmentName' },
    { title: t('fees.transfers.col.receipts'), dataIndex: 'receipts', align: 'right', width: 100 },
    { title: t('fees.transfers.col.collected'), dataIndex: 'collected', align: 'right', width: 130, render: moneyCell },
    { title: t('fees.transfers.col.kept'), dataIndex: 'kept', align: 'right', width: 150, render: moneyCell },
    { title: t('fees.transfers.col.amount'), dataIndex: 'amount', align: 'right', width: 130, render: (v: number) => <span className="nowrap fee-money strong">{money(v)}</span> },
    { title: t('fees.transfers.col.account'), dataIndex: 'account', render: (a: BatchLine['account']) => accountText(a) ?? <span className="muted">{t('fees.transfers.noAccount')}</span> },
  ];
  return (
    <div data-testid="transfer-batch">
      <div className="fee-book-head" style={{ marginBottom: 8 }}>
        <span className="strong">{t('fees.transfers.batchTitle', { from: formatDate(b.periodFrom), to: formatDate(b.periodTo) })}</span>
        {b.status === 'confirmed' ? <Tag color="green">{t('fees.transfers.confirmed')}</Tag> : <Tag color="orange">{t('fees.transfers.created')}</Tag>}
        <span className="muted small">
          {b.status === 'confirmed' ? t('fees.transfers.confirmedAt', { time: formatDateTime(b.confirmedAt), ref: b.bankReference ?? '' }) : t('fees.transfers.createdAt', { time: formatDateTime(b.createdAt) })}
        </span>
        {b.note && <span className="small">{b.note}</span>}
        {canConfirm && b.status === 'created' && (
          <Button size="small" type="primary" icon={<SendOutlined />} onClick={onConfirm} data-testid="transfer-confirm">
            {t('fees.transfers.confirm')}
          </Button>
        )}
      </div>
      <Table<BatchLine>
        rowKey="departmentId"
        size="small"
        columns={columns}
        dataSource={b.lines}
        pagination={false}
        scroll={{ x: 860 }}
        summary={() => (
          <Table.Summary.Row className="fee-total-row">
            <Table.Summary.Cell index={0}>{t('fees.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {b.total.receipts}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {moneyCell(b.total.collected)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {moneyCell(b.total.kept)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              {moneyCell(b.total.amount)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} />
          </Table.Summary.Row>
        )}
      />
    </div>
  );
}

function CreateModal({ from, to, center, onClose }: { from: string; to: string; center?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateTransfer();
  const [[f, tt], setPeriod] = useState<[string, string]>([from, to]);
  const [note, setNote] = useState('');
  const submit = () =>
    create.mutate(
      { from: f, to: tt, note: note.trim(), center },
      {
        onSuccess: () => {
          void message.success(t('fees.transfers.createdOk'));
          onClose();
        },
      },
    );
  return (
    <Modal open title={t('fees.transfers.createTitle')} onCancel={onClose} onOk={submit} okText={t('fees.transfers.create')} cancelText={t('common.cancel')} okButtonProps={{ loading: create.isPending }} destroyOnHidden>
      <p className="muted">{t('fees.transfers.createHint')}</p>
      <Form layout="vertical" className="fee-period-form">
        <Form.Item label={t('fees.transfers.period')}>
          <DatePicker.RangePicker value={[dayValue(f), dayValue(tt)]} format={DATE_FORMAT} allowClear={false} onChange={(v) => v?.[0] && v[1] && setPeriod([dayString(v[0]), dayString(v[1])])} />
        </Form.Item>
        <Form.Item label={t('fees.transfers.note')}>
          <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      {create.isError && <Alert type="error" showIcon title={errorText(t, create.error)} />}
    </Modal>
  );
}

function ConfirmModal({ b, center, onClose }: { b: FeeTransferBatch; center?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirmTransfer();
  const submit = (v: { bankReference: string }) =>
    confirm.mutate(
      { id: b.id, bankReference: v.bankReference.trim(), center },
      {
        onSuccess: () => {
          void message.success(t('fees.transfers.confirmedOk'));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('fees.transfers.confirmTitle', { amount: money(b.total.amount) })}
      onCancel={onClose}
      okText={t('fees.transfers.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'fee-transfer-confirm', loading: confirm.isPending }}
      destroyOnHidden
    >
      <Form id="fee-transfer-confirm" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="bankReference" label={t('fees.transfers.bankReference')} rules={[{ required: true, whitespace: true, min: 3, message: t('fees.transfers.bankReferenceMin') }]}>
          <Input maxLength={80} autoFocus />
        </Form.Item>
      </Form>
      {confirm.isError && <Alert type="error" showIcon title={errorText(t, confirm.error)} />}
    </Modal>
  );
}
