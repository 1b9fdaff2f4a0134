import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, ExportOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFields, useProcedures } from '../../../api/hooks';
import { apiUrl } from '../../../api/client';
import type { ProcedureSummary } from '../../../api/types';
import { feeSummary, shortFieldName } from '../../../lib/format';
import { OnlineLevelTag, ProcessingTimeText } from '../../../components/ProcedureTags';
import { ErrorState } from '../../../components/ErrorState';
import { usePageTitle } from '../../../components/usePageTitle';
import { PageHeader } from '../PageHeader';
import { ProcedureEditor } from './ProcedureEditor';
import { ImportButton } from './ImportButton';

const PAGE_SIZE = 20;

export default function CatalogPage() {
  const { t } = useTranslation();
  usePageTitle(t('menu.catalog'));
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [field, setField] = useState<string>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const fields = useFields();
  const list = useProcedures({ q: q || undefined, field, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, includeInactive: 'true' });

  const columns: ColumnsType<ProcedureSummary> = [
    { title: t('procedures.col.code'), dataIndex: 'code', width: 125, render: (c: string) => <span className="code">{c}</span> },
    {
      title: t('procedures.col.name'),
      dataIndex: 'name',
      render: (n: string, p) => (
        <div>
          <a onClick={() => setEditing(p.code)} className="procedure-link">
            {n}
          </a>
          {p.active === false && (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('detail.inactive')}
            </Tag>
          )}
          <div className="muted small">
            <Tooltip title={p.fieldName}>
              <span>{shortFieldName(p.fieldName)}</span>
            </Tooltip>
            {p.agency ? ` · ${p.agency}` : ''}
          </div>
        </div>
      ),
    },
    { title: t('procedures.col.time'), dataIndex: 'processingTime', width: 140, render: (pt: ProcedureSummary['processingTime']) => <ProcessingTimeText value={pt} /> },
    { title: t('procedures.col.fee'), dataIndex: 'fees', width: 180, responsive: ['xl'], render: (f: ProcedureSummary['fees']) => feeSummary(t, f) },
    { title: t('procedures.col.level'), dataIndex: 'onlineLevel', width: 100, align: 'center', render: (l: number) => <OnlineLevelTag level={l} /> },
    {
      title: '',
      key: 'actions',
      width: 96,
      align: 'right',
      render: (_, p) => (
        <Space size={2}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" icon={<EditOutlined />} onClick={() => setEditing(p.code)} aria-label={t('common.edit')} />
          </Tooltip>
          <Tooltip title={t('catalog.viewPublic')}>
            <Button type="text" icon={<ExportOutlined />} href={`/procedures/${encodeURIComponent(p.code)}`} target="_blank" aria-label={t('catalog.viewPublic')} />
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <div className="console-page">
      <PageHeader
        title={t('menu.catalog')}
        subtitle={t('catalog.subtitle')}
        extra={
          <Space wrap>
            <Button href={apiUrl('/catalog/export.json')} download icon={<ExportOutlined />}>
              {t('catalog.exportJson')}
            </Button>
            <Button href={apiUrl('/catalog/export.xlsx')} download icon={<FileExcelOutlined />}>
              {t('catalog.exportExcel')}
            </Button>
            <ImportButton />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('catalog.create')}
            </Button>
          </Space>
        }
      />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          <Input.Search
            allowClear
            className="toolbar-search"
            placeholder={t('catalog.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Select
            allowClear
            className="toolbar-select toolbar-select-wide"
            placeholder={t('procedures.allFields')}
            value={field}
            onChange={(v?: string) => {
              setField(v);
              setPage(1);
            }}
            options={(fields.data ?? []).map((f) => ({ value: f.code, label: `${f.no}. ${f.name} (${f.procedureCount})` }))}
            popupMatchSelectWidth={false}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </div>
      </Card>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small" className="table-card">
          <Table<ProcedureSummary>
scroll={{ x: 960 }}             rowKey="code"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending || list.isPlaceholderData}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
              showTotal: (n) => t('procedures.found', { count: n }),
            }}
          />
        </Card>
      )}
      {editing && <ProcedureEditor code={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
