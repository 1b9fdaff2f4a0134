// Citizen pages (issue 15), phone first: sign in with a one-time code sent to the phone or e-mail given at
// registration (/cong-dan), "Hồ sơ của tôi" (the list), and one dossier (/cong-dan/ho-so/{code}) with its progress,
// its files and, once returned online, the result file to download. Light components (public-ui): no antd.
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, apiUrl, http } from '../../api/client';
import type { Answer } from '../../api/types';
import { Alert, Button, Card, Empty, ErrorBox, Skeleton } from '../../public-ui';
import { DownloadIcon, FileIcon, LogoutIcon } from '../../public-ui/icons';
import { usePageTitle } from '../../components/usePageTitle';
import { StatusTag } from '../../components/PublicTags';
import { formatDate, formatDateTime } from '../../lib/format';
import '../../components/dossier/track.css';
import './citizen.css';
import '../../i18n/citizen-strings';
import { MyFiles } from './DocumentUpload';
import { SupplementForm } from './SupplementForm';
import { SignedInAs } from './OidcSignIn';
import { SignIn } from './CitizenSignIn';
import { VnpayPayButton } from './VnpayPayButton';

type Me = Answer<'/api/v1/citizen/me'>;
type Dossiers = Answer<'/api/v1/citizen/dossiers'>;
type Dossier = Answer<'/api/v1/citizen/dossiers/{code}'>;

const DELIVERY = { counter: 'onlineSubmit.deliveryCounter', post: 'onlineSubmit.deliveryPost', online: 'onlineSubmit.deliveryOnline' } as const;

function MyDossiers({ me }: { me: Me }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['citizen', 'dossiers'], queryFn: () => http.get<Dossiers>('/citizen/dossiers') });
  return (
    <Card title={t('citizen.myDossiers')} level={1} className="citizen-card" extra={<Logout />}>
      <SignedInAs me={me} />
      {q.isPending ? <Skeleton rows={5} /> : q.isError ? <ErrorBox error={q.error} onRetry={() => void q.refetch()} /> : q.data.items.length === 0 ? (
        <Empty>{t(me.idNumberVerified ? 'citizen.emptyVerified' : 'citizen.empty')}</Empty>
      ) : (
        <ul className="pu-list">
          {q.data.items.map((d) => (
            <li key={d.code}>
              <Link to={`/cong-dan/ho-so/${encodeURIComponent(d.code)}`} className="citizen-dossier-link" data-testid="citizen-dossier">
                <div className="citizen-dossier-top">
                  <strong className="citizen-dossier-code">{d.code}</strong>
                  <StatusTag status={d.status} name={d.statusName} />
                </div>
                <div>{d.procedure}</div>
                <div className="citizen-dossier-meta">
                  {t('citizen.registeredAt')}: {formatDate(d.registeredAt)}{d.dueAt ? ` · ${t('citizen.dueAt')}: ${formatDate(d.dueAt)}` : ''}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <MyFiles />
    </Card>
  );
}

function Logout() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  // Forget the citizen's data, then ask "who am I" again: the 401 brings back the sign-in card (removing the cached
  // answer alone left "Hồ sơ của tôi" on screen after the session had ended).
  const out = useMutation({
    mutationFn: () => http.post('/citizen/auth/logout', {}),
    onSettled: () => {
      qc.removeQueries({ queryKey: ['citizen'], predicate: (q) => q.queryKey[1] !== 'me' });
      void qc.resetQueries({ queryKey: ['citizen', 'me'] });
      navigate('/cong-dan');
    },
  });
  return <Button icon={<LogoutIcon />} onClick={() => out.mutate()} loading={out.isPending}>{t('citizen.logout')}</Button>;
}

function OneDossier({ code }: { code: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['citizen', 'dossier', code], queryFn: () => http.get<Dossier>(`/citizen/dossiers/${encodeURIComponent(code)}`), retry: false });
  const back = <Button variant="link" className="citizen-back" onClick={() => navigate('/cong-dan')}>← {t('citizen.back')}</Button>;
  if (q.isPending) return <div className="citizen-card"><Skeleton rows={8} /></div>;
  if (q.isError) {
    return (
      <Card className="citizen-card">
        {back}
        {q.error instanceof ApiError && q.error.status === 404 ? <Alert type="warning" role="alert" title={t('citizen.notFound')} /> : <ErrorBox error={q.error} onRetry={() => void q.refetch()} />}
      </Card>
    );
  }
  const d = q.data;
  return (
    <Card title={d.code} level={1} className="citizen-card" extra={<StatusTag status={d.status} name={d.statusName} />}>
      {back}
      <dl className="track-facts">
        <dt>{t('citizen.procedure')}</dt><dd>{d.procedure}</dd>
        <dt>{t('citizen.center')}</dt><dd>{d.center}</dd>
        <dt>{t('citizen.registeredAt')}</dt><dd>{formatDate(d.registeredAt)}</dd>
        {d.dueAt && <><dt>{t('citizen.dueAt')}</dt><dd>{formatDate(d.dueAt)}</dd></>}
        {d.returnMethod && <><dt>{t('onlineSubmit.deliveryChosen')}</dt><dd data-testid="citizen-delivery">{t(DELIVERY[d.returnMethod])}{d.returnAddress ? ` · ${d.returnAddress}` : ''}</dd></>}
      </dl>
      <SupplementForm d={d} />
      <VnpayPayButton code={d.code} citizen />
      <h2 className="citizen-h3">{t('citizen.resultFile')}</h2>
      {d.resultAvailable ? (
        <a className="pu-btn pu-btn-primary pu-btn-large pu-btn-block" href={apiUrl(`/citizen/dossiers/${encodeURIComponent(d.code)}/result`)} data-testid="citizen-result">
          <DownloadIcon />{t('citizen.downloadResult')}
        </a>
      ) : <p className="muted">{t('citizen.resultNotOnline')}</p>}
      <h2 className="citizen-h3">{t('citizen.timeline')}</h2>
      <ol className="citizen-timeline">
        {d.timeline.map((e, i) => (
          <li key={i}>
            <div><strong>{e.statusName}</strong> · {formatDateTime(e.at)}</div>
            {e.note && <div className="muted">{e.note}</div>}
          </li>
        ))}
      </ol>
      {d.files.length > 0 && (
        <>
          <h2 className="citizen-h3">{t('citizen.files')}</h2>
          <ul className="pu-list pu-list-small">
            {d.files.map((f, i) => <li key={i}><FileIcon /> {f.name}{f.kind === 'result' ? ` (${t('citizen.resultFile')})` : ''}</li>)}
          </ul>
        </>
      )}
    </Card>
  );
}

export default function CitizenPage() {
  const { code } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('citizen.myDossiers'));
  const me = useQuery({
    queryKey: ['citizen', 'me'],
    queryFn: () => http.get<Me>('/citizen/me'),
    retry: false,
  });
  if (me.isPending) return <div className="citizen-card"><Skeleton rows={6} /></div>;
  if (me.isError) return me.error instanceof ApiError && me.error.status === 401 ? <SignIn /> : <ErrorBox error={me.error} onRetry={() => void me.refetch()} />;
  return code ? <OneDossier code={code} /> : <MyDossiers me={me.data} />;
}
