import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ReactNode } from 'react';
import { Alert, Button, Card, Empty, ErrorBox, Skeleton, Table, Tag, useMinWidth, type Column } from '../../public-ui';
import { CheckIcon, HomeIcon } from '../../public-ui/icons';
import { useTranslation } from 'react-i18next';
import { officialSources } from '../../lib/sources';
import type { TFunction } from 'i18next';
import { useProcedure } from '../../api/hooks';
import type { Fee, Procedure, RequiredDocument, WorkflowStep } from '../../api/types';
import { durationText, feeAmountText, processingTimeText } from '../../lib/format';
import { OnlineLevelTag } from '../../components/PublicTags';
import { usePageTitle } from '../../components/usePageTitle';
import { usePublicCenter } from '../../components/useCenter';
import { DueDateBox } from './DueDateBox';

/** Source notes sometimes say "estimated: …": show that in the reader's language. */
export function noteText(t: TFunction, note: string | null | undefined): string {
  if (!note) return '';
  return note.replace(/^\s*estimated\s*:\s*/i, `${t('detail.estimatedPrefix')}: `);
}

export function budgetText(t: TFunction, b: WorkflowStep['budget']): string {
  return durationText(t, b.unit, b.value);
}

function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <Card className="detail-section" title={title} id={id}>
      {children}
    </Card>
  );
}

export function ProcedureDetailPage() {
  const { code } = useParams();
  const { t } = useTranslation();
  const proc = useProcedure(code);
  const { center } = usePublicCenter();
  const navigate = useNavigate();
  const wide = useMinWidth(992);
  const docsWide = useMinWidth(576);
  const mdUp = useMinWidth(768);
  usePageTitle(proc.data?.name);

  if (proc.isError) {
    return (
      <div className="page-section">
        <ErrorBox
          error={proc.error}
          onRetry={() => void proc.refetch()}
          extra={
            <Button variant="primary" onClick={() => navigate('/procedures')}>
              {t('detail.backToCatalog')}
            </Button>
          }
        />
      </div>
    );
  }
  if (proc.isPending) return <div className="page-section"><Skeleton rows={12} /></div>;
  const p = proc.data;

  const feeColumns: Column<Fee>[] = docsWide
    ? [
        { title: t('detail.feeName'), dataIndex: 'name' },
        { title: t('detail.feeAmount'), key: 'amount', width: 220, render: (_, f) => <strong className="nowrap-md">{feeAmountText(t, f)}</strong> },
        ...(mdUp ? [{ title: t('detail.feeNote'), dataIndex: 'note', render: (n: string) => noteText(t, n) } as Column<Fee>] : []),
      ]
    : [
        {
          title: t('detail.feeName'),
          key: 'fee',
          render: (_, f) => (
            <>
              <div>{f.name}</div>
              <div className="fee-amount">{feeAmountText(t, f)}</div>
              {f.note && <div className="muted small">{noteText(t, f.note)}</div>}
            </>
          ),
        },
      ];
  const docColumns: Column<RequiredDocument & { i: number }>[] = [
    { title: t('detail.no'), dataIndex: 'i', width: 48, align: 'center' },
    {
      title: t('detail.docName'),
      dataIndex: 'name',
      render: (name: string, d) =>
        docsWide ? (
          name
        ) : (
          <>
            <div>{name}</div>
            <div className="doc-meta">
              {t('detail.original')}: <strong>{d.original}</strong> · {t('detail.copy')}: <strong>{d.copy}</strong> ·{' '}
              {d.mandatory ? <span className="doc-mandatory">{t('detail.mandatory')}</span> : <span className="muted">{t('detail.optional')}</span>}
            </div>
          </>
        ),
    },
    ...(docsWide
      ? ([
          { title: t('detail.original'), dataIndex: 'original', width: 84, align: 'center' },
          { title: t('detail.copy'), dataIndex: 'copy', width: 84, align: 'center' },
          {
            title: t('detail.mandatory'),
            dataIndex: 'mandatory',
            width: 96,
            align: 'center',
            render: (m: boolean) => (m ? <span className="doc-yes"><CheckIcon /><span className="sr-only">{t('common.yes')}</span></span> : <span className="muted">{t('common.no')}</span>),
          },
        ] as Column<RequiredDocument & { i: number }>[])
      : []),
  ];
  const compactWorkflow: Column<WorkflowStep>[] = [
    { title: t('detail.step'), dataIndex: 'order', width: 52, align: 'center' },
    {
      title: t('detail.stepName'),
      key: 'step',
      render: (_, s) => (
        <>
          <div className="strong">{s.name}</div>
          <div className="muted small">{s.unit || t(`role.${s.role}`, { defaultValue: s.role })}</div>
          <div className="small">{budgetText(t, s.budget)}</div>
        </>
      ),
    },
  ];
  const workflowColumns: Column<WorkflowStep>[] = [
    { title: t('detail.step'), dataIndex: 'order', width: 60, align: 'center' },
    { title: t('detail.stepName'), dataIndex: 'name' },
    {
      title: t('detail.stepActor'),
      key: 'actor',
      render: (_, s) => {
        const role = t(`role.${s.role}`, { defaultValue: s.role });
        return (
          <>
            <div>{s.unit || role}</div>
            {s.unit && s.unit !== role && <div className="muted small">{role}</div>}
          </>
        );
      },
    },
    { title: t('detail.stepBudget'), key: 'budget', width: 150, render: (_, s) => <span className="nowrap">{budgetText(t, s.budget)}</span> },
  ];

  const estimated = (p.estimatedFields ?? []).map((f) => t(`estimated.${f}`, { defaultValue: f }));
  const facts = [
    { key: 'code', label: t('detail.code'), children: <span className="code">{p.code}</span> },
    { key: 'field', label: t('detail.field'), children: <Link to={`/procedures?field=${encodeURIComponent(p.field)}`}>{p.fieldName}</Link> },
    { key: 'agency', label: t('detail.agency'), children: p.agency },
    { key: 'deciding', label: t('detail.decidingAuthority'), children: p.decidingAuthority },
    {
      key: 'time',
      label: t('detail.processingTime'),
      children: (
        <>
          <strong>{processingTimeText(t, p.processingTime)}</strong>
          {p.processingTime.note && <div className="muted small">{noteText(t, p.processingTime.note)}</div>}
        </>
      ),
    },
    { key: 'level', label: t('detail.onlineLevel'), children: <><OnlineLevelTag level={p.onlineLevel} /> <span className="muted small">{t(`online.desc${p.onlineLevel}`, { defaultValue: '' })}</span></> },
    { key: 'result', label: t('detail.result'), children: p.result },
    ...(p.interAgency?.length
      ? [{ key: 'inter', label: t('detail.interAgency'), children: <ul className="plain-list">{p.interAgency.map((a) => <li key={a}>{a}</li>)}</ul> }]
      : []),
  ];

  return (
    <div className="page-section detail-page">
      <nav className="pu-breadcrumb detail-breadcrumb" aria-label={t('detail.breadcrumb')}>
        <ol>
          <li><Link to="/"><HomeIcon /> {t('nav.home')}</Link></li>
          <li><Link to="/procedures">{t('procedures.title')}</Link></li>
          <li><Link to={`/procedures?field=${encodeURIComponent(p.field)}`}>{p.fieldName.replace(/\s*\(.*\)$/, '')}</Link></li>
        </ol>
      </nav>
      <div className="detail-head">
        <div className="detail-head-tags">
          <Tag className="code-tag">{p.code}</Tag>
          <OnlineLevelTag level={p.onlineLevel} />
          {!p.active && <Tag color="red">{t('detail.inactive')}</Tag>}
        </div>
        <h2 className="detail-title">{p.name}</h2>
        {p.online && p.active && (
          <Button variant="primary" size="large" onClick={() => navigate(`/cong-dan/nop/${encodeURIComponent(p.code)}`)} data-testid="online-submit-cta">
            {t('onlineSubmit.cta')}
          </Button>
        )}
      </div>
      {estimated.length > 0 && (
        <Alert className="estimated-note" type="warning" title={t('detail.estimatedNote', { list: estimated.join(', ') })} />
      )}
      <div className="pu-grid pu-grid-detail">
        <div className="detail-main">
          <Section title={t('detail.general')}>
            <table className="pu-descriptions facts">
              <tbody>
                {facts.map((f) => (
                  <tr key={f.key}>
                    <th scope="row">{f.label}</th>
                    <td>{f.children}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          {!wide && (
            <div className="due-inline">
              <DueDateBox time={p.processingTime} center={center?.code} saturdayCounts={center?.saturdayMorningCounts === true} />
            </div>
          )}
          <Section title={t('detail.fees')}>
            {p.fees.length ? (
              <Table<Fee> rowKey={(f) => f.name} columns={feeColumns} data={p.fees} />
            ) : (
              <span>{t('fee.none')}</span>
            )}
          </Section>
          <Section title={t('detail.documents')}>
            {p.requiredDocuments.length ? (
              <>
                <Table
                  rowKey={(d) => d.i}
                  columns={docColumns}
                  data={p.requiredDocuments.map((d, i) => ({ ...d, i: i + 1 }))}
                />
                <p className="muted small" style={{ marginTop: 8, marginBottom: 0 }}>
                  {t('detail.docsLegend')}
                </p>
              </>
            ) : (
              <Empty>{t('detail.noDocuments')}</Empty>
            )}
          </Section>
          {p.workflow?.length > 0 && (
            <Section title={t('detail.workflow')}>
              <Table<WorkflowStep>
                rowKey={(s) => s.order}
                columns={docsWide ? workflowColumns : compactWorkflow}
                data={[...p.workflow].sort((a, b) => a.order - b.order)}
              />
            </Section>
          )}
          <Section title={t('detail.legalBasis')}>
            {p.legalBasis.length ? (
              <ol className="legal-list">
                {p.legalBasis.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ol>
            ) : (
              <span className="muted">{t('common.none')}</span>
            )}
          </Section>
          <SourceNote source={p.source} code={p.code} />
        </div>
        {wide && (
          <div>
            <div className="due-sticky">
              <DueDateBox time={p.processingTime} center={center?.code} saturdayCounts={center?.saturdayMorningCounts === true} />
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

function SourceNote({ source, code }: { source: Procedure['source']; code: string }) {
  const { t } = useTranslation();
  const parts = officialSources(source, code);
  if (parts.length === 0) return null;
  return (
    <p className="muted source-note small" data-testid="procedure-source">
      {t('detail.source')}:{' '}
      {parts.map((s, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          {s.url ? <a href={s.url} target="_blank" rel="noreferrer noopener">{s.text}</a> : s.text}
        </span>
      ))}
    </p>
  );
}
