// Xếp hạng cán bộ: per officer or department over a period — dossiers settled, on-time share against the share the same
// procedures reach (the formula shown), supplement requests, delay caused, ratings; a bar chart of the scores; the
// director records periodic assessments of seconded officers with the period's figures attached.
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCenters, useMe } from '../../../api/hooks';
import type { RankingRow, StaffAssessment } from '../../../api/types';
import { CHART_COLORS, EChart, type ChartOption } from '../../../components/charts/EChart';
import { ErrorState } from '../../../components/ErrorState';
import { monthSoFar } from '../../../components/fees/dates';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../../lib/format';
import { workingTime } from '../control/api';
import { PageHeader } from '../PageHeader';
import { decimal, percent, useAssessments, useRanking, useRecordAssessment } from './api';
import './ranking.css';

const DAY = 'YYYY-MM-DD';
// The roles of officers seconded to the center (the server refuses the others: leaders).
const SECONDED = ['reception', 'specialist', 'department_head', 'fee_collector', 'supervisor'];

export default function RankingPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('ranking.title'));
  const lang = i18n.language;
  const me = useMe().data;
  const wide = !!me && !me.center;
  const canAssess = !!me?.permissions.includes('staff.assess');
  const centers = useCenters();
  const [center, setCenter] = useState('');
  const [[from, to], setPeriod] = useState<[string, string]>(monthSoFar);
  const [by, setBy] = useState<'staff' | 'department'>('staff');
  const [assessing, setAssessing] = useState<RankingRow | null>(null);
  const c = wide && center ? center : undefined;
  const q = useRanking({ from, to, by, center: c });
  const r = q.data;
  const day = r?.workingDayMinutes ?? 480;

  const chart: ChartOption | null = useMemo(() => {
    const rows = (r?.rows ?? []).filter((x) => x.score !== null);
    if (!rows.length) return null;
    const ordered = [...rows].reverse();
    return {
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}: ${decimal(p.value, lang)}` },
      grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, interval: 20, max: (v: { max: number }) => Math.max(120, Math.ceil(v.max / 20) * 20) },
      yAxis: { type: 'category', data: ordered.map((x) => x.name), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [{
        type: 'bar', barMaxWidth: 22, label: { show: true, position: 'right', formatter: (p: { value: number }) => decimal(p.value, lang) },
        data: ordered.map((x) => ({ value: x.score, itemStyle: { color: (x.score ?? 0) >= 100 ? CHART_COLORS.onTime : CHART_COLORS.late } })),
      }],
    };
  }, [r, lang]);

  const columns: ColumnsType<RankingRow> = [
    { title: t('ranking.col.rank'), dataIndex: 'rank', width: 70, align: 'center', render: (v: number | null) => (v === null ? <span className="muted small">{t('ranking.unranked')}</span> : <strong>{v}</strong>) },
    {
      title: t(by === 'staff' ? 'ranking.col.name' : 'ranking.col.department'), dataIndex: 'name', width: 210,
      render: (v: string, x) => <div><div className="strong">{v}</div>{x.unit && <div className="muted small">{x.unit}</div>}</div>,
    },
    { title: t('ranking.col.handled'), dataIndex: 'handled', width: 100, align: 'right' },
    {
      title: t('ranking.col.share'), dataIndex: 'onTimeShare', width: 110, align: 'right',
      render: (v: number | null, x) => <span>{percent(v, lang)}<div className="muted small">{t('ranking.col.onTimeOf', { onTime: x.onTime, handled: x.handled })}</div></span>,
    },
    { title: t('ranking.col.expected'), dataIndex: 'expectedShare', width: 100, align: 'right', render: (v: number | null) => percent(v, lang) },
    {
      title: t('ranking.col.score'), dataIndex: 'score', width: 90, align: 'right',
      render: (v: number | null) => (v === null ? '—' : <span className={v >= 100 ? 'good strong' : 'bad strong'}>{decimal(v, lang)}</span>),
    },
    { title: t('ranking.col.supplements'), dataIndex: 'supplementRequests', width: 100, align: 'right' },
    {
      title: t('ranking.col.delay'), dataIndex: 'delayMinutes', width: 110, align: 'right',
      render: (v: number, x) => (v ? <span className="bad">{workingTime(t, v, day, lang)}<div className="muted small">{t('ranking.col.lateDossiers', { count: x.lateDossiers })}</div></span> : workingTime(t, v, day, lang)),
    },
    {
      title: t('ranking.col.evaluation'), dataIndex: 'evaluationAverage', width: 110, align: 'right',
      render: (v: number | null, x) => (x.evaluations ? <span>{decimal(v, lang)}<div className="muted small">{t('ranking.col.evaluations', { count: x.evaluations })}</div></span> : '—'),
    },
    {
      title: t('ranking.col.upheld'), dataIndex: 'feedbackUpheld', width: 110, align: 'right',
      render: (v: number) => (v ? <span className="bad strong" title={t('ranking.col.upheldHint', { points: r?.penaltyPerUpheld ?? 0 })}>{v}<div className="muted small">{t('ranking.col.upheldPoints', { points: v * (r?.penaltyPerUpheld ?? 0) })}</div></span> : 0),
    },
    ...(by === 'department' ? [{ title: t('ranking.col.feedback'), dataIndex: 'feedbackAnswered', width: 110, align: 'right' as const }] : []),
    ...(canAssess && by === 'staff' ? [{
      title: t('ranking.col.assess'), key: 'assess', width: 100,
      render: (_: unknown, x: RankingRow) => (x.roles.some((role) => SECONDED.includes(role))
        ? <Button size="small" onClick={() => setAssessing(x)} data-testid={`assess-${x.key}`} title={t('ranking.assess.button')}>{t('ranking.col.assess')}</Button> : null),
    }] : []),
  ];

  return (
    <div className="console-page ranking-page">
      <PageHeader title={t('ranking.title')} subtitle={t('ranking.subtitle')} />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          {wide && (
            <Select className="toolbar-select-wide" value={center} onChange={setCenter} aria-label={t('reports.scope.center')} popupMatchSelectWidth={false}
              options={[{ value: '', label: t('reports.scope.allCenters') }, ...(centers.data ?? []).map((x) => ({ value: String(x.code), label: x.name }))]} />
          )}
          <DatePicker.RangePicker format="DD/MM/YYYY" value={[dayjs(from), dayjs(to)]} allowClear={false} aria-label={t('reports.settlement.period')}
            onChange={(v) => v?.[0] && v[1] && setPeriod([v[0].format(DAY), v[1].format(DAY)])} data-testid="ranking-period" />
          <Segmented value={by} onChange={(v) => setBy(v as 'staff' | 'department')} data-testid="ranking-by"
            options={(['staff', 'department'] as const).map((g) => ({ value: g, label: t(`ranking.by.${g}`) }))} />
          {r && <span className="muted small">{t('ranking.asOf', { time: formatDateTime(r.asOf) })}</span>}
        </div>
      </Card>
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : (
        <>
          {r && (
            <Alert type="info" showIcon className="ranking-formula" data-testid="ranking-formula"
              message={<strong>{t('ranking.formula')}</strong>}
              description={<>
                <div>{lang === 'en' ? r.formula.en : r.formula.vi}</div>
                {r.notAvailable.map((n) => <div key={n.key} className="muted small ranking-na">{t('ranking.notAvailable')}: {n.note}</div>)}
              </>} />
          )}
          {chart && (
            <Card size="small" className="table-card" title={t('ranking.chart')}>
              <EChart option={chart} height={Math.max(140, (r?.rows.filter((x) => x.score !== null).length ?? 0) * 30 + 50)} ariaLabel={t('ranking.chartAria')} testId="ranking-chart" />
            </Card>
          )}
          <Card size="small" className="table-card">
            <Table<RankingRow> rowKey="key" size="small" columns={columns} dataSource={r?.rows ?? []} loading={q.isPending} scroll={{ x: 1100 }}
              pagination={{ pageSize: 30, showSizeChanger: false, hideOnSinglePage: true }} locale={{ emptyText: t('ranking.empty') }} data-testid="ranking-table"
              expandable={{
                rowExpandable: (x) => x.codes.length > 0,
                expandedRowRender: (x) => (
                  <div className="ranking-codes">
                    <span className="muted small">{t('ranking.codes', { count: x.handled })}: </span>
                    {x.codes.map((code) => <Link key={code} className="code" to={`/console/dossiers/${encodeURIComponent(code)}`}>{code}</Link>)}
                  </div>
                ),
              }} />
          </Card>
          {canAssess && <AssessmentList />}
        </>
      )}
      {assessing && <AssessModal row={assessing} from={from} to={to} onClose={() => setAssessing(null)} />}
    </div>
  );
}

function AssessModal({ row, from, to, onClose }: { row: RankingRow; from: string; to: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rating: StaffAssessment['rating']; remarks: string }>();
  const ratings = useAssessments(true).data?.ratings ?? [];
  const save = useRecordAssessment();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ officer: row.key, from, to, rating: v.rating, remarks: v.remarks ?? '' });
      void message.success(t('ranking.assess.saved', { name: row.name }));
      onClose();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={t('ranking.assess.title', { name: row.name })} onCancel={onClose} onOk={() => void submit()} okText={t('ranking.assess.save')}
      confirmLoading={save.isPending} destroyOnHidden data-testid="assess-modal">
      <Typography.Paragraph className="muted small">{t('ranking.assess.help')}</Typography.Paragraph>
      <p><strong>{t('ranking.assess.period')}:</strong> {formatDate(from)} – {formatDate(to)}</p>
      <p className="small">{t('ranking.assess.figures', { handled: row.handled, share: percent(row.onTimeShare, 'vi'), score: row.score ?? '—' })}</p>
      <Form form={form} layout="vertical">
        <Form.Item name="rating" label={t('ranking.assess.rating')} rules={[{ required: true, message: t('ranking.assess.ratingRequired') }]}>
          <Select options={ratings.map((x) => ({ value: x.value, label: x.label }))} data-testid="assess-rating" />
        </Form.Item>
        <Form.Item name="remarks" label={t('ranking.assess.remarks')}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('ranking.assess.remarksPlaceholder')} data-testid="assess-remarks" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AssessmentList() {
  const { t, i18n } = useTranslation();
  const q = useAssessments(true);
  const columns: ColumnsType<StaffAssessment> = [
    { title: t('ranking.assess.col.officer'), key: 'o', width: 200, render: (_, a) => <div><div className="strong">{a.officer.name}</div>{a.officer.unit && <div className="muted small">{a.officer.unit}</div>}</div> },
    { title: t('ranking.assess.col.period'), key: 'p', width: 170, render: (_, a) => `${formatDate(a.from)} – ${formatDate(a.to)}` },
    { title: t('ranking.assess.col.rating'), key: 'r', width: 200, render: (_, a) => <Tag color={a.rating === 'not_completed' ? 'red' : a.rating === 'excellent' ? 'green' : 'blue'}>{a.ratingName}</Tag> },
    {
      title: t('ranking.assess.col.figures'), key: 'f', width: 230,
      render: (_, a) => t('ranking.assess.figures', { handled: a.figures.handled, share: percent(a.figures.onTimeShare, i18n.language), score: a.figures.score === null ? '—' : decimal(a.figures.score, i18n.language) }),
    },
    { title: t('ranking.assess.col.remarks'), dataIndex: 'remarks', width: 220 },
    { title: t('ranking.assess.col.by'), key: 'b', width: 170, render: (_, a) => <div>{a.assessedBy}<div className="muted small">{formatDate(a.assessedAt)}</div></div> },
  ];
  return (
    <Card size="small" className="table-card" title={t('ranking.assess.list')}>
      <Table<StaffAssessment> rowKey="id" size="small" columns={columns} dataSource={q.data?.items ?? []} loading={q.isPending} scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }} locale={{ emptyText: t('ranking.assess.empty') }} data-testid="assessments" />
    </Card>
  );
}
