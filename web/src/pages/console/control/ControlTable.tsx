// The dashboard's control table: per department (and at the center before the transfer) what is overdue, due soon and
// not updated for more than half a working day; each number opens its list, and a leader may urge the department.
import { Link } from 'react-router-dom';
import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/hooks';
import { withQuery } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { UrgeDepartmentButton } from './UrgeButtons';
import './control.css';

type Row = Schemas['Dashboard']['control'][number];
type Stat = 'overdue' | 'at_risk' | 'untouched';

/** The list behind a cell: the department's dossiers it holds (in progress or paused), or those still at the center. */
const cellLink = (r: Row, stat: Stat, center?: string) =>
  withQuery('/console/dossiers', { stat, center, ...(r.department ? { department: r.department.id, status: 'in_progress,paused' } : { status: 'received' }) });

export function ControlTable({ rows, center }: { rows: Row[]; center?: string }) {
  const { t } = useTranslation();
  const canUrge = !!useMe().data?.permissions.includes('dossiers.urge');
  const cell = (stat: Stat, tone: string) => (n: number, r: Row) =>
    n ? <Link to={cellLink(r, stat, center)} className={`figure-link ${tone}`} data-testid={`control-${stat}-${r.key}`}>{n}</Link> : <span className="muted">0</span>;
  const columns: ColumnsType<Row> = [
    { title: t('control.control.department'), dataIndex: 'name', key: 'name' },
    { title: t('control.control.overdue'), dataIndex: 'overdue', key: 'overdue', width: 110, align: 'right', render: cell('overdue', 'bad') },
    { title: t('control.control.atRisk'), dataIndex: 'atRisk', key: 'atRisk', width: 120, align: 'right', render: cell('at_risk', 'warn') },
    { title: t('control.control.untouched'), dataIndex: 'untouched', key: 'untouched', width: 130, align: 'right', render: cell('untouched', '') },
    ...(canUrge ? [{
      key: 'urge', width: 150, align: 'right' as const,
      render: (_: unknown, r: Row) => r.department && (r.overdue + r.atRisk + r.untouched > 0)
        ? <UrgeDepartmentButton department={r.department} defaultWhich={r.overdue + r.atRisk > 0 ? 'late' : 'untouched'} /> : null,
    }] : []),
  ];
  return (
    <Card size="small" title={t('control.control.title')} extra={<span className="muted small">{t('control.control.subtitle')}</span>} className="table-card control-table">
      <Table<Row> rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} scroll={{ x: 640 }}
        locale={{ emptyText: t('control.control.empty') }} data-testid="control-table" />
    </Card>
  );
}
