import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCalendarDays, useCenters, useMe } from '../../../api/hooks';
import type { CalendarDay } from '../../../api/types';
import { dayOfWeek, formatDate, vnTime } from '../../../lib/format';
import { ErrorState } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { PageHeader } from '../PageHeader';
import { MonthGrid } from './MonthGrid';
import { byDateMap, type DayInfo } from './calendarModel';
import { DayModal } from './DayModal';

const SOURCE_COLOR: Record<string, string> = { announced: 'blue', statutory: 'purple', admin: 'orange' };

export default function CalendarPage() {
  const { t } = useTranslation();
  usePageTitle(t('menu.calendar'));
  const today = vnTime(new Date()).format('YYYY-MM-DD');
  const me = useMe().data;
  const centers = useCenters();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || Number(today.slice(0, 4));
  const setYear = (y: number) => {
    const next = new URLSearchParams(params);
    next.set('year', String(y));
    setParams(next, { replace: true });
  };
  const [center, setCenter] = useState<string | undefined>(me?.center?.code);
  const [picked, setPicked] = useState<DayInfo | null>(null);
  const cal = useCalendarDays(year, center);
  const byDate = useMemo(() => byDateMap(cal.data?.items), [cal.data]);
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 12 }, (_, i) => thisYear - 8 + i);

  const listed = useMemo(() => [...(cal.data?.items ?? [])].sort((a, b) => a.date.localeCompare(b.date) || a.source.localeCompare(b.source)), [cal.data]);
  const offCount = [...byDate.values()].filter((d) => d.kind === 'day_off').length;
  const makeupCount = [...byDate.values()].filter((d) => d.kind === 'makeup').length;

  const columns: ColumnsType<CalendarDay> = [
    {
      title: t('calendar.date'),
      dataIndex: 'date',
      width: 170,
      render: (d: string) => (
        <span className="nowrap">
          {formatDate(d)} <span className="muted small">({t(`weekday.${dayOfWeek(d)}`)})</span>
        </span>
      ),
    },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: string) => <Tag color={k === 'day_off' ? 'red' : 'green'}>{t(`calendar.kindName.${k}`)}</Tag>,
    },
    { title: t('calendar.nameReason'), key: 'name', render: (_, d) => d.name || d.reason || '—' },
    { title: t('calendar.source'), dataIndex: 'source', width: 170, render: (s: string) => <Tag color={SOURCE_COLOR[s]}>{t(`calendar.sourceName.${s}`)}</Tag> },
  ];

  return (
    <div className="console-page">
      <PageHeader
        title={t('menu.calendar')}
        subtitle={t('calendar.subtitle')}
        extra={
          <Space wrap>
            <Space.Compact>
              <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label={t('calendar.prevYear')} />
              <Select
                value={year}
                onChange={setYear}
                options={years.map((y) => ({ value: y, label: t('calendar.year', { year: y }) }))}
                style={{ width: 120 }}
                aria-label={t('calendar.yearLabel')}
                data-testid="calendar-year"
              />
              <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} aria-label={t('calendar.nextYear')} />
            </Space.Compact>
            <Select
              allowClear
              value={center}
              onChange={(v?: string) => setCenter(v)}
              placeholder={t('calendar.allCenters')}
              options={(centers.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
              style={{ minWidth: 260 }}
              popupMatchSelectWidth={false}
              aria-label={t('calendar.center')}
            />
          </Space>
        }
      />
      {cal.isError ? (
        <ErrorState error={cal.error} onRetry={() => void cal.refetch()} />
      ) : (
        <>
          <Card size="small" className="calendar-card" loading={cal.isPending}>
            <div className="calendar-summary">
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="calendar-year-title">
                {t('calendar.year', { year })}
                {cal.data?.center ? ` — ${cal.data.center.name}` : ''}
              </Typography.Title>
              <span className="muted">
                {t('calendar.summary', { off: offCount, makeup: makeupCount })}
                {cal.data?.saturdayMorningOpen ? ` · ${t('calendar.saturdayOpen')}` : ''}
                {cal.data?.saturdayMorningCounts ? ` · ${t('centers.saturdayMorningCounts')}` : ''}
              </span>
            </div>
            <div className="calendar-legend">
              {(['working', 'weekend', 'saturday_open', 'day_off', 'makeup'] as const)
                .filter((s) => s !== 'saturday_open' || cal.data?.saturdayMorningOpen)
                .map((s) => (
                  <span key={s} className="legend-item">
                    <span className={`legend-swatch day-${s}`} /> {t(`calendar.status.${s}`)}
                  </span>
                ))}
              <span className="legend-item">
                <span className="legend-swatch day-working day-admin" /> {t('calendar.adminChange')}
              </span>
            </div>
            <div className="year-grid">
              {Array.from({ length: 12 }, (_, i) => (
                <MonthGrid key={i} year={year} month={i + 1} data={cal.data} byDate={byDate} today={today} onPick={setPicked} />
              ))}
            </div>
          </Card>
          <Card size="small" className="table-card" title={t('calendar.listTitle', { year })}>
            <Table<CalendarDay>
scroll={{ x: 640 }}               rowKey={(d) => `${d.date}-${d.source}-${d.kind}`}
              size="small"
              columns={columns}
              dataSource={listed}
              pagination={false}
              loading={cal.isPending}
            />
          </Card>
        </>
      )}
      {picked && <DayModal day={picked} center={center} onClose={() => setPicked(null)} />}
    </div>
  );
}
