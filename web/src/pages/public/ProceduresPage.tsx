import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFields, useProcedures } from '../../api/hooks';
import { feeSummary, shortFieldName } from '../../lib/format';
import { OnlineLevelTag, ProcessingTimeText } from '../../components/PublicTags';
import { Empty, ErrorBox, Pagination, SearchBox, Select, Spinner, useMinWidth } from '../../public-ui';
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
  const compact = !useMinWidth(768);

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
  const items = list.data?.items ?? [];
  const busy = list.isPending || list.isPlaceholderData;

  return (
    <div className="page-section">
      <h2 className="section-title">{currentField ? currentField.name : t('procedures.title')}</h2>
      <div className="filter-card pu-card">
        <div className="filter-row">
          <SearchBox
            className="filter-search"
            value={text}
            onChange={setText}
            onSearch={(v) => update({ q: v.trim(), page: 1 })}
            placeholder={t('home.searchPlaceholder')}
            label={t('home.searchPlaceholder')}
            button={t('common.search')}
          />
          <Select
            className="filter-field"
            value={field}
            onChange={(v) => update({ field: v, page: 1 })}
            placeholder={t('procedures.allFields')}
            label={t('procedures.col.field')}
            options={(fields.data ?? []).map((f) => ({ value: f.code, label: `${f.no}. ${f.name} (${f.procedureCount})` }))}
          />
        </div>
      </div>

      {list.isError ? (
        <ErrorBox error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <div className="result-count" aria-live="polite">
            {list.data ? t('procedures.found', { count: list.data.total }) : '\u00a0'}
            {busy && <> <Spinner label={t('common.loading')} /></>}
          </div>
          <div className={busy ? 'pu-busy' : undefined} aria-busy={busy || undefined}>
            {list.data && items.length === 0 && <Empty>{t('procedures.empty')}</Empty>}
            {compact ? (
              <ul className="procedure-cards plain-grid">
                {items.map((p) => (
                  <li className="procedure-card pu-card" key={p.code}>
                    <div className="pu-card-body">
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
                    </div>
                  </li>
                ))}
              </ul>
            ) : items.length > 0 && (
              <div className="pu-table-wrap procedure-table">
                <table className="pu-table pu-table-middle">
                  <thead>
                    <tr>
                      <th scope="col" style={{ width: 130 }}>{t('procedures.col.code')}</th>
                      <th scope="col">{t('procedures.col.name')}</th>
                      <th scope="col" style={{ width: 170 }}>{t('procedures.col.field')}</th>
                      <th scope="col" style={{ width: 160 }}>{t('procedures.col.time')}</th>
                      <th scope="col" style={{ width: 190 }}>{t('procedures.col.fee')}</th>
                      <th scope="col" className="center" style={{ width: 110 }}>{t('procedures.col.level')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((p) => (
                      <tr key={p.code}>
                        <td><span className="code">{p.code}</span></td>
                        <td>
                          <Link to={`/procedures/${encodeURIComponent(p.code)}`} className="procedure-link">{p.name}</Link>
                        </td>
                        <td><span title={p.fieldName}>{shortFieldName(p.fieldName)}</span></td>
                        <td><ProcessingTimeText value={p.processingTime} /></td>
                        <td>{feeSummary(t, p.fees)}</td>
                        <td className="center"><OnlineLevelTag level={p.onlineLevel} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
          {(list.data?.total ?? 0) > PAGE_SIZE && (
            <Pagination
              className="list-pagination"
              current={page}
              pageSize={PAGE_SIZE}
              total={list.data?.total ?? 0}
              compact={compact}
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
