// Tra cứu hồ sơ: the page the QR code on every slip opens (/tra-cuu/{code}), and a code search box (/tra-cuu).
// No login, no personal data; phone first.
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Card, Input, Result, Skeleton, Steps } from 'antd';
import { FileSearchOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../api/client';
import type { DossierStatus, PublicDossier } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { usePageTitle } from '../../components/usePageTitle';
import { usePublicCenter } from '../../components/useCenter';
import { dossierTime, StatusTag } from '../../components/dossier/DossierTags';
import '../../components/dossier/track.css';

/** Where the dossier stands on the applicant's road: registered → received → processing → ready → returned. */
const STAGE: Record<DossierStatus, number> = {
  submitted: 0,
  needs_supplement: 0,
  refused: 0,
  received: 1,
  in_progress: 2,
  paused: 2,
  resolved: 3,
  rejected: 3,
  returned: 4,
  withdrawn: 1,
};
const STOPPED: DossierStatus[] = ['refused', 'withdrawn', 'rejected'];
const WAITING: DossierStatus[] = ['needs_supplement', 'paused'];

function TrackResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['public-dossier', code],
    queryFn: () => http.get<PublicDossier>(`/public/dossiers/${encodeURIComponent(code)}`),
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
  // The page's header and footer (address, opening hours) follow the center that holds the dossier.
  const { center, centers, choose } = usePublicCenter();
  const holder = q.data ? centers.find((c) => c.name === q.data.center) : undefined;
  useEffect(() => {
    if (holder && holder.code !== center?.code) choose(holder.code);
  }, [holder, center, choose]);
  if (q.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (q.isError) {
    if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400)) {
      return <Result status="warning" title={t('errors.notFoundTitle')} subTitle={t('dossiers.track.notFound', { code })} className="track-not-found" />;
    }
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const d = q.data;
  const stages = ['registered', 'received', 'processing', 'ready', 'returned'] as const;
  const stage = STAGE[d.status] ?? 0;
  return (
    <Card className="track-card" data-testid="track-result">
      <div className="track-code-label">{t('dossiers.track.code')}</div>
      <div className="track-code">{d.code}</div>
      <div className="track-status">
        <StatusTag status={d.status} name={d.statusName} className="track-status-tag" />
      </div>
      <p className="track-message">{t(`dossiers.track.message.${d.status}`, { defaultValue: d.statusName })}</p>
      <Steps
        orientation="vertical"
        size="small"
        className="track-steps"
        current={stage}
        status={STOPPED.includes(d.status) ? 'error' : WAITING.includes(d.status) ? 'wait' : d.status === 'returned' ? 'finish' : 'process'}
        items={stages.map((s) => ({ title: t(`dossiers.track.stages.${s}`) }))}
      />
      <dl className="track-facts">
        <dt>{t('dossiers.track.procedure')}</dt>
        <dd>{d.procedure}</dd>
        <dt>{t('dossiers.track.applicant')}</dt>
        <dd>{d.applicantInitials}</dd>
        <dt>{t('dossiers.track.center')}</dt>
        <dd>{d.center}</dd>
        <dt>{t('dossiers.track.receivedAt')}</dt>
        <dd>{d.receivedAt ? dossierTime(d.receivedAt) : t('dossiers.track.notReceived')}</dd>
        <dt>{t('dossiers.track.dueAt')}</dt>
        <dd className="track-due">{d.dueAt ? dossierTime(d.dueAt) : '—'}</dd>
      </dl>
      <div className="track-privacy muted small">
        <SafetyCertificateOutlined /> {t('dossiers.track.privacy')}
      </div>
    </Card>
  );
}

export default function TrackPage() {
  const { code } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState(code ?? '');
  useEffect(() => setText(code ?? ''), [code]);
  usePageTitle(code ? `${t('dossiers.track.title')} ${code}` : t('dossiers.track.title'));

  const go = (v: string) => {
    const s = v.trim();
    // A scanned QR code types the whole address: keep only the code.
    const m = /\/tra-cuu\/([^/?#\s]+)/.exec(s);
    const c = m ? decodeURIComponent(m[1]) : s;
    if (c) navigate(`/tra-cuu/${encodeURIComponent(c)}`);
  };

  return (
    <div className="page-section track-page">
      <h1 className="track-title">
        <FileSearchOutlined /> {t('dossiers.track.title')}
      </h1>
      {!code && <p className="track-lead">{t('dossiers.track.lead')}</p>}
      <Input.Search
        className="track-search"
        size="large"
        autoFocus={!code}
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={go}
        placeholder={t('dossiers.track.placeholder')}
        aria-label={t('dossiers.track.code')}
        enterButton={t('dossiers.track.search')}
        inputMode="text"
        autoCapitalize="characters"
        spellCheck={false}
      />
      {!code && <p className="muted small track-example">{t('dossiers.track.example')}</p>}
      {code && <TrackResult code={code} />}
    </div>
  );
}
