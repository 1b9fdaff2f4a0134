// Kết quả đánh giá mức độ hài lòng (issue 14 item 4): the period's ratings by criterion (chart), channel, center,
// field, department and officer, and the indicators computed from the rated dossiers (time, agencies, contacts).
import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Empty, Row, Segmented, Select, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCenters, useMe } from '../../../api/hooks';
import { EChart, CHART_COLORS, type ChartOption } from '../../../components/charts/EChart';
import { ErrorState } from '../../../components/ErrorState';
import { monthSoFar } from '../../../components/fees/dates';
import { usePageTitle } from '../../../components/usePageTitle';
import { PageHeader } from '../PageHeader';
import { useEvaluationReport, type EvaluationReport } from './api';
import { hours } from './DerivedBox';

const DAY = 'YYYY-MM-DD';
type By = 'center' | 'field' | 'department' | 'officer';
const KEY: Record<By, 'byCenter' | 'byField' | 'byDepartment' | 'byOfficer'> = { center: 'byCenter', field: 'byField', department: 'byDepartment', officer: 'byOfficer' };
const score = (v: number | null) => (v === null ? '—' : v.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

export default function EvaluationReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('evaluations.report.title'));
  const me = useMe().data;
  const wide = !!me && !me.center;
  const centers = useCenters();
  const [center, setCenter] = useState('');
  const [[from, to], setPeriod] = useState<[string, string]>(monthSoFar);
  const [by, setBy] = useState<By>('field');
  const report = useEvaluationReport({ from, to, ...(wide && center ? { center } : {}) });
  const r = report.data;

  const chart = useMemo<ChartOption | null>(() => !r ? null : ({
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', min: 0, max: 2 },
    yAxis: { type: 'category', inverse: true, data: r.questions.map((q) => (q.text.length > 48 ? `${q.text.slice(0, 46)}…` : q.text)), axisLabel: { width: 300, overflow: 'truncate' } },
    series: [{ type: 'bar', data: r.questions.map((q) => q.average), itemStyle: { color: CHART_COLORS.onTime }, label: { show: true, position: 'right', formatter: (p: { value: number | null }) => (p.value === null ? '' : score(p.value)) }, barMaxWidth: 26 }],
  }), [r]);

  return (
    <div className="console-page">
      <PageHeader title={t('evaluations.report.title')} subtitle={t('evaluations.report.subtitle')} />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          {wide && (
            <Select className="toolbar-select-wide" value={center} onChange={setCenter} aria-label={t('evaluations.report.center')} popupMatchSelectWidth={false}
              options={[{ value: '', label: t('evaluations.report.allCenters') }, ...(centers.data ?? []).map((x) => ({ value: String(x.code), label: x.name }))]} />
          )}
          <DatePicker.RangePicker format="DD/MM/YYYY" value={[dayjs(from), dayjs(to)]} allowClear={false} aria-label={t('evaluations.report.period')}
            onChange={(v) => v?.[0] && v[1] && setPeriod([v[0].format(DAY), v[1].format(DAY)])} data-testid="evaluation-period" />
        </div>
      </Card>
      {report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : r && (r.total === 0 ? (
        <Card><Empty description={t('evaluations.report.empty')} /></Card>
      ) : (
        <Body r={r} chart={chart!} by={by} setBy={setBy} />
      ))}
    </div>
  );
}

function Body({ r, chart, by, setBy }: { r: EvaluationReport; chart: ChartOption; by: By; setBy: (b: By) => void }) {
  const { t } = useTranslation();
  const d = r.derived;
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('evaluations.report.total')} value={r.total} /></Card></Col>
        {r.byChannel.map((c) => (
          <Col xs={12} md={6} key={c.channel}><Card size="small"><Statistic title={t(`evaluations.report.channel.${c.channel}`)} value={c.count} /></Card></Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('evaluations.report.byQuestion')}>
            <EChart option={chart} height={230} ariaLabel={t('evaluations.report.chartAria')} testId="evaluation-chart" />
            <Table size="small" rowKey="id" pagination={false} dataSource={r.questions} columns={[
              { title: t('evaluations.report.name'), dataIndex: 'text' },
              { title: t('evaluations.report.answered'), dataIndex: 'answered', align: 'right', width: 110 },
              { title: t('evaluations.report.average'), dataIndex: 'average', align: 'right', width: 120, render: score },
            ]} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('evaluations.report.derived')} data-testid="evaluation-derived">
            <Row gutter={[8, 8]}>
              <Col span={6}><Statistic title={t('evaluations.report.early')} value={d.early} valueStyle={{ color: CHART_COLORS.early }} /></Col>
              <Col span={6}><Statistic title={t('evaluations.report.onTime')} value={d.onTime} valueStyle={{ color: CHART_COLORS.onTime }} /></Col>
              <Col span={6}><Statistic title={t('evaluations.report.late')} value={d.late} valueStyle={{ color: CHART_COLORS.late }} /></Col>
              <Col span={6}><Statistic title={t('evaluations.report.open')} value={d.open} /></Col>
              <Col span={8}><Statistic title={t('evaluations.report.avgHours')} value={d.averageWorkingHours === null ? '—' : hours(d.averageWorkingHours)} suffix={d.averageWorkingHours === null ? undefined : t('evaluations.report.hoursUnit')} /></Col>
              <Col span={8}><Statistic title={t('evaluations.report.avgContacts')} value={d.averageContacts === null ? '—' : hours(d.averageContacts)} /></Col>
              <Col span={8}><Statistic title={t('evaluations.report.avgSupplements')} value={d.averageSupplementRequests === null ? '—' : hours(d.averageSupplementRequests)} /></Col>
            </Row>
            <Table size="small" rowKey="unit" pagination={false} style={{ marginTop: 12 }} dataSource={d.perUnit} title={() => t('evaluations.report.perUnit')} columns={[
              { title: t('evaluations.report.unit'), dataIndex: 'unit' },
              { title: t('evaluations.report.dossiers'), dataIndex: 'dossiers', align: 'right', width: 90 },
              { title: t('evaluations.report.hours'), dataIndex: 'averageWorkingHours', align: 'right', width: 110, render: (v: number) => hours(v) },
            ]} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={<Segmented value={by} onChange={(v) => setBy(v as By)} options={(['center', 'field', 'department', 'officer'] as const).map((b) => ({ value: b, label: t(`evaluations.report.by.${b}`) }))} data-testid="evaluation-by" />}>
        <Table size="small" rowKey={(x) => x.key ?? 'none'} pagination={false} dataSource={r[KEY[by]]} data-testid="evaluation-groups" columns={[
          { title: t('evaluations.report.name'), dataIndex: 'name', render: (v: string | null) => v ?? t('evaluations.report.none') },
          { title: t('evaluations.report.count'), dataIndex: 'count', align: 'right', width: 110 },
          { title: t('evaluations.report.average'), dataIndex: 'average', align: 'right', width: 140, render: score },
        ]} />
      </Card>
    </>
  );
}
