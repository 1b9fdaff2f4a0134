// Hồ sơ trễ hạn: the dossiers of a period settled late or overdue at its end, grouped by the unit (with its officers)
// or the reason of the steps that used more than their budget; each dossier with those steps; Excel.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, DatePicker, Segmented, Select, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCenters, useMe } from '../../../api/hooks';
import type { LateDossier, LateGroup } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { monthSoFar } from '../../../components/fees/dates';
import { ErrorState } from '../../../components/ErrorState';
import { dossierTime } from '../../../components/dossier/DossierTags';
import { usePageTitle } from '../../../components/usePageTitle';
import { PageHeader } from '../PageHeader';
import { lateFileUrl, useLateReport, workingTime } from './api';
import './control.css';

const DAY = 'YYYY-MM-DD';
type GroupRow = LateGroup & { person?: boolean };

export default function LateReportPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('control.late.title'));
  const lang = i18n.language;
  const me = useMe().data;
  const wide = !!me && !me.center;
  const centers = useCenters();
  const [center, setCenter] = useState('');
  const [[from, to], setPeriod] = useState<[string, string]>(monthSoFar);
  const [groupBy, setGroupBy] = useState<'unit' | 'reason'>('unit');
  const c = wide && center ? center : undefined;
  const report = useLateReport({ from, to, groupBy, center: c });
  const r = report.data;
  const day = r?.workingDayMinutes ?? 480;
  const wt = (m: number) => workingTime(t, m, day, lang);

  // A unit's officers as its child rows.
  const groups: GroupRow[] = (r?.rows ?? []).map((g) => ({
    ...g, children: g.people.length ? g.people.map((p) => ({ key: `${g.key}/${p.id}`, name: p.name, kind: g.kind, dossiers: p.dossiers, overruns: 0, overMinutes: p.overMinutes, people: [], person: true })) : undefined,
  }));
  const groupColumns: ColumnsType<GroupRow> = [
    { title: t(`control.late.col.${groupBy}`), dataIndex: 'name', key: 'name', render: (v: string, g) => (g.person ? <span className="late-person">{v}</span> : <strong>{v}</strong>) },
    { title: t('control.late.col.dossiers'), dataIndex: 'dossiers', key: 'dossiers', width: 110, align: 'right' },
    { title: t('control.late.col.overruns'), dataIndex: 'overruns', key: 'overruns', width: 150, align: 'right', render: (v: number, g) => (g.person ? '' : v) },
    { title: t('control.late.col.over'), dataIndex: 'overMinutes', key: 'over', width: 160, align: 'right', render: (v: number) => <span className={v ? 'bad strong' : ''}>{wt(v)}</span> },
  ];
  const itemColumns: ColumnsType<LateDossier> = [
    { title: t('control.late.col.code'), dataIndex: 'code', width: 200, fixed: 'left', render: (code: string) => <Link className="code" to={`/console/dossiers/${encodeURIComponent(code)}`}>{code}</Link> },
    { title: t('dossiers.common.procedure'), key: 'p', width: 220, render: (_, d) => <Tooltip title={d.procedure.name}><span className="ellipsis-2">{d.procedure.name}</span></Tooltip> },
    { title: t('control.late.col.state'), key: 'state', width: 150, render: (_, d) => <Tag color={d.state === 'overdue' ? 'red' : 'orange'}>{t(`control.late.state.${d.state}`)}</Tag> },
    { title: t('control.late.col.due'), key: 'due', width: 140, render: (_, d) => dossierTime(d.legalDueAt) },
    { title: t('control.late.col.ended'), key: 'ended', width: 140, render: (_, d) => (d.endedAt ? dossierTime(d.endedAt) : '—') },
    { title: t('control.late.col.lateBy'), key: 'late', width: 120, align: 'right', render: (_, d) => wt(d.lateMinutes) },
    {
      title: t('control.late.col.steps'), key: 'steps', width: 380,
      render: (_, d) => d.overruns.length ? (
        <ul className="late-steps">
          {d.overruns.map((o) => (
            <li key={o.index}>
              <div>{t('control.late.step', { n: o.index + 1, step: o.step, unit: o.unit.name })}{o.person ? ` (${o.person.name})` : ''}</div>
              <div className="small"><span className="bad strong">{t('control.late.overBy', { over: wt(o.overMinutes) })}</span> · <span className="muted">{t('control.late.used', { used: wt(o.usedMinutes), budget: wt(o.budgetMinutes) })}</span></div>
            </li>
          ))}
        </ul>
      ) : '—',
    },
    { title: t('control.late.col.reasons'), key: 'reasons', width: 220, render: (_, d) => d.reasons.map((x) => <div key={x.key} className="small">{x.name}</div>) },
    { title: t('control.late.col.notice'), dataIndex: 'lateNotice', width: 180, render: (v: string | null) => v ?? '' },
  ];

  return (
    <div className="console-page late-page">
      <PageHeader
        title={t('control.late.title')}
        subtitle={t('control.late.subtitle')}
        extra={<Button icon={<FileExcelOutlined />} href={lateFileUrl({ from, to, groupBy, center: c })} download data-testid="late-xlsx">{t('control.late.excel')}</Button>}
      />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          {wide && (
            <Select className="toolbar-select-wide" value={center} onChange={setCenter} aria-label={t('reports.scope.center')} popupMatchSelectWidth={false}
              options={[{ value: '', label: t('reports.scope.allCenters') }, ...(centers.data ?? []).map((x) => ({ value: String(x.code), label: x.name }))]} />
          )}
          <DatePicker.RangePicker format="DD/MM/YYYY" value={[dayjs(from), dayjs(to)]} allowClear={false} aria-label={t('reports.settlement.period')}
            onChange={(v) => v?.[0] && v[1] && setPeriod([v[0].format(DAY), v[1].format(DAY)])} data-testid="late-period" />
          <Segmented value={groupBy} onChange={(v) => setGroupBy(v as 'unit' | 'reason')} data-testid="late-group"
            options={(['unit', 'reason'] as const).map((g) => ({ value: g, label: t(`control.late.groupBy.${g}`) }))} />
          {r && <span className="muted small">{t('control.late.asOf', { time: formatDateTime(r.asOf) })}</span>}
        </div>
      </Card>
      {report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <Card size="small" className="table-card" title={r ? t('control.late.total', { dossiers: r.total.dossiers, settled: r.total.settledLate, overdue: r.total.overdue }) : ' '}>
            <Table<GroupRow> rowKey="key" size="small" columns={groupColumns} dataSource={groups} pagination={false} loading={report.isPending}
              expandable={{ defaultExpandAllRows: true }} locale={{ emptyText: t('control.late.empty') }} data-testid="late-groups" key={`${groupBy}-${groups.length}`} />
          </Card>
          <Card size="small" className="table-card" title={t('control.late.details')}>
            <Table<LateDossier> rowKey="code" size="small" columns={itemColumns} dataSource={r?.items ?? []} loading={report.isPending} scroll={{ x: 1500 }}
              pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }} locale={{ emptyText: t('control.late.empty') }} data-testid="late-items" />
          </Card>
        </>
      )}
    </div>
  );
}
