// Hộp xử lý: the department's dossiers in progress or paused, in due-date order (overdue first), with the step and
// who holds it, filtered to the overdue, due soon or not updated ones; "Nhận xử lý" claims an unclaimed one.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Segmented, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/hooks';
import type { DossierSummary } from '../../../api/types';
import { ErrorState, errorText } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { DueCell, StatusTag } from '../../../components/dossier/DossierTags';
import { PageHeader } from '../PageHeader';
import { useClaim, useDossiers } from './api';
import { ApplicantCell } from './DossiersPage';
import './dossiers.css';

const PAGE_SIZE = 20;
type Filter = 'all' | 'overdue' | 'atRisk' | 'untouched';

export default function InboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t('dossiers.inbox.title'));
  const navigate = useNavigate();
  const me = useMe().data;
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  // Overdue, due soon and not updated as the dashboard counts them (the server's same predicates).
  const list = useDossiers({
    inbox: '1', overdue: filter === 'overdue' ? '1' : undefined, stat: filter === 'atRisk' ? 'at_risk' : filter === 'untouched' ? 'untouched' : undefined,
    limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE,
  });
  const claim = useClaim();

  const doClaim = (code: string) =>
    claim.mutate(code, {
      onSuccess: () => void message.success(t('dossiers.inbox.claimed', { code })),
      onError: (e) => void message.error(errorText(t, e)),
    });

  const columns: ColumnsType<DossierSummary> = [
    {
      title: t('dossiers.inbox.dossier'),
      key: 'dossier',
      render: (_, r) => (
        <div className="inbox-dossier">
          <Link to={`/console/dossiers/${encodeURIComponent(r.code)}`} className="dossier-link code">
            {r.code}
          </Link>
          <Tooltip title={r.procedure.name} placement="topLeft">
            <div className="procedure-cell-name small">{r.procedure.name}</div>
          </Tooltip>
        </div>
      ),
    },
    { title: t('dossiers.common.applicant'), key: 'applicant', width: 190, render: (_, r) => <ApplicantCell a={r.applicant} /> },
    {
      title: t('dossiers.common.step'),
      key: 'step',
      width: 180,
      render: (_, r) => (
        <div>
          {r.step && (
            <div>
              {r.step.index + 1}. {r.step.name}
            </div>
          )}
          {r.status !== 'in_progress' && <StatusTag status={r.status} name={r.statusName} />}
        </div>
      ),
    },
    {
      title: t('dossiers.common.assignee'),
      key: 'assignee',
      width: 150,
      render: (_, r) =>
        r.assignee ? (
          <span className={r.assignee === me?.fullName ? 'strong' : ''}>{r.assignee}</span>
        ) : (
          <Button size="small" type="primary" ghost icon={<UserAddOutlined />} onClick={() => doClaim(r.code)} loading={claim.isPending && claim.variables === r.code} data-testid={`claim-${r.code}`}>
            {t('dossiers.inbox.claim')}
          </Button>
        ),
    },
    { title: t('dossiers.common.dueAt'), key: 'due', width: 150, render: (_, r) => <DueCell dueAt={r.dueAt} timing={r.timing} untouched={r.untouched} /> },
  ];

  return (
    <div className="console-page inbox-page">
      <PageHeader
        title={t('dossiers.inbox.title')}
        subtitle={me?.department ? t('dossiers.inbox.subtitle', { department: me.department.name }) : t('dossiers.inbox.subtitleNoDept')}
        extra={
          <Segmented
            value={filter}
            onChange={(v) => {
              setFilter(v as Filter);
              setPage(1);
            }}
            data-testid="inbox-filter"
            options={(['all', 'overdue', 'atRisk', 'untouched'] as const).map((f) => ({ value: f, label: t(`dossiers.inbox.${f}`) }))}
          />
        }
      />
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
            rowClassName={(r) => `row-clickable${r.timing === 'overdue' ? ' row-overdue' : ''}`}
            onRow={(r) => ({
              onDoubleClick: () => navigate(`/console/dossiers/${encodeURIComponent(r.code)}`),
            })}
            locale={{ emptyText: t('dossiers.inbox.empty') }}
            scroll={{ x: 1000 }}
            data-testid="inbox-table"
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
              showTotal: (n) => t('dossiers.inbox.total', { count: n }),
            }}
          />
        </Card>
      )}
    </div>
  );
}
