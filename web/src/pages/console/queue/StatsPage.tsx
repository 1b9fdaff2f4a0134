import { useState } from 'react';
import { Button, Card, DatePicker, Segmented, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../api/client';
import { useCenters, useMe } from '../../../api/hooks';
import type { QueueStatsGroup, QueueStatsRow } from '../../../api/types';
import { formatDate, formatNumber, vnTime } from '../../../lib/format';
import { ErrorState } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { useQueueStats } from '../../../components/queue/api';
import { StatsChart, type StatsMetric } from '../../../components/queue/StatsChart';
import { PageHeader } from '../PageHeader';
import '../../../components/queue/queue.css';

const GROUPS: QueueStatsGroup[] = ['day', 'week', 'month', 'field', 'counter', 'staff'];
const METRICS: StatsMetric[] = ['tickets', 'wait', 'service'];
const DAY = 'YYYY-MM-DD';

function last30(): [string, string] {
  const today = vnTime(new Date());
  return [today.subtract(29, 'day').format(DAY), today.format(DAY)];
}

/** Thống kê lấy số (permission reports.view): per day/week/month/field/counter/clerk, a chart and Excel. */
export default function StatsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('queue.stats.title'));
  const me = useMe().data;
  const wide = !!me && !me.center;
  const centers = useCenters();
  const [center, setCenter] = useState<string>('');
  const [[from, to], setPeriod] = useState<[string, string]>(last30);
  const [groupBy, setGroupBy] = useState<QueueStatsGroup>('day');
  const [metric, setMetric] = useState<StatsMetric>('tickets');
  const params = { from, to, groupBy, center: wide && center ? center : undefined };
  const stats = useQueueStats(params, !!me);
  const s = stats.data;
  const lang = i18n.language;
  const min = (v: number | null) => (v === null ? '—' : formatNumber(v, lang));

  const columns: ColumnsType<QueueStatsRow> = [
    { title: t(`queue.stats.group.${groupBy}`), key: 'label', render: (_, r) => (groupBy === 'day' ? formatDate(r.key) : r.label) },
    { title: t('queue.stats.col.tickets'), dataIndex: 'tickets', align: 'right', width: 100 },
    { title: t('queue.stats.col.served'), dataIndex: 'served', align: 'right', width: 110 },
    { title: t('queue.stats.col.noShows'), dataIndex: 'noShows', align: 'right', width: 100 },
    {
      title: t('queue.stats.col.wait'),
      children: [
        { title: t('queue.stats.col.avgWait'), dataIndex: 'avgWaitMinutes', align: 'right', width: 100, render: min },
        { title: t('queue.stats.col.p90Wait'), dataIndex: 'p90WaitMinutes', align: 'right', width: 100, render: min },
      ],
    },
    {
      title: t('queue.stats.col.service'),
      children: [
        { title: t('queue.stats.col.avgService'), dataIndex: 'avgServiceMinutes', align: 'right', width: 110, render: min },
        { title: t('queue.stats.col.p90Service'), dataIndex: 'p90ServiceMinutes', align: 'right', width: 110, render: min },
      ],
    },
  ];

  const total = s?.total;
  return (
    <div className="console-page">
      <PageHeader
        title={t('queue.stats.title')}
        subtitle={t('queue.stats.subtitle')}
        extra={
          <Button icon={<FileExcelOutlined />} href={apiUrl('/queue/stats.xlsx', params)} download data-testid="stats-xlsx">
            {t('queue.stats.excel')}
          </Button>
        }
      />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          {wide && (
            <Select
              className="toolbar-select-wide"
              value={center}
              onChange={setCenter}
              loading={centers.isPending}
              popupMatchSelectWidth={false}
              aria-label={t('queue.stats.center')}
              options={[{ value: '', label: t('queue.stats.allCenters') }, ...(centers.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))]}
            />
          )}
          <DatePicker.RangePicker
            value={[dayjs(from, DAY), dayjs(to, DAY)]}
            format="DD/MM/YYYY"
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setPeriod([v[0].format(DAY), v[1].format(DAY)])}
            aria-label={t('queue.stats.period')}
          />
          <Segmented<QueueStatsGroup>
            value={groupBy}
            onChange={setGroupBy}
            options={GROUPS.map((g) => ({ value: g, label: t(`queue.stats.group.${g}`) }))}
            aria-label={t('queue.stats.groupBy')}
          />
        </div>
      </Card>
      {stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <Card
            size="small"
            className="qs-chart-card"
            title={t('queue.stats.chart')}
            extra={<Segmented<StatsMetric> size="small" value={metric} onChange={setMetric} options={METRICS.map((m) => ({ value: m, label: t(`queue.stats.metric.${m}`) }))} />}
          >
            {s && s.items.length > 0 ? <StatsChart rows={s.items} groupBy={groupBy} metric={metric} t={t} lang={lang} /> : <div className="muted qs-chart-empty">{t('queue.stats.empty')}</div>}
          </Card>
          <Card size="small" className="table-card" title={s ? `${s.center?.name ?? t('queue.stats.allCenters')} · ${formatDate(s.from)} – ${formatDate(s.to)}` : undefined}>
            <Table<QueueStatsRow>
              rowKey="key"
              size="middle"
              bordered
              columns={columns}
              dataSource={s?.items ?? []}
              loading={stats.isPending || stats.isFetching}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: t('queue.stats.empty') }}
              data-testid="stats-table"
              summary={() =>
                total && s && s.items.length > 0 ? (
                  <Table.Summary.Row className="qs-total-row">
                    <Table.Summary.Cell index={0}>{t('queue.stats.total')}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      {total.tickets}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      {total.served}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      {total.noShows}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      {min(total.avgWaitMinutes)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} align="right">
                      {min(total.p90WaitMinutes)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={6} align="right">
                      {min(total.avgServiceMinutes)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={7} align="right">
                      {min(total.p90ServiceMinutes)}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                ) : undefined
              }
            />
            <div className="muted small qs-note">{t('queue.stats.p90Note')}</div>
          </Card>
        </>
      )}
    </div>
  );
}
