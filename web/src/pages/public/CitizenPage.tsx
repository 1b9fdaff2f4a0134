// Citizen pages (issue 15), phone first: sign in with a one-time code sent to the phone or e-mail given at
// registration (/cong-dan), "Hồ sơ của tôi" (the list), and one dossier (/cong-dan/ho-so/{code}) with its progress,
// its files and, once returned online, the result file to download.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Form, Input, List, Skeleton, Space, Timeline } from 'antd';
import { DownloadOutlined, FileTextOutlined, LogoutOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, apiUrl, http } from '../../api/client';
import type { Answer, Body } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { usePageTitle } from '../../components/usePageTitle';
import { StatusTag } from '../../components/dossier/DossierTags';
import { formatDate, formatDateTime } from '../../lib/format';
import '../../components/dossier/track.css';
import { MyFiles } from './DocumentUpload';
import { SupplementForm } from './SupplementForm';
import { OidcSignIn, SignedInAs } from './OidcSignIn';
import { VnpayPayButton } from './VnpayPayButton';

type Me = Answer<'/api/v1/citizen/me'>;
type Dossiers = Answer<'/api/v1/citizen/dossiers'>;
type Dossier = Answer<'/api/v1/citizen/dossiers/{code}'>;
/** The 202 answer (the Answer helper reads 200s). */
interface OtpSent { sentTo: string; channel: 'sms' | 'email'; expiresInMinutes: number; message: string }

const CARD = { maxWidth: 640, margin: '16px auto' } as const;
const DELIVERY = { counter: 'onlineSubmit.deliveryCounter', post: 'onlineSubmit.deliveryPost', online: 'onlineSubmit.deliveryOnline' } as const;

export function SignIn() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [contact, setContact] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<OtpSent | null>(null);
  const ask = useMutation({
    mutationFn: (body: Body<'/api/v1/citizen/auth/otp', 'post'>) => http.post<OtpSent>('/citizen/auth/otp', body),
    onSuccess: (r) => setSent(r),
  });
  const verify = useMutation({
    mutationFn: (body: Body<'/api/v1/citizen/auth/verify', 'post'>) => http.post<Me>('/citizen/auth/verify', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['citizen'] }),
  });
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0, fontWeight: 600, lineHeight: 1.4 }}>{t('citizen.signInTitle')}</h1>} style={CARD}>
      {!sent && <OidcSignIn />}
      {!sent ? (
        <Form layout="vertical" onFinish={() => ask.mutate({ contact })} requiredMark={false}>
          <p>{t('citizen.signInIntro')}</p>
          <Form.Item label={t('citizen.contact')} htmlFor="citizen-contact">
            <Input id="citizen-contact" size="large" autoComplete="username" value={contact} placeholder={t('citizen.contactPlaceholder')}
              onChange={(e) => setContact(e.target.value)} data-testid="citizen-contact" />
          </Form.Item>
          {ask.error && <Alert type="error" showIcon message={ask.error.message} style={{ marginBottom: 16 }} />}
          <Button type="primary" size="large" block htmlType="submit" loading={ask.isPending} disabled={contact.trim().length < 5}>{t('citizen.sendCode')}</Button>
        </Form>
      ) : (
        <Form layout="vertical" onFinish={() => verify.mutate({ contact, code })} requiredMark={false}>
          <Alert type="success" showIcon message={sent.message} style={{ marginBottom: 16 }} />
          <Form.Item label={t('citizen.code')} htmlFor="citizen-code">
            <Input id="citizen-code" size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code}
              onChange={(e) => { setCode(e.target.value.replace(/\D/g, '')); verify.reset(); }} data-testid="citizen-code" style={{ letterSpacing: 6, fontSize: 22 }} />
          </Form.Item>
          {verify.error && <Alert type="error" showIcon message={verify.error.message} style={{ marginBottom: 16 }} />}
          <Space direction="vertical" style={{ width: '100%' }}>
            <Button type="primary" size="large" block htmlType="submit" loading={verify.isPending} disabled={code.length !== 6}>{t('citizen.verify')}</Button>
            <Button block onClick={() => ask.mutate({ contact })} loading={ask.isPending}>{t('citizen.resend')}</Button>
            <Button block type="link" onClick={() => { setSent(null); setCode(''); verify.reset(); }}>{t('citizen.otherContact')}</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}

function MyDossiers({ me }: { me: Me }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['citizen', 'dossiers'], queryFn: () => http.get<Dossiers>('/citizen/dossiers') });
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0, fontWeight: 600, lineHeight: 1.4 }}>{t('citizen.myDossiers')}</h1>} style={CARD} extra={<Logout />}>
      <SignedInAs me={me} />
      {q.isPending ? <Skeleton active /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : q.data.items.length === 0 ? (
        <Empty description={t(me.idNumberVerified ? 'citizen.emptyVerified' : 'citizen.empty')} />
      ) : (
        <List
          dataSource={q.data.items}
          renderItem={(d) => (
            <List.Item key={d.code}>
              <Link to={`/cong-dan/ho-so/${encodeURIComponent(d.code)}`} style={{ display: 'block', width: '100%' }} data-testid="citizen-dossier">
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
                  <strong>{d.code}</strong>
                  <StatusTag status={d.status} name={d.statusName} />
                </div>
                <div style={{ color: 'rgba(0,0,0,0.78)' }}>{d.procedure}</div>
                <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>
                  {t('citizen.registeredAt')}: {formatDate(d.registeredAt)}{d.dueAt ? ` · ${t('citizen.dueAt')}: ${formatDate(d.dueAt)}` : ''}
                </div>
              </Link>
            </List.Item>
          )}
        />
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
  return <Button icon={<LogoutOutlined />} onClick={() => out.mutate()} loading={out.isPending}>{t('citizen.logout')}</Button>;
}

function OneDossier({ code }: { code: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['citizen', 'dossier', code], queryFn: () => http.get<Dossier>(`/citizen/dossiers/${encodeURIComponent(code)}`), retry: false });
  const back = <Button type="link" onClick={() => navigate('/cong-dan')} style={{ paddingLeft: 0 }}>← {t('citizen.back')}</Button>;
  if (q.isPending) return <Card style={CARD}><Skeleton active /></Card>;
  if (q.isError) {
    return (
      <Card style={CARD}>
        {back}
        {q.error instanceof ApiError && q.error.status === 404 ? <Alert type="warning" showIcon message={t('citizen.notFound')} /> : <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      </Card>
    );
  }
  const d = q.data;
  return (
    <Card style={CARD} title={d.code} extra={<StatusTag status={d.status} name={d.statusName} />}>
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
      <h3>{t('citizen.resultFile')}</h3>
      {d.resultAvailable ? (
        <Button type="primary" size="large" block icon={<DownloadOutlined />} href={apiUrl(`/citizen/dossiers/${encodeURIComponent(d.code)}/result`)} data-testid="citizen-result">
          {t('citizen.downloadResult')}
        </Button>
      ) : <p style={{ color: 'rgba(0,0,0,0.65)' }}>{t('citizen.resultNotOnline')}</p>}
      <h3 style={{ marginTop: 24 }}>{t('citizen.timeline')}</h3>
      <Timeline
        items={d.timeline.map((e) => ({
          children: (<><div><strong>{e.statusName}</strong> · {formatDateTime(e.at)}</div>{e.note && <div style={{ color: 'rgba(0,0,0,0.7)' }}>{e.note}</div>}</>),
        }))}
      />
      {d.files.length > 0 && (
        <>
          <h3>{t('citizen.files')}</h3>
          <List size="small" dataSource={d.files} renderItem={(f) => (
            <List.Item><FileTextOutlined /> {f.name}{f.kind === 'result' ? ` (${t('citizen.resultFile')})` : ''}</List.Item>
          )} />
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
  if (me.isPending) return <Card style={CARD}><Skeleton active /></Card>;
  if (me.isError) return me.error instanceof ApiError && me.error.status === 401 ? <SignIn /> : <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return code ? <OneDossier code={code} /> : <MyDossiers me={me.data} />;
}
