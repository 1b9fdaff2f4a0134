// Hồ sơ: search (code, name without accents, ID number, phone; a scanner typing a code + Enter opens the dossier),
// filters, a paged table, and the tracking book. The filters live in the address so Back returns to the same list.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, DatePicker, Input, Select, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined, ScanOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useFields, useMe } from '../../../api/hooks';
import type { DossierQuery, DossierStatus, DossierSummary } from '../../../api/types';
import { formatDate, shortFieldName } from '../../../lib/format';
import { ErrorState, errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { DueCell, dossierTime, StatusTag } from '../../../components/dossier/DossierTags';
import { PageHeader } from '../PageHeader';
import { ALL_STATUSES, dossierKeys, fetchDossiers, PHONE_RE, scannedCode, useDossiers } from './api';
import { TrackingBookButton } from './TrackingBookButton';
import './dossiers.css';

const PAGE_SIZE = 20;

/** The search box's text as API parameters: a phone number goes to `phone`, anything else to `q`. */
function searchParams(text: string): Pick<DossierQuery, 'q' | 'phone'> {
  const s = text.trim();
  if (!s) return {};
  const code = scannedCode(s);
  if (code) return { q: code };
  const compact = s.replace(/[\s.]/g, '');
  if (PHONE_RE.test(compact)) return { phone: compact };
  return { q: s };
}

export function ApplicantCell({ a }: { a: DossierSummary['applicant'] }) {
  const { t } = useTranslation();
  return (
    <div className="applicant-cell">
      <div className="strong">{a.kind === 'organization' && a.orgName ? a.orgName : a.fullName}</div>
      <div className="muted small">
        {[a.kind === 'organization' && a.orgName ? a.fullName : null, a.idNumber ? `${t('dossiers.common.idNumber')} ${a.idNumber}` : null, a.phone ? `${t('dossiers.common.phone')} ${a.phone}` : null]
          .filter(Boolean)
          .join(' · ')}
      </div>
    </div>
  );
}

export function ProcedureCell({ p, fieldName }: { p: DossierSummary['procedure']; fieldName?: string }) {
  return (
    <Tooltip title={p.name} placement="topLeft">
      <div className="procedure-cell">
        <div className="procedure-cell-name">{p.name}</div>
        <div className="muted small">
          <span className="code">{p.code}</span>
          {fieldName ? ` · ${shortFieldName(fieldName)}` : ''}
        </div>
      </div>
    </Tooltip>
  );
}

export default function DossiersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t('dossiers.list.title'));
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe().data;
  const perms = new Set(me?.permissions ?? []);
  const fields = useFields();
  const fieldName = new Map((fields.data ?? []).map((f) => [f.code, f.name]));
  const [params, setParams] = useSearchParams();
  const text0 = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const field = params.get('field') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const overdue = params.get('overdue') === '1';
  // Opened from a figure of the dashboard or a report (reports/FigureLink): the same filter the figure counts with.
  const stat = params.get('stat') ?? '';
  const department = params.get('department') ?? '';
  const center = params.get('center') ?? '';
  const sort = (params.get('sort') as DossierQuery['sort']) || 'registered_desc';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(text0);
  useEffect(() => setText(text0), [text0]);
  const [scanning, setScanning] = useState(false);

  const query: DossierQuery = {
    ...searchParams(text0),
    status: status || undefined,
    field: field || undefined,
    from: from || undefined,
    to: to || undefined,
    overdue: overdue ? '1' : undefined,
    stat: (stat || undefined) as DossierQuery['stat'], // from the address: the server refuses an unknown one
    department: department || undefined,
    center: center || undefined,
    sort,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useDossiers(query);

  const update = (next: Partial<Record<'q' | 'status' | 'field' | 'from' | 'to' | 'overdue' | 'sort' | 'page' | 'stat' | 'department' | 'center', string>>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    if (!('page' in next)) p.delete('page');
    setParams(p);
  };

  /** Enter in the search box: a code (typed or scanned) with exactly one match opens the dossier directly. */
  const onSearch = async (value: string) => {
    const v = value.trim();
    const code = scannedCode(v);
    if (code) {
      setScanning(true);
      try {
        const q: DossierQuery = { q: code, limit: 2, offset: 0 };
        const r = await qc.fetchQuery({ queryKey: dossierKeys.list(q), queryFn: () => fetchDossiers(q) });
        if (r.total === 1) {
          navigate(`/console/dossiers/${encodeURIComponent(r.items[0].code)}`);
          return;
        }
        if (r.total === 0) void message.warning(t('dossiers.list.notFound', { code }));
      } catch (e) {
        void message.error(errorText(t, e));
      } finally {
        setScanning(false);
      }
    }
    setText(code ?? v);
    update({ q: code ?? v });
  };

  const columns: ColumnsType<DossierSummary> = [
    {
      title: t('dossiers.common.code'),
      dataIndex: 'code',
      width: 190,
      render: (code: string, r) => (
        <div>
          <Link to={`/console/dossiers/${encodeURIComponent(code)}`} className="dossier-link code">
            {code}
          </Link>
          <div className="muted small">{dossierTime(r.registeredAt)}</div>
        </div>
      ),
    },
    { title: t('dossiers.common.applicant'), key: 'applicant', width: 210, render: (_, r) => <ApplicantCell a={r.applicant} /> },
    { title: t('dossiers.common.procedure'), key: 'procedure', render: (_, r) => <ProcedureCell p={r.procedure} fieldName={fieldName.get(r.field)} /> },
    {
      title: t('dossiers.common.status'),
      key: 'status',
      width: 170,
      render: (_, r) => (
        <div>
          <StatusTag status={r.status} name={r.statusName} />
          {r.step && ['in_progress', 'paused'].includes(r.status) && <div className="muted small step-hint">{r.step.name}</div>}
        </div>
      ),
    },
    { title: t('dossiers.common.dueAt'), key: 'due', width: 160, render: (_, r) => <DueCell dueAt={r.dueAt} timing={r.timing} untouched={r.untouched} /> },
  ];

  const statusOptions = ALL_STATUSES.map((s: DossierStatus) => ({ value: s, label: t(`dossiers.status.${s}`) }));

  return (
    <div className="console-page dossiers-page">
      <PageHeader
        title={t('dossiers.list.title')}
        subtitle={t('dossiers.list.subtitle')}
        extra={
          <>
            {perms.has('dossiers.view_center') && <TrackingBookButton />}
            {perms.has('dossiers.register') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/dossiers/new')}>
                {t('dossiers.list.create')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          <Input.Search
            autoFocus
            allowClear
            className="toolbar-search dossier-search"
            prefix={<ScanOutlined className="muted" />}
            placeholder={t('dossiers.list.searchPlaceholder')}
            aria-label={t('dossiers.list.searchPlaceholder')}
            title={t('dossiers.list.scanHint')}
            value={text}
            loading={scanning}
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value && text0) update({ q: '' });
            }}
            onSearch={(v) => void onSearch(v)}
            data-testid="dossier-search"
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            className="toolbar-select"
            placeholder={t('dossiers.list.allStatuses')}
            value={status ? status.split(',') : []}
            onChange={(v: string[]) => update({ status: v.join(',') })}
            options={statusOptions}
            aria-label={t('dossiers.common.status')}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="toolbar-select"
            placeholder={t('dossiers.list.allFields')}
            value={field || undefined}
            onChange={(v?: string) => update({ field: v ?? '' })}
            options={(fields.data ?? []).map((f) => ({ value: f.code, label: shortFieldName(f.name) }))}
            popupMatchSelectWidth={false}
            aria-label={t('dossiers.common.field')}
          />
          <DatePicker.RangePicker
            className="toolbar-range"
            format="DD/MM/YYYY"
            placeholder={[t('dossiers.list.dateFrom'), t('dossiers.list.dateTo')]}
            value={from && to ? [dayjs(from), dayjs(to)] : null}
            onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD') ?? '', to: r?.[1]?.format('YYYY-MM-DD') ?? '' })}
            allowEmpty={[false, false]}
          />
          <Select
            className="toolbar-select-narrow"
            value={sort}
            onChange={(v: string) => update({ sort: v === 'registered_desc' ? '' : v })}
            options={(['registered_desc', 'registered_asc', 'due_asc'] as const).map((s) => ({ value: s, label: t(`dossiers.list.sort.${s}`) }))}
            popupMatchSelectWidth={false}
            aria-label={t('dossiers.list.sortLabel')}
          />
          <Checkbox checked={overdue} onChange={(e) => update({ overdue: e.target.checked ? '1' : '' })} className="toolbar-check">
            {t('dossiers.list.overdueOnly')}
          </Checkbox>
        </div>
      </Card>
      {stat && (
        <Alert
          className="stat-banner"
          type="info"
          showIcon
          data-testid="stat-banner"
          message={t('reports.stat.banner', {
            label: [t(`reports.stat.${stat}`), stat === 'overdue' || stat === 'at_risk' || stat === 'untouched' ? t('reports.stat.now') : from ? t('reports.stat.period', { from: formatDate(from), to: formatDate(to || from) }) : '']
              .filter(Boolean).join(', '),
          })}
          action={<Button size="small" onClick={() => update({ stat: '', department: '', from: '', to: '' })}>{t('reports.stat.clear')}</Button>}
        />
      )}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small" className="table-card">
          <Table<DossierSummary>
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending || list.isPlaceholderData}
            rowClassName={(r) => (r.timing === 'overdue' ? 'row-overdue' : '')}
            locale={{ emptyText: t('dossiers.list.empty') }}
            scroll={{ x: 980 }}
            data-testid="dossier-table"
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) => update({ page: p > 1 ? String(p) : '' }),
              showTotal: (n) => (list.data?.totalCapped ? t('dossiers.list.totalCapped', { n: n.toLocaleString('vi-VN') }) : t('dossiers.list.total', { count: n })),
            }}
          />
        </Card>
      )}
    </div>
  );
}
