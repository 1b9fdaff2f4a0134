// The leaders' dashboard: overdue, at risk and not updated now, today and this month (every number opens its list),
// the queue, charts of this month (ECharts), the control table by department and the ten most overdue dossiers.
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Card, Col, Row, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useCenters, useMe } from '../../../api/hooks';
import { formatDateTime, shortFieldName } from '../../../lib/format';
import { ErrorState } from '../../../components/ErrorState';
import { PageLoading } from '../../../components/PageLoading';
import { CHART_COLORS, EChart, type ChartOption } from '../../../components/charts/EChart';
import { percent, statLink, useDashboard, type Dashboard, type Figures, type OverdueDossier, type Period, type Share } from './api';
import { FigureLink } from './FigureLink';
import { ControlTable } from '../control/ControlTable';
import './reports.css';

function FiguresCard({ title, period, f, center, testId }: { title: string; period: Period; f: Figures; center?: string; testId: string }) {
  const { t } = useTranslation();
  const L = (n: number, stat: Parameters<typeof FigureLink>[0]['stat']) => <FigureLink n={n} stat={stat} period={period} center={center} testId={`${testId}-${stat}`} />;
  const line = (label: string, value: React.ReactNode, cls = '') => (
    <div className={`fig-line ${cls}`}>
      <span>{label}</span>
      <span className="fig-value">{value}</span>
    </div>
  );
  return (
    <Card size="small" title={title} className="fig-card" data-testid={testId}>
      <div className="fig-group">
        {line(t('reports.fig.receivedTotal'), L(f.received.total, 'received'), 'strong')}
        {line(t('reports.fig.carriedOver'), L(f.received.carriedOver, 'carried_over'))}
        {line(t('reports.fig.online'), L(f.received.online, 'received_online'))}
        {line(t('reports.fig.direct'), L(f.received.direct, 'received_direct'))}
      </div>
      <div className="fig-group">
        {line(t('reports.fig.settled'), L(f.settled.total, 'settled'), 'strong')}
        {line(t('reports.fig.early'), L(f.settled.early, 'settled_early'), 'good')}
        {line(t('reports.fig.onTime'), L(f.settled.onTime, 'settled_on_time'), 'good')}
        {line(t('reports.fig.late'), L(f.settled.late, 'settled_late'), 'bad')}
        {line(t('reports.fig.withdrawn'), L(f.settled.withdrawn, 'settled_withdrawn'))}
      </div>
      <div className="fig-group">
        {line(t('reports.fig.inProgress'), L(f.inProgress.total, 'in_progress'), 'strong')}
        {line(t('reports.fig.withinTime'), L(f.inProgress.withinTime, 'in_progress_within'))}
        {line(t('reports.fig.overdue'), L(f.inProgress.overdue, 'in_progress_overdue'), 'bad')}
      </div>
    </Card>
  );
}

function Kpi({ label, value, tone, hint, testId }: { label: string; value: React.ReactNode; tone?: 'bad' | 'warn' | 'good'; hint?: string; testId?: string }) {
  const body = (
    <Card size="small" className={`kpi-card ${tone ?? ''}`} data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
    </Card>
  );
  return hint ? <Tooltip title={hint}>{body}</Tooltip> : body;
}

/** The series of the on-time share charts, in order: a click on a segment opens those dossiers. */
const SHARE_STATS = ['settled_early', 'settled_on_time', 'settled_late'] as const;

function shareChart(rows: Share[], lang: string, t: (k: string) => string, name: (r: Share) => string): ChartOption {
  const data = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toLocaleString(lang)}` : '') },
    legend: { top: 0, left: 0 },
    grid: { left: 8, right: 48, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: data.map(name), axisLabel: { width: 200, overflow: 'truncate' } },
    series: [
      { name: t('reports.fig.early'), type: 'bar', stack: 's', data: data.map((r) => r.early), itemStyle: { color: CHART_COLORS.early } },
      { name: t('reports.fig.onTime'), type: 'bar', stack: 's', data: data.map((r) => r.onTime), itemStyle: { color: CHART_COLORS.onTime } },
      { name: t('reports.fig.late'), type: 'bar', stack: 's', data: data.map((r) => r.late), itemStyle: { color: CHART_COLORS.late },
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => percent(data[p.dataIndex].onTimeRate, lang) } },
    ],
  };
}

export function DashboardFigures() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const me = useMe().data;
  const wide = !!me && !me.center;
  const feedbackList = !!me?.permissions?.some((p) => p === 'feedback.manage' || p === 'feedback.answer');
  const centers = useCenters();
  const [center, setCenter] = useState<string>('');
  const q = useDashboard(wide && center ? center : undefined, !!me);
  const d = q.data;
  const c = wide && center ? center : undefined;

  const charts = useMemo(() => {
    if (!d) return null;
    const f = d.month.figures;
    const p = d.month.period;
    const open = (stat: Parameters<typeof statLink>[0], extra: { field?: string; department?: string } = {}) => navigate(statLink(stat, { period: p, center: c, ...extra }));
    const channel: ChartOption = {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{
        type: 'pie', radius: ['45%', '70%'], center: ['50%', '45%'], label: { formatter: '{c}' },
        data: [
          { name: t('reports.fig.online'), value: f.received.online, stat: 'received_online', itemStyle: { color: CHART_COLORS.online } },
          { name: t('reports.fig.direct'), value: f.received.direct, stat: 'received_direct', itemStyle: { color: CHART_COLORS.direct } },
          { name: t('reports.fig.carriedOver'), value: f.received.carriedOver, stat: 'carried_over', itemStyle: { color: CHART_COLORS.carried } },
        ],
      }],
    };
    const bars: { name: string; value: number; stat: Parameters<typeof statLink>[0]; color: string }[] = [
      { name: t('reports.fig.early'), value: f.settled.early, stat: 'settled_early', color: CHART_COLORS.early },
      { name: t('reports.fig.onTime'), value: f.settled.onTime, stat: 'settled_on_time', color: CHART_COLORS.onTime },
      { name: t('reports.fig.late'), value: f.settled.late, stat: 'settled_late', color: CHART_COLORS.late },
      { name: t('reports.fig.withinTime'), value: f.inProgress.withinTime, stat: 'in_progress_within', color: CHART_COLORS.within },
      { name: t('reports.fig.overdue'), value: f.inProgress.overdue, stat: 'in_progress_overdue', color: CHART_COLORS.overdue },
    ];
    const settlement: ChartOption = {
      tooltip: { trigger: 'item' },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', barMaxWidth: 44, label: { show: true, position: 'top' }, data: bars.map((b) => ({ value: b.value, stat: b.stat, itemStyle: { color: b.color } })) }],
    };
    return {
      channel, settlement, open,
      byField: shareChart(d.byField, lang, t, (r) => shortFieldName(r.name)),
      byDepartment: shareChart(d.byDepartment, lang, t, (r) => r.name),
    };
  }, [d, lang, t, navigate, c]);

  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!d || !charts) return <PageLoading />;

  const holder = (r: OverdueDossier) => r.assignee ?? t(`reports.dash.holderKind.${r.holder}`);
  const columns: ColumnsType<OverdueDossier> = [
    { title: t('dossiers.common.code'), dataIndex: 'code', width: 200, render: (code: string) => <Link to={`/console/dossiers/${encodeURIComponent(code)}`} className="code">{code}</Link> },
    { title: t('dossiers.common.procedure'), key: 'p', render: (_, r) => <Tooltip title={r.procedure.name}><span className="ellipsis-2">{r.procedure.name}</span></Tooltip> },
    { title: t('reports.settlement.col.department'), key: 'dep', width: 190, render: (_, r) => r.department?.name ?? '—' },
    { title: t('reports.dash.step'), key: 'step', width: 170, render: (_, r) => (r.paused ? <Tag color="gold">{t('reports.dash.paused')}</Tag> : r.step?.name ?? '—') },
    { title: t('reports.dash.holder'), key: 'holder', width: 170, render: (_, r) => holder(r) },
    { title: t('reports.dash.overdueBy'), key: 'by', width: 150, align: 'right', render: (_, r) => <span className="bad strong">{t('reports.dash.workingDays', { n: r.overdueWorkingDays.toLocaleString(lang) })}</span> },
  ];
  const scope = d.department ? t('reports.scope.department', { name: d.department.name }) : d.center?.name ?? t('reports.scope.allCenters');

  return (
    <div className="dashboard-figures" data-testid="dashboard-figures">
      <div className="dash-head">
        <div>
          <Typography.Title level={4} className="dash-title">{t('reports.dash.title')}</Typography.Title>
          <div className="muted">{scope} · {t('reports.dash.asOf', { time: formatDateTime(d.generatedAt) })} · {t('reports.dash.openList')}</div>
        </div>
        {wide && (
          <Select className="toolbar-select-wide" value={center} onChange={setCenter} data-testid="dash-center" aria-label={t('reports.scope.center')}
            options={[{ value: '', label: t('reports.scope.allCenters') }, ...(centers.data ?? []).map((x) => ({ value: String(x.code), label: x.name }))]} popupMatchSelectWidth={false} />
        )}
      </div>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={4}><Kpi label={t('reports.dash.overdueNow')} tone="bad" testId="kpi-overdue" value={<FigureLink n={d.overdue} stat="overdue" center={c} testId="dash-overdue" />} /></Col>
        <Col xs={12} md={4}><Kpi label={t('reports.dash.atRiskNow')} tone="warn" hint={t('reports.dash.atRiskHint')} testId="kpi-at-risk" value={<FigureLink n={d.atRisk} stat="at_risk" center={c} testId="dash-at-risk" />} /></Col>
        <Col xs={12} md={4}><Kpi label={t('control.untouched.kpi')} tone="warn" hint={t('control.untouched.kpiHint')} testId="kpi-untouched" value={<FigureLink n={d.untouched} stat="untouched" center={c} testId="dash-untouched" />} /></Col>
        <Col xs={12} md={4}><Kpi label={`${t('reports.fig.onTimeRate')} · ${t('reports.dash.month')}`} tone="good" value={percent(d.month.figures.onTimeRate, lang)} /></Col>
        <Col xs={12} md={3}><Kpi label={t('feedback.dash.kpi')} tone={d.feedbackOverdue ? 'bad' : undefined} hint={t('feedback.dash.hint')} testId="kpi-feedback" value={
          feedbackList && !c ? <Link to="/console/feedback?overdue=1" className="figure-link" data-testid="dash-feedback-overdue">{d.feedbackOverdue.toLocaleString('vi-VN')}</Link> : d.feedbackOverdue.toLocaleString('vi-VN')} /></Col>
        <Col xs={24} md={5}>
          {d.queue ? (
            <Kpi label={t('reports.dash.queue')} testId="kpi-queue" value={
              <Link to="/console/queue/stats" className="figure-link small-kpi">
                {t('reports.dash.waiting')}: {d.queue.waiting} · {t('reports.dash.avgWait')}: {d.queue.averageWaitMinutes === null ? '—' : t('reports.dash.minutes', { n: d.queue.averageWaitMinutes.toLocaleString(lang) })}
              </Link>} />
          ) : <Kpi label={t('reports.fig.inProgress')} value={<FigureLink n={d.month.figures.inProgress.total} stat="in_progress" period={d.month.period} center={c} />} />}
        </Col>
        <Col xs={24} lg={12}><FiguresCard title={t('reports.dash.today')} period={d.today.period} f={d.today.figures} center={c} testId="fig-today" /></Col>
        <Col xs={24} lg={12}><FiguresCard title={t('reports.dash.month')} period={d.month.period} f={d.month.figures} center={c} testId="fig-month" /></Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('reports.dash.byChannel')}>
            <EChart option={charts.channel} height={240} ariaLabel={t('reports.dash.byChannel')} testId="chart-channel"
              onClick={(e) => charts.open((e.data as { stat: Parameters<typeof statLink>[0] }).stat)} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('reports.dash.bySettlement')}>
            <EChart option={charts.settlement} height={240} ariaLabel={t('reports.dash.bySettlement')} testId="chart-settlement"
              onClick={(e) => charts.open((e.data as { stat: Parameters<typeof statLink>[0] }).stat)} />
          </Card>
        </Col>
        <Col xs={24} lg={d.byDepartment.length ? 12 : 24}>
          <Card size="small" title={t('reports.dash.byField')}>
            {d.byField.length ? (
              <EChart option={charts.byField} height={Math.max(140, d.byField.length * 34 + 50)} ariaLabel={t('reports.dash.byField')} testId="chart-by-field"
                onClick={(e) => charts.open(SHARE_STATS[e.seriesIndex ?? 0], { field: [...d.byField].reverse()[e.dataIndex]?.key })} />
            ) : <div className="muted">{t('reports.dash.noData')}</div>}
          </Card>
        </Col>
        {d.byDepartment.length > 0 && (
          <Col xs={24} lg={12}>
            <Card size="small" title={t('reports.dash.byDepartment')}>
              <EChart option={charts.byDepartment} height={Math.max(140, d.byDepartment.length * 34 + 50)} ariaLabel={t('reports.dash.byDepartment')} testId="chart-by-department"
                onClick={(e) => charts.open(SHARE_STATS[e.seriesIndex ?? 0], { department: [...d.byDepartment].reverse()[e.dataIndex]?.key })} />
            </Card>
          </Col>
        )}
        {!d.department && (
          <Col xs={24}>
            <ControlTable rows={d.control} center={c} />
          </Col>
        )}
        <Col xs={24}>
          <Card size="small" title={t('reports.dash.mostOverdue')} className="table-card">
            <Table<OverdueDossier> rowKey="code" size="small" pagination={false} columns={columns} dataSource={d.mostOverdue} scroll={{ x: 900 }}
              locale={{ emptyText: t('reports.dash.noOverdue') }} data-testid="most-overdue" />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

export type { Dashboard };
