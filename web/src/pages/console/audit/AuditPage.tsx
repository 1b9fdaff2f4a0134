import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Input, Select, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Answer, AuditEntry } from '../../../api/types';
import { useTranslation } from 'react-i18next';
import { http } from '../../../api/client';
import { useCenters, useMe } from '../../../api/hooks';
import { formatDate, formatDateTime } from '../../../lib/format';
import { ErrorState } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { DATE_FORMAT, dayString, dayValue } from '../../../components/fees/dates';
import { PageHeader } from '../PageHeader';

const PAGE = 50;
const ACTION_GROUPS = ['dossier', 'auth', 'user', 'center', 'department', 'departments', 'counter', 'catalog', 'calendar', 'fees', 'queue', 'applicant', 'reports', 'notifications'];

function valueText(t: (k: string, o?: Record<string, unknown>) => string, key: string, v: unknown): string {
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  if (key === 'roles' && Array.isArray(v)) return v.map((r) => t(`roleName.${String(r)}`, { defaultValue: String(r) })).join(', ');
  if (key === 'level' && typeof v === 'string') return t(`centers.levels.${v}`, { defaultValue: v });
  if (key === 'kind' && typeof v === 'string') return t(`audit.kinds.${v}`, { defaultValue: v });
  if ((key === 'fromStatus' || key === 'toStatus') && typeof v === 'string') return t(`dossiers.status.${v}`, { defaultValue: v });
  if ((key === 'by' || key === 'form' || key === 'format' || key === 'groupBy') && (typeof v === 'string' || Array.isArray(v))) {
    return ([] as unknown[]).concat(v).map((x) => t(`audit.values.${key}.${String(x)}`, { defaultValue: String(x) })).join(', ');
  }
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join(', ');
  return JSON.stringify(v);
}

function dataText(t: (k: string, o?: Record<string, unknown>) => string, data: Record<string, unknown>): string {
  // A dossier's step: its status change first ("Mới đăng ký → Đã tiếp nhận"), then the rest.
  const { fromStatus, toStatus, ...rest } = data ?? {};
  const status = (v: unknown) => valueText(t, 'toStatus', v);
  const change = toStatus ? `${t('audit.keys.status')}: ${fromStatus ? `${status(fromStatus)} → ` : ''}${status(toStatus)}` : '';
  return [change, plainDataText(t, rest)].filter(Boolean).join(' · ');
}

function plainDataText(t: (k: string, o?: Record<string, unknown>) => string, data: Record<string, unknown>): string {
  return Object.entries(data ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${t(`audit.keys.${k}`, { defaultValue: k })}: ${valueText(t, k, v)}`)
    .join(' · ');
}

/** An action's name: the audit's own, or for a dossier's step the name its history uses. */
function actionLabel(t: (k: string, o?: Record<string, unknown>) => string, a: string): string {
  const own = t(`audit.actions.${a}`, { defaultValue: '' });
  if (own && typeof own === 'string') return own;
  return a.startsWith('dossier.') ? t(`dossiers.event.${a.slice('dossier.'.length)}`, { defaultValue: '' }) : '';
}

/** The journal of the viewer's scope (settings, reads, every step of every dossier), newest first, 50 at a time. */
export default function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('menu.audit'));
  const me = useMe().data;
  const centers = useCenters();
  const wide = !!me?.permissions.includes('centers.view_all');
  const [center, setCenter] = useState<string>();
  const [action, setAction] = useState<string>();
  const [actor, setActorFilter] = useState<string>();
  const [actorText, setActorText] = useState('');
  const setActor = (v?: string) => { setActorFilter(v); setActorText(v ?? ''); };
  const [dossier, setDossier] = useState<string>();
  const [period, setPeriod] = useState<[string, string] | null>(null);
  const filters = { center, action, actor, dossier, from: period?.[0], to: period?.[1] };
  const log = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => http.get<Answer<'/api/v1/admin/audit'>>('/admin/audit', { ...filters, limit: PAGE, before: pageParam }),
    getNextPageParam: (last) => (last.items.length === PAGE ? last.items[last.items.length - 1].cursor : undefined),
  });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: (at: string) => <span className="nowrap">{formatDateTime(at)}</span> },
    {
      title: t('audit.actor'), dataIndex: 'actor', width: 190,
      render: (a: string | null, r) => (a
        ? <span><span>{r.actorName ?? a}</span><br /><button type="button" className="link-button code small" onClick={() => setActor(a)} title={t('audit.byActor')}>{a}</button></span>
        : <span className="muted">{t('audit.system')}</span>),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      render: (a: string) => {
        const label = actionLabel(t, a);
        return label ? (
          <Tooltip title={a}>
            <span>{label}</span>
          </Tooltip>
        ) : (
          <span className="code">{a}</span>
        );
      },
    },
    {
      title: t('audit.dossier'), dataIndex: 'dossierCode', width: 230,
      render: (c: string | null) => (c ? <Link className="code nowrap" to={`/console/dossiers/${encodeURIComponent(c)}`}>{c}</Link> : '—'),
    },
    {
      title: t('audit.details'),
      key: 'data',
      render: (_, r) => {
        const text = dataText(t, r.data);
        return (
          <Tooltip title={text.length > 160 ? text : undefined}>
            <span className="audit-data">{text.length > 160 ? `${text.slice(0, 160)}…` : text || '—'}</span>
          </Tooltip>
        );
      },
    },
  ];

  return (
    <div className="console-page">
      <PageHeader title={t('menu.audit')} subtitle={t('audit.subtitle')} />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          <Select
            allowClear
            className="toolbar-select"
            placeholder={t('audit.allActions')}
            value={action}
            onChange={(v?: string) => setAction(v)}
            options={ACTION_GROUPS.map((g) => ({ value: `${g}.`, label: t(`audit.groups.${g}`) }))}
          />
          <Input.Search
            allowClear className="toolbar-select" placeholder={t('audit.actorPlaceholder')} aria-label={t('audit.actor')} data-testid="audit-actor"
            value={actorText} onChange={(e) => { setActorText(e.target.value); if (!e.target.value) setActorFilter(undefined); }}
            onSearch={(v) => setActor(v.trim() || undefined)}
          />
          <Input.Search
            allowClear className="toolbar-select" placeholder={t('audit.dossierPlaceholder')} aria-label={t('audit.dossier')} data-testid="audit-dossier"
            onSearch={(v) => setDossier(v.trim() || undefined)}
          />
          <DatePicker.RangePicker
            format={DATE_FORMAT} value={period ? [dayValue(period[0]), dayValue(period[1])] : null} aria-label={t('audit.period')}
            onChange={(v) => setPeriod(v?.[0] && v[1] ? [dayString(v[0]), dayString(v[1])] : null)}
          />
          {wide && (
            <Select
              allowClear
              className="toolbar-select toolbar-select-wide"
              placeholder={t('users.allCenters')}
              value={center}
              onChange={(v?: string) => setCenter(v)}
              options={(centers.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
              popupMatchSelectWidth={false}
            />
          )}
        </div>
      </Card>
      {log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Card size="small" className="table-card">
          <Table<AuditEntry> scroll={{ x: 1100 }} rowKey="id" size="small" columns={columns} dataSource={rows} loading={log.isPending} pagination={false} />
          {log.hasNextPage && (
            <div className="load-more">
              <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                {t('audit.more')}
              </Button>
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
