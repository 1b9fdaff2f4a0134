import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FeeReceipt } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { ErrorState, errorText } from '../ErrorState';
import { receiptPdfUrl, useDossierReceipts, useVoidReceipt } from './api';
import { useCan } from './RequireAnyPermission';
import './fees.css';
import { money } from './money';

/**
 * The receipts of one dossier, voided ones included (struck through, with who voided them, when and why). Print
 * buttons open the PDF (A5 or 80 mm); a supervisor (fees.void) can void a valid receipt with a reason.
 */
export function ReceiptList({ code }: { code: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const receipts = useDossierReceipts(code);
  const [voiding, setVoiding] = useState<FeeReceipt | null>(null);

  const columns: ColumnsType<FeeReceipt> = [
    {
      title: t('fees.receipts.col.number'),
      key: 'number',
      width: 220,
      render: (_, r) => (
        <div>
          <div className="strong fee-receipt-no" data-testid="receipt-row-number">
            {r.receiptNumber}
          </div>
          <div className="muted small nowrap">{t('fees.receipts.numberDetail', { series: r.series, book: r.book, number: String(r.number).padStart(7, '0') })}</div>
          {r.replacesReceiptId && <div className="muted small">{t('fees.receipts.replaces')}</div>}
        </div>
      ),
    },
    {
      title: t('fees.receipts.col.issuedAt'),
      key: 'issued',
      width: 190,
      render: (_, r) => (
        <div>
          <span className="nowrap fee-issued">{formatDateTime(r.issuedAt)}</span>
          <div className="muted small">{r.collector.fullName}</div>
        </div>
      ),
    },
    {
      title: t('fees.receipts.col.method'),
      key: 'method',
      width: 160,
      render: (_, r) => (
        <div>
          <div className="fee-method-name">{t(`fees.method.${r.method}`)}</div>
          {r.reference && <div className="muted small">{t('fees.receipts.reference', { ref: r.reference })}</div>}
        </div>
      ),
    },
    {
      title: t('fees.receipts.col.amount'),
      dataIndex: 'amount',
      width: 130,
      align: 'right',
      render: (v: number) => <span className="nowrap strong fee-money">{money(v)}</span>,
    },
    {
      title: t('fees.receipts.col.status'),
      key: 'status',
      render: (_, r) =>
        r.status === 'voided' ? (
          <div className="fee-void-info" data-testid="receipt-voided">
            <Tag color="red">{t('fees.receipts.voided')}</Tag>
            <div className="small">{t('fees.receipts.voidReason', { reason: r.voidReason ?? '' })}</div>
            <div className="muted small">{t('fees.receipts.voidedInfo', { time: formatDateTime(r.voidedAt), by: r.voidedBy ?? '' })}</div>
          </div>
        ) : (
          <Space size={4} wrap>
            <Tag color="green">{t('fees.receipts.valid')}</Tag>
            {r.transferBatchId && <Tag>{t('fees.receipts.inTransfer')}</Tag>}
          </Space>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      align: 'right',
      render: (_, r) => (
        <Space size={2}>
          <Tooltip title={t('fees.receipts.printA5')}>
            <Button type="text" icon={<PrinterOutlined />} href={receiptPdfUrl(r.id)} target="_blank" aria-label={t('fees.receipts.printA5')} />
          </Tooltip>
          <Tooltip title={t('fees.receipts.print80')}>
            <Button type="text" href={receiptPdfUrl(r.id, '80mm')} target="_blank" aria-label={t('fees.receipts.print80')}>
              80mm
            </Button>
          </Tooltip>
          {can('fees.void') && r.status === 'valid' && (
            <Tooltip title={t('fees.receipts.void')}>
              <Button type="text" danger icon={<StopOutlined />} onClick={() => setVoiding(r)} aria-label={t('fees.receipts.void')} />
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  const data = receipts.data;
  return (
    <Card
      size="small"
      className="table-card"
      title={t('fees.receipts.title')}
      data-testid="receipt-list"
      extra={data && data.items.length > 0 ? <span className="muted small">{t('fees.receipts.summary', { paid: money(data.paid), voided: money(data.voided) })}</span> : undefined}
    >
      {receipts.isError ? (
        <ErrorState error={receipts.error} onRetry={() => void receipts.refetch()} />
      ) : (
        <Table<FeeReceipt>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={receipts.isPending}
          pagination={false}
          scroll={{ x: 860 }}
          rowClassName={(r) => (r.status === 'voided' ? 'fee-row-voided' : '')}
          locale={{ emptyText: t('fees.receipts.empty') }}
        />
      )}
      {voiding && <VoidModal code={code} receipt={voiding} onClose={() => setVoiding(null)} />}
    </Card>
  );
}

function VoidModal({ code, receipt, onClose }: { code: string; receipt: FeeReceipt; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const voidIt = useVoidReceipt(code);

  const submit = (v: { reason: string }) =>
    voidIt.mutate(
      { id: receipt.id, reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('fees.receipts.voidedOk', { number: receipt.receiptNumber }));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('fees.receipts.voidTitle', { number: receipt.receiptNumber })}
      onCancel={onClose}
      okText={t('fees.receipts.confirmVoid')}
      cancelText={t('common.close')}
      okButtonProps={{ danger: true, loading: voidIt.isPending, htmlType: 'submit', form: 'fee-void-form', ...({ 'data-testid': 'void-confirm' } as object) }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon className="fee-gap" title={t('fees.receipts.voidWarning', { amount: money(receipt.amount) })} />
      <Form form={form} id="fee-void-form" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('fees.receipts.reason')}
          rules={[
            { required: true, message: t('fees.receipts.reasonMin') },
            { validator: (_, v: string | undefined) => ((v ?? '').trim().length >= 10 ? Promise.resolve() : Promise.reject(new Error(t('fees.receipts.reasonMin')))) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('fees.receipts.reasonPlaceholder')} autoFocus />
        </Form.Item>
      </Form>
      {voidIt.isError && <Alert type="error" showIcon title={errorText(t, voidIt.error)} data-testid="void-error" />}
    </Modal>
  );
}
