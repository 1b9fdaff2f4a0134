import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FeeReceiptSeries } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { ErrorState, errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useOpenBook, useOpenSeries, useReceiptSeries } from '../../../components/fees/api';
import { useFeeCenter } from '../../../components/fees/CenterPicker';
import { PageHeader } from '../PageHeader';
import '../../../components/fees/fees.css';

type Book = FeeReceiptSeries['books'][number];
const SYMBOL = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
const pad = (n: number) => String(n).padStart(7, '0');

/** Ký hiệu, quyển biên lai: the center's receipt series with their books; open a new series or a new book. */
export default function SeriesPage() {
  const { t } = useTranslation();
  usePageTitle(t('fees.menu.settings'));
  const { center, ready, picker } = useFeeCenter();
  const series = useReceiptSeries(center, ready);
  const [opening, setOpening] = useState(false);
  const [book, setBook] = useState<FeeReceiptSeries | null>(null);
  const items = series.data?.items ?? [];
  const active = items.find((s) => s.active) ?? null;
  const thisYear = new Date().getFullYear();

  const columns: ColumnsType<FeeReceiptSeries> = [
    {
      title: t('fees.settings.col.symbol'),
      key: 'symbol',
      render: (_, s) => (
        <div>
          <span className="strong code" data-testid="series-symbol">
            {s.symbol}
          </span>{' '}
          {s.active ? <Tag color="green">{t('fees.settings.inUse')}</Tag> : <Tag>{t('fees.settings.closed')}</Tag>}
          <div className="muted small">{t('fees.settings.formNumberShown', { form: s.formNumber })}</div>
          {s.note && <div className="muted small">{s.note}</div>}
        </div>
      ),
    },
    { title: t('fees.settings.col.year'), dataIndex: 'year', width: 70 },
    { title: t('fees.settings.col.currentBook'), dataIndex: 'currentBook', width: 100, align: 'right', render: (v: number, s) => (s.active ? <span data-testid="series-book">{v}</span> : '—') },
    { title: t('fees.settings.col.nextNumber'), dataIndex: 'nextNumber', width: 110, align: 'right', render: (v: number, s) => (s.active ? <span className="code" data-testid="series-next">{pad(v)}</span> : '—') },
    { title: t('fees.settings.col.issued'), dataIndex: 'issued', width: 90, align: 'right', render: (v: number) => t('fees.settings.issuedCount', { count: v }) },
    { title: t('fees.settings.col.bookSize'), dataIndex: 'bookSize', width: 100, align: 'right' },
    {
      title: t('fees.settings.col.openedClosed'),
      key: 'opened',
      width: 210,
      render: (_, s) => (
        <div className="small">
          <div>{s.openedBy ? t('fees.settings.by', { time: formatDateTime(s.openedAt), by: s.openedBy }) : formatDateTime(s.openedAt)}</div>
          {s.closedAt && (
            <div className="muted">
              {t('fees.settings.closedAt', { when: s.closedBy ? t('fees.settings.by', { time: formatDateTime(s.closedAt), by: s.closedBy }) : formatDateTime(s.closedAt) })}
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'actions',
      width: 140,
      render: (_, s) =>
        s.active && s.year === thisYear ? (
          <Button size="small" icon={<BookOutlined />} onClick={() => setBook(s)} data-testid="series-open-book">
            {t('fees.settings.openBook')}
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="console-page">
      <PageHeader
        title={t('fees.menu.settings')}
        subtitle={t('fees.settings.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} disabled={!ready} data-testid="series-open">
            {t('fees.settings.openSeries')}
          </Button>
        }
      />
      {picker && (
        <Card size="small" className="toolbar-card">
          <div className="toolbar">{picker}</div>
        </Card>
      )}
      {!ready ? (
        <Alert type="info" showIcon title={t('fees.chooseCenterHint')} />
      ) : series.isError ? (
        <ErrorState error={series.error} onRetry={() => void series.refetch()} />
      ) : (
        <Card size="small" className="fee-card" data-testid="series-list">
          {series.data && items.length === 0 ? (
            <Empty description={t('fees.settings.empty', { symbol: `HT-${String(thisYear % 100).padStart(2, '0')}` })} />
          ) : (
            <Table<FeeReceiptSeries>
              // Remounted when the series in use changes, so its books open by default.
              key={active?.id ?? 'none'}
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={items}
              loading={series.isFetching}
              pagination={false}
              scroll={{ x: 940 }}
              rowClassName={(s) => (s.active ? 'fee-series-active' : '')}
              expandable={{ expandedRowRender: (s) => <Books s={s} />, defaultExpandedRowKeys: active ? [active.id] : [] }}
            />
          )}
        </Card>
      )}
      {opening && <OpenSeriesModal active={active} center={center} onClose={() => setOpening(false)} />}
      {book && <OpenBookModal s={book} center={center} onClose={() => setBook(null)} />}
    </div>
  );
}

function Books({ s }: { s: FeeReceiptSeries }) {
  const { t } = useTranslation();
  const columns: ColumnsType<Book> = [
    { title: t('fees.settings.bookCol.book'), dataIndex: 'book', width: 100 },
    { title: t('fees.settings.bookCol.range'), key: 'range', render: (_, b) => <span className="code">{`${pad(b.from)} – ${pad(b.to)}`}</span> },
    { title: t('fees.settings.bookCol.receipts'), dataIndex: 'receipts', width: 110, align: 'right' },
    { title: t('fees.settings.bookCol.voided'), dataIndex: 'voided', width: 110, align: 'right' },
  ];
  return (
    <div className="fee-series-books" data-testid="series-books">
      <div className="small strong">{t('fees.settings.books', { symbol: s.symbol })}</div>
      <Table<Book> rowKey="book" size="small" columns={columns} dataSource={s.books} pagination={false} locale={{ emptyText: t('fees.settings.noBooks') }} />
    </div>
  );
}

function OpenSeriesModal({ active, center, onClose }: { active: FeeReceiptSeries | null; center?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const open = useOpenSeries();
  const submit = (v: { symbol: string; formNumber: string; bookSize: number; note?: string }) =>
    open.mutate(
      { symbol: v.symbol.trim().toUpperCase(), formNumber: v.formNumber.trim().toUpperCase(), bookSize: v.bookSize, note: (v.note ?? '').trim(), center },
      {
        onSuccess: (s) => {
          void message.success(t('fees.settings.openedOk', { symbol: s.symbol }));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('fees.settings.openSeriesTitle')}
      onCancel={onClose}
      okText={t('fees.settings.openSeries')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'fee-series-open', loading: open.isPending, 'data-testid': 'series-open-confirm' } as ButtonProps}
      destroyOnHidden
    >
      {active && <Alert type="warning" showIcon className="fee-gap" title={t('fees.settings.openSeriesHint', { symbol: active.symbol })} />}
      <Form id="fee-series-open" layout="vertical" requiredMark={false} onFinish={submit} initialValues={{ bookSize: active?.bookSize ?? 100, formNumber: active?.formNumber ?? '01BLP1-001' }}>
        <Form.Item
          name="symbol"
          label={t('fees.settings.symbol')}
          extra={t('fees.settings.symbolHint')}
          normalize={(v: string) => v.toUpperCase()}
          rules={[
            { required: true, message: t('fees.settings.symbolInvalid') },
            { validator: (_, v?: string) => (!v || (v.trim().length >= 2 && v.trim().length <= 20 && SYMBOL.test(v.trim())) ? Promise.resolve() : Promise.reject(new Error(t('fees.settings.symbolInvalid')))) },
          ]}
        >
          <Input maxLength={20} autoFocus className="code" data-testid="series-symbol-input" />
        </Form.Item>
        <Form.Item
          name="formNumber"
          label={t('fees.settings.formNumber')}
          extra={t('fees.settings.formNumberHint')}
          normalize={(v: string) => v.toUpperCase()}
          rules={[{ required: true, pattern: /^[0-9]{2}[A-Z]{2,4}[0-9]-[0-9]{3}$/, message: t('fees.settings.formNumberInvalid') }]}
        >
          <Input maxLength={12} className="code" data-testid="series-form-input" />
        </Form.Item>
        <BookFields />
      </Form>
      {open.isError && <Alert type="error" showIcon title={errorText(t, open.error)} data-testid="series-error" />}
    </Modal>
  );
}

/** The size of the new book and a note: the same two fields when opening a series or a book. */
function BookFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="bookSize" label={t('fees.settings.bookSize')} rules={[{ required: true, type: 'integer', min: 10, max: 10_000, message: t('fees.settings.bookSizeInvalid') }]}>
        <InputNumber min={10} max={10_000} step={50} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="note" label={t('fees.settings.note')}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
    </>
  );
}

function OpenBookModal({ s, center, onClose }: { s: FeeReceiptSeries; center?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const open = useOpenBook();
  // Nothing issued in the current book yet: the next number already starts it.
  const current = s.books.find((b) => b.book === s.currentBook);
  const unused = !current;
  const submit = (v: { bookSize: number; note?: string }) =>
    open.mutate(
      { id: s.id, bookSize: v.bookSize, note: (v.note ?? '').trim(), center },
      {
        onSuccess: (r) => {
          void message.success(t('fees.settings.bookOpenedOk', { book: r.currentBook, symbol: r.symbol }));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('fees.settings.openBookTitle', { symbol: s.symbol })}
      onCancel={onClose}
      okText={t('fees.settings.openBook')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'fee-book-open', loading: open.isPending, disabled: unused, 'data-testid': 'book-open-confirm' } as ButtonProps}
      destroyOnHidden
    >
      {unused ? (
        <Alert type="info" showIcon className="fee-gap" title={t('fees.settings.bookUnused', { book: s.currentBook })} />
      ) : (
        <Alert
          type="info"
          showIcon
          className="fee-gap"
          title={t('fees.settings.openBookHint', { book: s.currentBook, last: pad(s.nextNumber - 1), next: s.currentBook + 1, first: pad(s.nextNumber) })}
        />
      )}
      <Form id="fee-book-open" layout="vertical" requiredMark={false} onFinish={submit} initialValues={{ bookSize: s.bookSize }} disabled={unused}>
        <BookFields />
      </Form>
      {open.isError && <Alert type="error" showIcon title={errorText(t, open.error)} />}
    </Modal>
  );
}
