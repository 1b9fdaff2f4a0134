// Online submission (issue 15, part 2), phone first: /cong-dan/nop/{procedure}. The citizen signs in (the sign-in
// card of "Hồ sơ của tôi"), fills the e-form (applicant, how to receive the result), sees the fees and the expected
// date, submits, then uploads one file per required document; the new dossier opens in "Hồ sơ của tôi".
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Radio, Skeleton, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../api/client';
import type { Answer } from '../../api/types';
import { useProcedure } from '../../api/hooks';
import { usePublicCenter } from '../../components/useCenter';
import { usePageTitle } from '../../components/usePageTitle';
import { ErrorState } from '../../components/ErrorState';
import { feeAmountText } from '../../lib/format';
import { DueDateBox } from './DueDateBox';
import { SignIn } from './CitizenPage';

type Me = Answer<'/api/v1/citizen/me'>;
interface Submitted { code: string; documents: { index: number; name: string; mandatory: boolean }[] }
const CARD = { maxWidth: 640, margin: '16px auto' } as const;

function Documents({ d }: { d: Submitted }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [done, setDone] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const missing = d.documents.filter((x) => x.mandatory && !done[x.index]);
  return (
    <Card title={t('onlineSubmit.uploadTitle')} style={CARD}>
      <Alert type="success" showIcon message={t('onlineSubmit.submitted', { code: d.code })} style={{ marginBottom: 16 }} />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {d.documents.map((doc) => (
          <div key={doc.index}>
            <div><strong>{doc.index + 1}. {doc.name}</strong> {doc.mandatory ? <span className="doc-mandatory">*</span> : null}</div>
            <Upload accept="application/pdf,image/jpeg,image/png" maxCount={1} showUploadList={false}
              customRequest={({ file, onSuccess, onError }) => {
                const fd = new FormData();
                fd.append('checklistIndex', String(doc.index));
                fd.append('file', file as Blob);
                http.post<{ name: string }>(`/citizen/dossiers/${encodeURIComponent(d.code)}/files`, fd)
                  .then((r) => { setDone((s) => ({ ...s, [doc.index]: r.name })); setError(null); onSuccess?.(r); })
                  .catch((e: Error) => { setError(e.message); onError?.(e); });
              }}>
              <Button icon={<UploadOutlined />} data-testid={`online-upload-${doc.index}`}>{done[doc.index] ? t('onlineSubmit.replace') : t('onlineSubmit.choose')}</Button>
            </Upload>
            {done[doc.index] && <div className="muted small">✓ {done[doc.index]}</div>}
          </div>
        ))}
        {error && <Alert type="error" showIcon message={error} />}
        {missing.length > 0 && <Alert type="info" showIcon message={t('onlineSubmit.missing', { n: missing.length })} />}
        <Button type="primary" size="large" block onClick={() => navigate(`/cong-dan/ho-so/${encodeURIComponent(d.code)}`)}>{t('onlineSubmit.open')}</Button>
      </Space>
    </Card>
  );
}

function EForm({ code, me }: { code: string; me: Me }) {
  const { t } = useTranslation();
  const proc = useProcedure(code);
  const { center } = usePublicCenter();
  const [fullName, setFullName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [address, setAddress] = useState('');
  const [picked, setMethod] = useState<'counter' | 'post' | 'online' | null>(null);
  const [key] = useState(() => crypto.randomUUID());
  const submit = useMutation({
    mutationFn: (method: 'counter' | 'post' | 'online') => http.post<Submitted>('/citizen/dossiers', {
      procedure: code, center: center?.code ?? '', applicant: { kind: 'person', fullName, idNumber, address }, delivery: { method },
    }, { 'idempotency-key': key }),
  });
  if (proc.isError) return <ErrorState error={proc.error} onRetry={() => void proc.refetch()} />;
  if (proc.isPending) return <Skeleton active />;
  const p = proc.data;
  if (submit.data) return <Documents d={submit.data} />;
  // A fully online procedure returns the result online by default; a partly online one at the counter.
  const method = picked ?? (p.online === 'full' ? 'online' : 'counter');
  if (!p.online) return <Alert type="warning" showIcon style={CARD} message={t('onlineSubmit.notOnline')} />;
  return (
    <Card title={t('onlineSubmit.title')} style={CARD}>
      <p><strong>{p.name}</strong></p>
      <Form layout="vertical" requiredMark={false} onFinish={() => submit.mutate(method)}>
        <Alert type="info" showIcon message={t('onlineSubmit.contact', { contact: me.contact })} style={{ marginBottom: 16 }} />
        <Form.Item label={t('onlineSubmit.fullName')} htmlFor="online-name"><Input id="online-name" size="large" value={fullName} onChange={(e) => setFullName(e.target.value)} data-testid="online-name" /></Form.Item>
        <Form.Item label={t('onlineSubmit.idNumber')} htmlFor="online-id"><Input id="online-id" size="large" inputMode="numeric" maxLength={12} value={idNumber} onChange={(e) => setIdNumber(e.target.value.replace(/\D/g, ''))} data-testid="online-id" /></Form.Item>
        <Form.Item label={t('onlineSubmit.address')} htmlFor="online-address"><Input id="online-address" size="large" value={address} onChange={(e) => setAddress(e.target.value)} /></Form.Item>
        <Form.Item label={t('onlineSubmit.delivery')}>
          <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
            <Space direction="vertical">
              {p.online === 'full' && <Radio value="online">{t('onlineSubmit.deliveryOnline')}</Radio>}
              <Radio value="counter">{t('onlineSubmit.deliveryCounter')}</Radio>
              <Radio value="post">{t('onlineSubmit.deliveryPost')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <h4>{t('onlineSubmit.fees')}</h4>
        {p.fees.length === 0 ? <p>{t('onlineSubmit.noFee')}</p> : <ul className="plain-list">{p.fees.map((f) => <li key={f.name}>{f.name}: <strong>{feeAmountText(t, f)}</strong></li>)}</ul>}
        <DueDateBox time={p.processingTime} center={center?.code} />
        <p className="muted small">{t('onlineSubmit.dueNote')}</p>
        {submit.error && <Alert type="error" showIcon message={submit.error instanceof ApiError ? submit.error.message : String(submit.error)} style={{ marginBottom: 16 }} />}
        <Button type="primary" size="large" block htmlType="submit" loading={submit.isPending} disabled={fullName.trim().length < 2 || idNumber.length !== 12 || !center}
          data-testid="online-submit">{t('onlineSubmit.submit')}</Button>
        <p style={{ marginTop: 12 }}><Link to={`/procedures/${encodeURIComponent(code)}`}>{t('onlineSubmit.back')}</Link></p>
      </Form>
    </Card>
  );
}

export default function OnlineSubmitPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('onlineSubmit.title'));
  const me = useQuery({ queryKey: ['citizen', 'me'], queryFn: () => http.get<Me>('/citizen/me'), retry: false });
  if (me.isPending) return <Skeleton active />;
  // Not signed in: the sign-in card of "Hồ sơ của tôi", then the e-form (signing in refreshes the same query).
  if (me.isError) return me.error instanceof ApiError && me.error.status === 401 ? <SignIn /> : <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return <EForm code={code} me={me.data} />;
}
