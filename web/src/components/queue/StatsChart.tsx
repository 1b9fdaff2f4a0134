import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import type { QueueStatsGroup, QueueStatsRow } from '../../api/types';
import { formatNumber } from '../../lib/format';
import { EChart, type ChartOption } from '../charts/EChart';
import { splitFieldName } from './util';

// The queue statistics' chart (ECharts): vertical bars over time (day, week, month), horizontal bars for fields,
// counters and clerks; tickets (served and the rest, stacked), or the average wait / service with its 90th percentile.

export type StatsMetric = 'tickets' | 'wait' | 'service';

const NAVY = '#1f4e8c';
const LIGHT = '#9db8de';
const GOLD = '#c98a00';

function values(r: QueueStatsRow, metric: StatsMetric): { main: number; second: number | null } {
  if (metric === 'tickets') return { main: r.tickets, second: r.served };
  if (metric === 'wait') return { main: r.avgWaitMinutes ?? 0, second: r.p90WaitMinutes };
  return { main: r.avgServiceMinutes ?? 0, second: r.p90ServiceMinutes };
}

function shortLabel(r: QueueStatsRow, groupBy: QueueStatsGroup): string {
  if (groupBy === 'day') {
    const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(r.key);
    return m ? `${m[2]}/${m[1]}` : r.label;
  }
  if (groupBy === 'week') {
    const m = /W(\d+)$/.exec(r.key);
    return m ? `T${m[1]}` : r.label;
  }
  if (groupBy === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(r.key);
    return m ? `${m[2]}/${m[1]}` : r.label;
  }
  if (groupBy === 'field') {
    const s = splitFieldName(r.label).main;
    return s.length > 42 ? `${s.slice(0, 40)}…` : s;
  }
  return r.label;
}

export function StatsChart({ rows, groupBy, metric, t, lang }: { rows: QueueStatsRow[]; groupBy: QueueStatsGroup; metric: StatsMetric; t: TFunction; lang: string }) {
  const option = useMemo<ChartOption>(() => {
    const fmt = (n: number) => formatNumber(n, lang);
    const mainName = metric === 'tickets' ? t('queue.stats.legendTickets') : t(`queue.stats.metric.${metric}`);
    const secondName = metric === 'tickets' ? t('queue.stats.legendServed') : t('queue.stats.ninetyOfTen');
    const restName = t('queue.stats.legendNotServed');
    const vertical = groupBy === 'day' || groupBy === 'week' || groupBy === 'month';
    const labels = rows.map((r) => shortLabel(r, groupBy));
    const vals = rows.map((r) => values(r, metric));
    const category = { type: 'category', data: vertical ? labels : [...labels].reverse(), axisLabel: { color: '#1b2a41' } };
    const value = { type: 'value', minInterval: metric === 'tickets' ? 1 : 0, axisLabel: { formatter: (v: number) => fmt(v) }, splitLine: { lineStyle: { color: '#e3e7ee' } } };
    const order = <T,>(xs: T[]) => (vertical ? xs : [...xs].reverse());
    // Tickets: the served and the rest stacked, so the whole bar is the tickets issued. Times: the average beside
    // its 90th percentile.
    const series = metric === 'tickets'
      ? [
        { name: secondName, type: 'bar', stack: 'tickets', data: order(vals.map((v) => v.second ?? 0)), itemStyle: { color: NAVY }, barMaxWidth: 40 },
        { name: restName, type: 'bar', stack: 'tickets', data: order(vals.map((v) => v.main - (v.second ?? 0))), itemStyle: { color: LIGHT }, barMaxWidth: 40 },
      ]
      : [
        { name: mainName, type: 'bar', data: order(vals.map((v) => v.main)), itemStyle: { color: NAVY }, barMaxWidth: 28 },
        { name: secondName, type: 'bar', data: order(vals.map((v) => v.second)), itemStyle: { color: GOLD }, barMaxWidth: 28 },
      ];
    return {
      legend: { top: 0, left: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : '—') },
      grid: { left: vertical ? 48 : 280, right: 24, top: 32, bottom: 28 },
      xAxis: vertical ? category : value,
      yAxis: vertical ? value : category,
      series,
    };
  }, [rows, groupBy, metric, t, lang]);
  if (rows.length === 0) return null;
  const vertical = groupBy === 'day' || groupBy === 'week' || groupBy === 'month';
  return (
    <div className="qs-chart">
      <EChart option={option} height={vertical ? 280 : Math.max(160, rows.length * 32 + 60)} ariaLabel={t('queue.stats.title')} testId="stats-chart" />
    </div>
  );
}
