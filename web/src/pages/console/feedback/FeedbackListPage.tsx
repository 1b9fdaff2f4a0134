// Feedback and complaints of the center (a department head: those assigned to the department), filtered by status
// and overdue; a row opens the detail. The dashboard's overdue figure opens this list with ?overdue=1.
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Card, Checkbox, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../../../api/client';
import type { FeedbackItem, FeedbackList, FeedbackStatus } from '../../../api/types';
import { ErrorState } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDate } from '../../../lib/format';
import { FEEDBACK_STATUS_COLOR } from '../../public/FeedbackPage';
import { PageHeader } from '../PageHeader';

const STATUSES: FeedbackStatus[] = ['received', 'info_requested', 'accepted', 'assigned', 'answered', 'published', 'rejected'];
const PAGE = 20;

export default function FeedbackListPage() {
  const { t } = useTranslation();
  usePageTitle(t('feedback.list.title'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as FeedbackStatus | '';
  const overdue = params.get('overdue') === '1';
  const page = Number(params.get('page') ?? '1') || 1;
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v); else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const q = useQuery({
    queryKey: ['feedback', status, overdue, page],
    queryFn: () => http.get<FeedbackList>('/feedback', { status: status || undefined, overdue: overdue ? '1' : undefined, limit: PAGE, offset: (page - 1) * PAGE }),
  });
  const columns: ColumnsType<FeedbackItem> = [
    { title: t('feedback.list.code'), dataIndex: 'code', width: 120, render: (c: string, r) => <Link to={`/console/feedback/${r.id}`}>{c}</Link> },
    { title: t('feedback.list.content'), dataIndex: 'excerpt', ellipsis: true },
    { title: t('feedback.list.sender'), dataIndex: 'contactName', width: 150 },
    { title: t('feedback.list.dossier'), dataIndex: 'dossierCode', width: 190, render: (c: string | null) => (c ? <Link to={`/console/dossiers/${encodeURIComponent(c)}`} onClick={(e) => e.stopPropagation()}>{c}</Link> : '—') },
    { title: t('feedback.list.createdAt'), dataIndex: 'createdAt', width: 100, render: formatDate },
    { title: t('feedback.list.status'), dataIndex: 'status', width: 190, render: (s: FeedbackStatus, r) => (
      <>
        <Tag color={FEEDBACK_STATUS_COLOR[s]}>{t(`feedback.status.${s}`)}</Tag>
        {r.department && <div className="muted small">{r.department.name}</div>}
        {r.upheld !== null && <div><Tag color={r.upheld ? 'red' : 'green'} data-testid="fb-list-verdict">{t(r.upheld ? 'feedback.list.upheld' : 'feedback.list.notUpheld')}</Tag></div>}
        {r.officer && <div className="muted small">{t('feedback.list.officer')}: {r.officer.name}</div>}
      </>
    ) },
    { title: t('feedback.list.dueAt'), dataIndex: 'dueAt', width: 120, render: (d: string | null, r) => (d ? <span className={r.overdue ? 'bad strong' : ''}>{formatDate(d)}{r.overdue && <div><Tag color="red">{t('feedback.list.overdue')}</Tag></div>}</span> : '—') },
  ];
  return (
    <div className="console-page">
      <PageHeader title={t('feedback.list.title')} subtitle={t('feedback.list.subtitle')} extra={
        <>
          <Select value={status} onChange={(v) => set('status', v || null)} style={{ width: 220 }} aria-label={t('feedback.list.status')} data-testid="fb-filter-status"
            options={[{ value: '', label: t('feedback.list.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`feedback.status.${s}`) }))]} />
          <Checkbox checked={overdue} onChange={(e) => set('overdue', e.target.checked ? '1' : null)} data-testid="fb-filter-overdue">{t('feedback.list.overdueOnly')}</Checkbox>
        </>
      } />
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : (
        <Card size="small">
          <Table<FeedbackItem> rowKey="id" size="middle" loading={q.isPending} columns={columns} dataSource={q.data?.items ?? []} data-testid="feedback-table"
            locale={{ emptyText: t('feedback.list.empty') }} scroll={{ x: 1000 }}
            onRow={(r) => ({ onClick: () => navigate(`/console/feedback/${r.id}`), style: { cursor: 'pointer' } })}
            pagination={{ current: page, pageSize: PAGE, total: q.data?.total ?? 0, onChange: (p) => set('page', String(p)), showSizeChanger: false, showTotal: (n) => t('feedback.list.total', { count: n }) }} />
        </Card>
      )}
    </div>
  );
}
