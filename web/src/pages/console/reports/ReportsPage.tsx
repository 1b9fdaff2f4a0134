// Báo cáo giải quyết TTHC: the settlement report of any period (by field or department, every number opens its
// dossiers, Excel and the printable PDF form), the monthly reports made automatically, and who receives them.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Input, Segmented, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCenters, useMe } from '../../../api/hooks';
import { formatDate, formatDateTime } from '../../../lib/format';
import { monthSoFar } from '../../../components/fees/dates';
import { ErrorState, errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { PageHeader } from '../PageHeader';
import { monthlyFileUrl, percent, reportFileUrl, useMonthlyReports, useRecipients, useSaveRecipients, useSettlement, type GroupBy, type MonthlyReport, type SettlementRow, type Stat } from './api';
import { FigureLink } from './FigureLink';
import './reports.css';

const DAY = 'YYYY-MM-DD';

export default function ReportsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('reports.menu.reports'));
  const lang = i18n.language;
  const me = useMe().data;
  const perms = new Set(me?.permissions ?? []);
  const wide = !!me && !me.center;
  const centers = useCenters();
  const [center, setCenter] = useState('');
  const [[from, to], setPeriod] = useState<[string, string]>(monthSoFar);
  const [groupBy, setGroupBy] = useState<GroupBy>('field');
  const c = wide && center ? center : undefined;
  const q = { from, to, groupBy, center: c };
  const report = useSettlement(q);
  const r = report.data;
  const period = { from, to };

  const n = (stat: Stat, key: string, value: number) => (
    <FigureLink n={value} stat={stat} period={period} center={c} {...(key === 'total' ? {} : groupBy === 'field' ? { field: key } : { department: key })} />
  );
  const num = (title: string, stat: Stat, get: (x: SettlementRow) => number, no: number) => ({
    title: <span>{title}<div className="muted small">({no})</div></span>, key: stat + no, align: 'right' as const, width: 70,
    render: (_: unknown, x: SettlementRow) => n(stat, x.key, get(x)),
  });
  const columns: ColumnsType<SettlementRow> = [
    { title: t(`reports.settlement.col.${groupBy}`), dataIndex: 'name', key: 'name', fixed: 'left', width: 230, render: (v: string, x) => (x.key === 'total' ? <strong>{v}</strong> : v) },
    {
      title: t('reports.settlement.col.received'),
      children: [
        num(t('reports.settlement.col.total'), 'received', (x) => x.received.total, 1),
        num(t('reports.fig.carriedOver'), 'carried_over', (x) => x.received.carriedOver, 2),
        num(t('reports.fig.online'), 'received_online', (x) => x.received.online, 3),
        num(t('reports.fig.direct'), 'received_direct', (x) => x.received.direct, 4),
      ],
    },
    {
      title: t('reports.settlement.col.settled'),
      children: [
        num(t('reports.settlement.col.total'), 'settled', (x) => x.settled.total, 5),
        num(t('reports.fig.early'), 'settled_early', (x) => x.settled.early, 6),
        num(t('reports.fig.onTime'), 'settled_on_time', (x) => x.settled.onTime, 7),
        num(t('reports.fig.late'), 'settled_late', (x) => x.settled.late, 8),
        num(t('reports.fig.withdrawn'), 'settled_withdrawn', (x) => x.settled.withdrawn, 9),
      ],
    },
    {
      title: t('reports.settlement.col.inProgress'),
      children: [
        num(t('reports.settlement.col.total'), 'in_progress', (x) => x.inProgress.total, 10),
        num(t('reports.fig.withinTime'), 'in_progress_within', (x) => x.inProgress.withinTime, 11),
        num(t('reports.fig.overdue'), 'in_progress_overdue', (x) => x.inProgress.overdue, 12),
      ],
    },
    { title: t('reports.fig.onTimeRate'), key: 'rate', align: 'right', width: 90, render: (_, x) => percent(x.onTimeRate, lang) },
    {
      title: t('reports.settlement.col.note'), key: 'note', width: 150,
      render: (_, x) => (
        <span className="small">
          {x.settled.rejected > 0 && <div>{t('reports.fig.rejected')}: {n('settled_rejected', x.key, x.settled.rejected)}</div>}
          {x.refused > 0 && <div>{t('reports.fig.refused')}: {n('refused', x.key, x.refused)}</div>}
        </span>
      ),
    },
  ];
  const data: SettlementRow[] = r ? [...r.rows, { key: 'total', name: t('reports.settlement.totalRow'), ...r.total }] : [];
  const fileQuery = { from, to, groupBy, center: c };

  return (
    <div className="console-page reports-page">
      <PageHeader
        title={t('reports.settlement.title')}
        subtitle={t('reports.settlement.subtitle')}
        extra={
          <>
            <Button icon={<FileExcelOutlined />} href={reportFileUrl('xlsx', fileQuery)} download data-testid="settlement-xlsx">{t('reports.settlement.excel')}</Button>
            <Button icon={<FilePdfOutlined />} href={reportFileUrl('pdf', fileQuery)} target="_blank" data-testid="settlement-pdf">{t('reports.settlement.pdf')}</Button>
          </>
        }
      />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          {wide && (
            <Select className="toolbar-select-wide" value={center} onChange={setCenter} aria-label={t('reports.scope.center')} popupMatchSelectWidth={false}
              options={[{ value: '', label: t('reports.scope.allCenters') }, ...(centers.data ?? []).map((x) => ({ value: String(x.code), label: x.name }))]} />
          )}
          <DatePicker.RangePicker format="DD/MM/YYYY" value={[dayjs(from), dayjs(to)]} allowClear={false} aria-label={t('reports.settlement.period')}
            onChange={(v) => v?.[0] && v[1] && setPeriod([v[0].format(DAY), v[1].format(DAY)])} data-testid="settlement-period" />
          <Segmented value={groupBy} onChange={(v) => setGroupBy(v as GroupBy)} options={(['field', 'department'] as const).map((g) => ({ value: g, label: t(`reports.settlement.groupBy.${g}`) }))} />
          {r && <span className="muted small">{t('reports.settlement.asOf', { time: formatDateTime(r.asOf) })}</span>}
        </div>
      </Card>
      {report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Card size="small" className="table-card">
          <Table<SettlementRow> rowKey="key" size="small" bordered className="settlement-table" columns={columns} dataSource={data} pagination={false}
            loading={report.isPending || report.isPlaceholderData} scroll={{ x: 1320 }} rowClassName={(x) => (x.key === 'total' ? 'total-row' : '')}
            locale={{ emptyText: t('reports.settlement.empty') }} data-testid="settlement-table" />
        </Card>
      )}
      {perms.has('reports.view') && <MonthlyCard center={c} canManage={perms.has('reports.manage')} wide={wide} />}
    </div>
  );
}

function MonthlyCard({ center, canManage, wide }: { center?: string; canManage: boolean; wide: boolean }) {
  const { t } = useTranslation();
  const list = useMonthlyReports(center, true);
  const columns: ColumnsType<MonthlyReport> = [
    { title: t('reports.monthly.month'), dataIndex: 'month', width: 90, render: (m: string) => `${m.slice(5)}/${m.slice(0, 4)}` },
    ...(wide ? [{ title: t('reports.monthly.center'), key: 'c', render: (_: unknown, x: MonthlyReport) => x.center.name }] : []),
    { title: t('reports.settlement.period'), key: 'p', width: 200, render: (_, x) => `${formatDate(x.periodFrom)} – ${formatDate(x.periodTo)}` },
    { title: t('dossiers.common.status'), key: 's', width: 110, render: (_, x) => <Tag color={x.status === 'ready' ? 'green' : x.status === 'failed' ? 'red' : 'blue'}>{t(`reports.monthly.status.${x.status}`)}</Tag> },
    { title: t('reports.monthly.generatedAt'), key: 'g', width: 150, render: (_, x) => formatDateTime(x.generatedAt) },
    { title: t('reports.monthly.figures'), key: 'f', width: 190, render: (_, x) => (x.total ? `${x.total.received.total} / ${x.total.settled.total} / ${x.total.inProgress.total}` : '—') },
    { title: t('reports.monthly.mail'), key: 'm', render: (_, x) => (x.mail.status ? <span title={x.mail.error ?? x.mail.recipients.join(', ')}>{t(`reports.monthly.mailStatus.${x.mail.status}`)}{x.mail.status === 'sent' ? ` (${x.mail.recipients.length})` : ''}</span> : '—') },
    {
      title: t('reports.monthly.files'), key: 'files', width: 150,
      render: (_, x) => x.status === 'ready' && (
        <span className="link-row">
          <a href={monthlyFileUrl(x.id, 'pdf')} target="_blank" rel="noreferrer" data-testid={`monthly-pdf-${x.month}`}><FilePdfOutlined /> PDF</a>{' '}
          <a href={monthlyFileUrl(x.id, 'xlsx')} download><FileExcelOutlined /> Excel</a>
        </span>
      ),
    },
  ];
  return (
    <Card size="small" className="table-card" title={<span>{t('reports.monthly.title')} <span className="muted small">— {t('reports.monthly.subtitle')}</span></span>}>
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<MonthlyReport> rowKey="id" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.isPending} pagination={{ pageSize: 12, hideOnSinglePage: true }}
          locale={{ emptyText: t('reports.monthly.empty') }} data-testid="monthly-table" />
      )}
      {canManage && <Recipients center={center} />}
    </Card>
  );
}

function Recipients({ center }: { center?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useRecipients(center, true);
  const save = useSaveRecipients();
  const [text, setText] = useState<string | null>(null);
  const value = text ?? (q.data?.recipients ?? []).join('\n');
  return (
    <div className="recipients">
      <h4>{t('reports.monthly.recipients')}</h4>
      <div className="muted small">{t('reports.monthly.recipientsHint')}</div>
      <Input.TextArea rows={3} value={value} onChange={(e) => setText(e.target.value)} aria-label={t('reports.monthly.recipients')} data-testid="recipients" style={{ maxWidth: 520 }} />
      <div style={{ marginTop: 8 }}>
        <Button type="primary" loading={save.isPending} data-testid="recipients-save"
          onClick={() => save.mutate({ center, recipients: value.split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean) }, {
            onSuccess: () => { setText(null); void message.success(t('reports.monthly.saved')); },
            onError: (e) => void message.error(errorText(t, e)),
          })}>
          {t('reports.monthly.saveRecipients')}
        </Button>
      </div>
    </div>
  );
}
