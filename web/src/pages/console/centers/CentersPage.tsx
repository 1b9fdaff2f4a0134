import { useEffect, useState } from 'react';
import { Button, Card, Col, Empty, Row, Table, Tabs, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCenters } from '../../../api/hooks';
import type { Center } from '../../../api/types';
import { ErrorState } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { PageHeader } from '../PageHeader';
import { CenterFormModal } from './CenterFormModal';
import { DepartmentsTab } from './DepartmentsTab';
import { CountersTab } from './CountersTab';

export default function CentersPage() {
  const { t } = useTranslation();
  usePageTitle(t('menu.centers'));
  const centers = useCenters();
  const [selectedId, setSelectedId] = useState<string | number | null>(null);
  const [editing, setEditing] = useState<Center | 'new' | null>(null);
  const selected = centers.data?.find((c) => c.id === selectedId) ?? null;

  useEffect(() => {
    if (selectedId === null && centers.data?.length) setSelectedId(centers.data[0].id);
  }, [centers.data, selectedId]);

  const columns: ColumnsType<Center> = [
    { title: t('centers.code'), dataIndex: 'code', width: 140, render: (c: string) => <span className="code">{c}</span> },
    {
      title: t('centers.name'),
      dataIndex: 'name',
      render: (n: string, c) => (
        <div>
          <div className="strong">{n}</div>
          {c.address && <div className="muted small">{c.address}</div>}
        </div>
      ),
    },
    { title: t('centers.phone'), dataIndex: 'phone', width: 150, responsive: ['lg'] },
    { title: t('centers.level'), dataIndex: 'level', width: 110, responsive: ['md'], render: (l: string) => t(`centers.levels.${l}`, { defaultValue: l }) },
    {
      title: '',
      key: 'edit',
      width: 56,
      render: (_, c) => (
        <Tooltip title={t('common.edit')}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t('common.edit')}
            onClick={(e) => {
              e.stopPropagation();
              setEditing(c);
            }}
          />
        </Tooltip>
      ),
    },
  ];

  return (
    <div className="console-page">
      <PageHeader
        title={t('menu.centers')}
        subtitle={t('centers.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('centers.create')}
          </Button>
        }
      />
      {centers.isError ? (
        <ErrorState error={centers.error} onRetry={() => void centers.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={9}>
            <Card size="small" title={t('centers.list')} className="table-card">
              <Table<Center>
scroll={{ x: 640 }}                 rowKey="id"
                size="middle"
                columns={columns}
                dataSource={centers.data ?? []}
                loading={centers.isPending}
                pagination={(centers.data?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                rowClassName={(c) => (c.id === selectedId ? 'row-selected' : 'row-clickable')}
                onRow={(c) => ({ onClick: () => setSelectedId(c.id) })}
              />
            </Card>
          </Col>
          <Col xs={24} xxl={15}>
            <Card size="small" className="table-card" title={selected ? selected.name : t('centers.pick')}>
              {selected ? (
                <>
                  <Typography.Paragraph type="secondary" className="small" style={{ marginBottom: 4 }}>
                    {[selected.address, selected.phone].filter(Boolean).join(' · ')}
                  </Typography.Paragraph>
                  <Tabs
                    items={[
                      { key: 'departments', label: t('centers.departments'), children: <DepartmentsTab centerId={selected.id} /> },
                      { key: 'counters', label: t('centers.counters'), children: <CountersTab centerId={selected.id} /> },
                    ]}
                  />
                </>
              ) : (
                <Empty description={t('centers.pick')} />
              )}
            </Card>
          </Col>
        </Row>
      )}
      {editing && <CenterFormModal center={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
