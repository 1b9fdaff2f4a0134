import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Card, Empty, Grid, Input, Pagination, Select, Spin, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useFields, useProcedures } from '../../api/hooks';
import type { ProcedureSummary } from '../../api/types';
import { feeSummary, shortFieldName } from '../../lib/format';
import { OnlineLevelTag, ProcessingTimeText } from '../../components/ProcedureTags';
import { ErrorState } from '../../components/ErrorState';
import { usePageTitle } from '../../components/usePageTitle';

const PAGE_SIZE = 20;

export function ProceduresPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const field = params.get('field') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;

  const fields = useFields();
  const list = useProcedures({ q: q || undefined, field: field || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const currentField = fields.data?.find((f) => f.code === field);
  usePageTitle(currentField ? currentField.name : t('procedures.title'));

  const update = (next: { q?: string; field?: string; page?: number }) => {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    const nf = next.field ?? field;
    const np = next.page ?? 1;
    if (nq) p.set('q', nq);
    if (nf) p.set('field', nf);
    if (np > 1) p.set('page', String(np));
    setParams(p);
  };

  const columns: ColumnsType<ProcedureSummary> = [
    { title: t('procedures.col.code'), dataIndex: 'code', width: 130, render: (code: string) => <span className="code">{code}</span> },
    {
      title: t('procedures.col.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Link to={`/procedures/${encodeURIComponent(r.code)}`} className="procedure-link">
          {name}
        </Link>
      ),
    },
    {
      title: t('procedures.col.field'),
      dataIndex: 'fieldName',
      width: 170,
      render: (name: string) => (
        <Tooltip title={name}>
          <span>{shortFieldName(name)}</span>
        </Tooltip>
      ),
    },
    { title: t('procedures.col.time'), dataIndex: 'processingTime', width: 160, render: (pt: ProcedureSummary['processingTime']) => <ProcessingTimeText value={pt} /> },
    { title: t('procedures.col.fee'), dataIndex: 'fees', width: 190, render: (fees: ProcedureSummary['fees']) => feeSummary(t, fees) },
    { title: t('procedures.col.level'), dataIndex: 'onlineLevel', width: 110, align: 'center', render: (l: number) => <OnlineLevelTag level={l} /> },
  ];

  return (
    <div className="page-section">
      <Typography.Title level={2} className="section-title">
        {currentField ? currentField.name : t('procedures.title')}
      </Typography.Title>
      <Card className="filter-card" size="small">
        <div className="filter-row">
          <Input.Search
            allowClear
            placeholder={t('home.searchPlaceholder')}
            aria-label={t('home.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => update({ q: v.trim(), page: 1 })}
            className="filter-search"
            enterButton={t('common.search')}
          />
          <Select
            className="filter-field"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('procedures.allFields')}
            aria-label={t('procedures.col.field')}
            value={field || undefined}
            onChange={(v?: string) => update({ field: v ?? '', page: 1 })}
            options={(fields.data ?? []).map((f) => ({ value: f.code, label: `${f.no}. ${f.name} (${f.procedureCount})` }))}
            popupMatchSelectWidth={false}
          />
        </div>
      </Card>

      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <div className="result-count" aria-live="polite">
            {list.data ? t('procedures.found', { count: list.data.total }) : '\u00a0'}
          </div>
          {compact ? (
            <Spin spinning={list.isPending || list.isPlaceholderData}>
              <div className="procedure-cards">
                {list.data && list.data.items.length === 0 && <Empty description={t('procedures.empty')} />}
                {(list.data?.items ?? []).map((p) => (
                  <Card size="small" className="procedure-card" key={p.code}>
                    <div className="procedure-card-top">
                      <span className="code">{p.code}</span>
                      <OnlineLevelTag level={p.onlineLevel} />
                    </div>
                    <Link to={`/procedures/${encodeURIComponent(p.code)}`} className="procedure-link procedure-card-name">
                      {p.name}
                    </Link>
                    <dl className="procedure-card-facts">
                      <dt>{t('procedures.col.field')}</dt>
                      <dd>{shortFieldName(p.fieldName)}</dd>
                      <dt>{t('procedures.col.time')}</dt>
                      <dd>
                        <ProcessingTimeText value={p.processingTime} />
                      </dd>
                      <dt>{t('procedures.col.fee')}</dt>
                      <dd>{feeSummary(t, p.fees)}</dd>
                    </dl>
                  </Card>
                ))}
              </div>
            </Spin>
          ) : (
            <Table<ProcedureSummary>
              className="procedure-table"
              rowKey="code"
              size="middle"
              columns={columns}
              dataSource={list.data?.items ?? []}
              loading={list.isPending || list.isPlaceholderData}
              pagination={false}
              locale={{ emptyText: <Empty description={t('procedures.empty')} /> }}
            />
          )}
          {(list.data?.total ?? 0) > PAGE_SIZE && (
            <Pagination
              className="list-pagination"
              current={page}
              pageSize={PAGE_SIZE}
              total={list.data?.total ?? 0}
              showSizeChanger={false}
              simple={compact ? { readOnly: true } : undefined}
              onChange={(p) => {
                update({ page: p });
                window.scrollTo({ top: 0 });
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
