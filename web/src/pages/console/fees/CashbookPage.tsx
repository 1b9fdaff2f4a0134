import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined, FilePdfOutlined, LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../api/client';
import type { CashbookQuery, FeeCashbook, FeeCashbookFigures, FeePaymentMethod } from '../../../api/types';
import { formatDate, formatDateTime, vnTime } from '../../../lib/format';
import { ErrorState, errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useCashbook, useCloseCashbook } from '../../../components/fees/api';
import { useFeeCenter } from '../../../components/fees/CenterPicker';
import { DATE_FORMAT, dayString, dayValue, vnToday } from '../../../components/fees/dates';
import { MoneyInput } from '../../../components/fees/MoneyInput';
import { useCan } from '../../../components/fees/RequireAnyPermission';
import { PageHeader } from '../PageHeader';
import '../../../components/fees/fees.css';
import { money } from '../../../components/fees/money';

type FigureRow = FeeCashbookFigures & { method: string };
const METHODS: FeePaymentMethod[] = ['cash', 'transfer', 'card'];

/** Sổ quỹ: a collector's day (theirs only), or every collector's for leaders, with exports and closing the day. */
export default function CashbookPage() {
  const { t } = useTranslation();
  usePageTitle(t('fees.menu.cashbook'));
  const can = useCan();
  const supervises = can('fees.manage') || can('reports.view');
  const { center, ready, picker } = useFeeCenter();
  const [date, setDate] = useState<string>();
  const [collector, setCollector] = useState<string>();
  const [closing, setClosing] = useState<FeeCashbook | null>(null);

  const params: CashbookQuery = { date, collector, center };
  const book = useCashbook(params, ready);
  const data = book.data;
  const shownDate = date ?? data?.date ?? vnToday();
  const exportQuery = { date: shownDate, collector, center };
  // The collector list comes from the unfiltered day (the same query when no collector is picked).
  const all = useCashbook({ date, center }, ready && supervises);
  const collectors = all.data?.books.map((b) => b.collector) ?? [];

  return (
    <div className="console-page">
      <PageHeader
        title={t('fees.menu.cashbook')}
        subtitle={t('fees.cashbook.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<FilePdfOutlined />} href={apiUrl('/fees/cashbook.pdf', exportQuery)} target="_blank" disabled={!ready} data-testid="cashbook-pdf">
              {t('fees.pdf')}
            </Button>
            <Button icon={<FileExcelOutlined />} href={apiUrl('/fees/cashbook.xlsx', exportQuery)} download disabled={!ready} data-testid="cashbook-xlsx">
              {t('fees.excel')}
            </Button>
          </Space>
        }
      />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          {picker}
          <DatePicker
            value={dayValue(shownDate)}
            format={DATE_FORMAT}
            allowClear={false}
            onChange={(d) => d && setDate(dayString(d))}
            disabledDate={(d) => d.isAfter(vnTime(new Date()).endOf('day'))}
            aria-label={t('fees.cashbook.date')}
            data-testid="cashbook-date"
          />
          {supervises ? (
            <Select
              allowClear
              className="toolbar-select"
              placeholder={t('fees.cashbook.allCollectors')}
              value={collector}
              onChange={(v?: string) => setCollector(v)}
              options={collectors.map((c) => ({ value: c.username, label: c.fullName }))}
              popupMatchSelectWidth={false}
              aria-label={t('fees.cashbook.collector')}
            />
          ) : (
            <span className="muted small" style={{ alignSelf: 'center' }}>
              {t('fees.cashbook.ownOnly')}
            </span>
          )}
        </div>
      </Card>
      {!ready ? (
        <Alert type="info" showIcon title={t('fees.chooseCenterHint')} />
      ) : book.isError ? (
        <ErrorState error={book.error} onRetry={() => void book.refetch()} />
      ) : !data ? (
        <Card loading />
      ) : data.books.length === 0 ? (
        <Card>
          <Empty description={t('fees.cashbook.noBooks')} />
        </Card>
      ) : (
        <>
          {data.books.map((b) => (
            <BookCard key={b.collector.id} book={b} canClose={can('fees.manage')} onClose={() => setClosing(b)} loading={book.isFetching} />
          ))}
          {data.books.length > 1 && (
            <Card size="small" className="fee-card" title={t('fees.cashbook.centerTotal')}>
              <FiguresTable rows={[{ method: 'total', ...data.total }]} />
            </Card>
          )}
        </>
      )}
      {closing && <CloseDayModal book={closing} center={center} onClose={() => setClosing(null)} />}
    </div>
  );
}

function FiguresTable({ rows }: { rows: FigureRow[] }) {
  const { t } = useTranslation();
  const moneyCell = (v: number) => <span className="nowrap fee-money">{money(v)}</span>;
  const columns: ColumnsType<FigureRow> = [
    { title: t('fees.cashbook.col.method'), dataIndex: 'method', render: (m: string) => (m === 'total' ? t('fees.total') : t(`fees.method.${m}`)) },
    { title: t('fees.cashbook.col.opening'), dataIndex: 'opening', align: 'right', width: 150, render: moneyCell },
    { title: t('fees.cashbook.col.receipts'), dataIndex: 'receipts', align: 'right', width: 150, render: moneyCell },
    { title: t('fees.cashbook.col.voids'), dataIndex: 'voids', align: 'right', width: 150, render: (v: number) => <span className={`nowrap fee-money${v ? ' fee-negative' : ''}`}>{money(v)}</span> },
    { title: t('fees.cashbook.col.refunds'), dataIndex: 'refunds', align: 'right', width: 150, render: (v: number) => <span className={`nowrap fee-money${v ? ' fee-negative' : ''}`}>{money(v)}</span> },
    { title: t('fees.cashbook.col.handedOver'), dataIndex: 'handedOver', align: 'right', width: 150, render: moneyCell },
    { title: t('fees.cashbook.col.closing'), dataIndex: 'closing', align: 'right', width: 150, render: (v: number) => <span className="nowrap fee-money strong">{money(v)}</span> },
  ];
  return (
    <Table<FigureRow>
      rowKey="method"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1010 }}
      rowClassName={(r) => (r.method === 'total' ? 'fee-total-row' : '')}
    />
  );
}

function BookCard({ book, canClose, onClose, loading }: { book: FeeCashbook; canClose: boolean; onClose: () => void; loading: boolean }) {
  const { t } = useTranslation();
  type Entry = FeeCashbook['entries'][number];
  const columns: ColumnsType<Entry> = [
    { title: t('fees.cashbook.entryCol.at'), dataIndex: 'at', width: 70, render: (v: string) => vnTime(v).format('HH:mm') },
    { title: t('fees.cashbook.entryCol.kind'), dataIndex: 'kind', width: 80, render: (k: Entry['kind']) => <Tag color={k === 'void' ? 'red' : k === 'refund' ? 'orange' : 'green'}>{t(`fees.cashbook.kind.${k}`)}</Tag> },
    { title: t('fees.cashbook.entryCol.number'), dataIndex: 'receiptNumber', width: 140, render: (v: string) => <span className="code nowrap">{v}</span> },
    {
      title: t('fees.cashbook.entryCol.dossier'),
      dataIndex: 'dossierCode',
      width: 220,
      render: (v: string) => (
        <Link to={`/console/fees?code=${encodeURIComponent(v)}`} className="code nowrap">
          {v}
        </Link>
      ),
    },
    {
      title: t('fees.cashbook.entryCol.payer'),
      key: 'payer',
      render: (_, e) => (
        <div>
          <div>{e.payer}</div>
          {e.reason && <div className="muted small">{t(e.kind === 'refund' ? 'fees.cashbook.refundReason' : 'fees.receipts.voidReason', { reason: e.reason })}</div>}
        </div>
      ),
    },
    { title: t('fees.cashbook.entryCol.method'), dataIndex: 'method', width: 130, render: (m: string) => t(`fees.method.${m}`) },
    {
      title: t('fees.cashbook.entryCol.amount'),
      key: 'amount',
      width: 130,
      align: 'right',
      render: (_, e) => <span className={`nowrap fee-money strong${e.kind !== 'receipt' ? ' fee-negative' : ''}`}>{money(e.kind !== 'receipt' ? -e.amount : e.amount)}</span>,
    },
  ];
  const rows: FigureRow[] = [...book.figures.lines, { method: 'total', ...book.figures.total }];
  return (
    <Card
      size="small"
      className="fee-card"
      data-testid="cashbook-book"
      title={
        <div className="fee-book-head">
          <span>{book.collector.fullName}</span>
          <span className="muted small">{formatDate(book.day)}</span>
          {book.online ? <Tag color="green">{t('fees.cashbook.online')}</Tag>
            : book.status === 'closed' ? <Tag color="default" icon={<LockOutlined />}>{t('fees.cashbook.closed')}</Tag> : <Tag color="blue">{t('fees.cashbook.open')}</Tag>}
          <span className="muted small">
            {t('fees.cashbook.receiptsCount', { count: book.receiptCount })} · {t('fees.cashbook.voidsCount', { count: book.voidCount })}
          </span>
        </div>
      }
      extra={
        canClose && book.status === 'open' && !book.online ? (
          <Button icon={<LockOutlined />} onClick={onClose} data-testid="cashbook-close">
            {t('fees.cashbook.close')}
          </Button>
        ) : book.closedAt ? (
          <span className="muted small">{t('fees.cashbook.closedInfo', { time: formatDateTime(book.closedAt), by: book.signedOffBy ?? '' })}</span>
        ) : undefined
      }
    >
      {book.online && <p className="muted small" data-testid="cashbook-online-note">{t('fees.cashbook.onlineNote')}</p>}
      <FiguresTable rows={rows} />
      <div className="strong" style={{ margin: '16px 0 8px' }}>
        {t('fees.cashbook.entries')}
      </div>
      <Table<Entry>
        rowKey={(e) => `${e.kind}-${e.receiptId}`}
        size="small"
        columns={columns}
        dataSource={book.entries}
        loading={loading}
        pagination={book.entries.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 960 }}
        locale={{ emptyText: t('fees.cashbook.noEntries') }}
      />
    </Card>
  );
}

interface CloseValues {
  handedOver: Partial<Record<FeePaymentMethod, number>>;
  note?: string;
}

function CloseDayModal({ book, center, onClose }: { book: FeeCashbook; center?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const close = useCloseCashbook();
  const holding = Object.fromEntries(book.figures.lines.map((l) => [l.method, l.opening + l.receipts - l.voids - l.refunds])) as Record<FeePaymentMethod, number>;
  const submit = (v: CloseValues) =>
    close.mutate(
      { date: book.day, collector: book.collector.username, center, handedOver: v.handedOver, note: v.note?.trim() ?? '' },
      {
        onSuccess: () => {
          void message.success(t('fees.cashbook.closedOk', { date: formatDate(book.day), name: book.collector.fullName }));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('fees.cashbook.closeTitle', { date: formatDate(book.day), name: book.collector.fullName })}
      onCancel={onClose}
      okText={t('fees.cashbook.confirmClose')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'fee-close-form', loading: close.isPending, icon: <LockOutlined /> }}
      destroyOnHidden
    >
      <p className="muted">{t('fees.cashbook.closeHint')}</p>
      <Form<CloseValues> id="fee-close-form" layout="vertical" onFinish={submit} initialValues={{ handedOver: { cash: holding.cash ?? 0, transfer: 0, card: 0 } }} requiredMark={false}>
        {METHODS.map((m) => (
          <Form.Item
            key={m}
            name={['handedOver', m]}
            label={t('fees.cashbook.handedOver', { method: t(`fees.method.${m}`) })}
            extra={t('fees.cashbook.holding', { amount: money(holding[m] ?? 0) })}
            rules={[{ validator: (_, v: number | undefined) => ((v ?? 0) <= (holding[m] ?? 0) ? Promise.resolve() : Promise.reject(new Error(t('fees.cashbook.tooHigh', { amount: money(holding[m] ?? 0) })))) }]}
          >
            <MoneyInput style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('fees.cashbook.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {close.isError && <Alert type="error" showIcon title={errorText(t, close.error)} />}
    </Modal>
  );
}
