// Chỉ số 766: each indicator the center determines, with its result, formula in words, a note when the data cannot
// support it, and the drill-down list of the dossiers (or procedures) behind it.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, DatePicker, Drawer, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCenters, useMe } from '../../../api/hooks';
import type { IndexFigure } from '../../../api/types';
import { ErrorState } from '../../../components/ErrorState';
import { monthSoFar } from '../../../components/fees/dates';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDateTime } from '../../../lib/format';
import { PageHeader } from '../PageHeader';
import { useServiceIndex } from './api';
import './ranking.css';

const DAY = 'YYYY-MM-DD';

export default function IndexPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('ranking.index.title'));
  const me = useMe().data;
  const wide = !!me && !me.center;
  const centers = useCenters();
  const [center, setCenter] = useState('');
  const [[from, to], setPeriod] = useState<[string, string]>(monthSoFar);
  const [open, setOpen] = useState<IndexFigure | null>(null);
  const c = wide && center ? center : undefined;
  const q = useServiceIndex({ from, to, center: c });
  const r = q.data;
  const fmt = (v: number) => `${v.toLocaleString(i18n.language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 })} %`;

  return (
    <div className="console-page index-page">
      <PageHeader title={t('ranking.index.title')} subtitle={t('ranking.index.subtitle')} />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          {wide && (
            <Select className="toolbar-select-wide" value={center} onChange={setCenter} aria-label={t('reports.scope.center')} popupMatchSelectWidth={false}
              options={[{ value: '', label: t('reports.scope.allCenters') }, ...(centers.data ?? []).map((x) => ({ value: String(x.code), label: x.name }))]} />
          )}
          <DatePicker.RangePicker format="DD/MM/YYYY" value={[dayjs(from), dayjs(to)]} allowClear={false} aria-label={t('reports.settlement.period')}
            onChange={(v) => v?.[0] && v[1] && setPeriod([v[0].format(DAY), v[1].format(DAY)])} data-testid="index-period" />
          {r && <span className="muted small">{t('ranking.asOf', { time: formatDateTime(r.asOf) })}</span>}
        </div>
      </Card>
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : (
        <div className="index-grid" data-testid="index-figures">
          {(r?.figures ?? []).map((f) => (
            <Card key={f.key} size="small" className="index-figure" data-testid={`figure-${f.key}`}
              title={<span><Tag color="blue">{f.key}</Tag><span className="muted small">{f.group}</span></span>}>
              <div className="index-name">{f.name}</div>
              {!f.available ? (
                <div className="index-value na" aria-label={t('ranking.index.notAvailable')}>—</div>
              ) : f.value === null ? (
                <div className="index-value na">{t('ranking.index.noData')}</div>
              ) : (
                <div className="index-value">{fmt(f.value)} <span className="muted small">{t('ranking.index.fraction', { num: f.numerator, den: f.denominator })}</span></div>
              )}
              {f.note && <div className={f.available ? 'muted small' : 'bad small'}>{f.note}</div>}
              <Typography.Paragraph className="index-formula small" ellipsis={{ rows: 3, expandable: true, symbol: '…' }}>
                <strong>{t('ranking.index.formula')}:</strong> {f.formula}
              </Typography.Paragraph>
              {f.itemsTotal > 0 && (
                <Button size="small" onClick={() => setOpen(f)} data-testid={`figure-${f.key}-list`}>{t('ranking.index.items', { count: f.itemsTotal })}</Button>
              )}
            </Card>
          ))}
        </div>
      )}
      <Drawer open={!!open} onClose={() => setOpen(null)} width={560} title={open ? `${open.key} — ${open.name}` : ''} data-testid="index-drawer">
        {open && <FigureItems f={open} />}
      </Drawer>
    </div>
  );
}

function FigureItems({ f }: { f: IndexFigure }) {
  const { t } = useTranslation();
  const counted = f.items.filter((i) => i.counted);
  const rest = f.items.filter((i) => !i.counted);
  const link = (code: string) => (f.itemKind === 'feedback' ? <span key={code} className="code">{code}</span> : f.itemKind === 'dossier'
    ? <Link key={code} className="code" to={`/console/dossiers/${encodeURIComponent(code)}`}>{code}</Link>
    : <Link key={code} className="code" to={`/procedures/${encodeURIComponent(code)}`}>{code}</Link>);
  return (
    <div>
      <p className="small"><strong>{t('ranking.index.formula')}:</strong> {f.formula}</p>
      {f.items.length < f.itemsTotal && <p className="muted small">{t('ranking.index.truncated', { shown: f.items.length, total: f.itemsTotal })}</p>}
      <h4>{t('ranking.index.counted')} ({counted.length}) · {t(`ranking.index.kind.${f.itemKind}`)}</h4>
      <div className="index-codes" data-testid="index-counted">{counted.map((i) => link(i.code))}</div>
      {rest.length > 0 && (
        <>
          <h4 style={{ marginTop: 16 }}>{t('ranking.index.notCounted')} ({rest.length})</h4>
          <div className="index-codes" data-testid="index-rest">{rest.map((i) => link(i.code))}</div>
        </>
      )}
    </div>
  );
}
