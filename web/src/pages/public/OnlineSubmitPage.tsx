// Online submission (issue 15, part 2), phone first: /cong-dan/nop/{procedure}. The citizen signs in (the sign-in
// card of "Hồ sơ của tôi"), fills the e-form (applicant, how to receive the result), sees the fees and the expected
// date, submits, then uploads one file per required document; the new dossier opens in "Hồ sơ của tôi".
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Radio, Skeleton, Space } from 'antd';
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
import { DocumentUpload } from './DocumentUpload';

type Me = Answer<'/api/v1/citizen/me'>;
type Prefill = Answer<'/api/v1/citizen/applicant'>;
interface Submitted { code: string; documents: { index: number; name: string; mandatory: boolean }[] }
const CARD = { maxWidth: 640, margin: '16px auto' } as const;

function Documents({ d }: { d: Submitted }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [done, setDone] = useState<Record<number, string>>({});
  const missing = d.documents.filter((x) => x.mandatory && !done[x.index]);
  return (
    <Card title={t('onlineSubmit.uploadTitle')} style={CARD}>
      <Alert type="success" showIcon message={t('onlineSubmit.submitted', { code: d.code })} style={{ marginBottom: 16 }} />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {d.documents.map((doc) => (
          <DocumentUpload key={doc.index} code={d.code} doc={doc} onDone={(f) => setDone((x) => ({ ...x, [doc.index]: f.name }))} />
        ))}
        {missing.length > 0 && <Alert type="info" showIcon message={t('onlineSubmit.missing', { n: missing.length })} />}
        <Button type="primary" size="large" block onClick={() => navigate(`/cong-dan/ho-so/${encodeURIComponent(d.code)}`)}>{t('onlineSubmit.open')}</Button>
      </Space>
    </Card>
  );
}

function EForm({ code, me, prefill }: { code: string; me: Me; prefill: Prefill }) {
  const { t } = useTranslation();
  const proc = useProcedure(code);
  const { center } = usePublicCenter();
  const [fullName, setFullName] = useState(prefill.fullName);
  const [idNumber, setIdNumber] = useState(prefill.idNumber);
  const [address, setAddress] = useState(prefill.address);
  const [kind, setKind] = useState<'person' | 'organization'>('person');
  const [orgName, setOrgName] = useState('');
  const [taxCode, setTaxCode] = useState('');
  const [postAddress, setPostAddress] = useState('');
  const [picked, setMethod] = useState<'counter' | 'post' | 'online' | null>(null);
  const [key] = useState(() => crypto.randomUUID());
  const submit = useMutation({
    mutationFn: (method: 'counter' | 'post' | 'online') => http.post<Submitted>('/citizen/dossiers', {
      procedure: code, center: center?.code ?? '',
      // An organisation as the staff registration records it: its name and tax code, the representative's name (and ID if given).
      applicant: kind === 'person' ? { kind, fullName, idNumber, address } : { kind, orgName, taxCode, fullName, idNumber: idNumber || null, address },
      delivery: method === 'post' ? { method, address: postAddress } : { method },
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
        <Alert type="info" showIcon style={{ marginBottom: 16 }}
          message={me.contact ? t('onlineSubmit.contact', { contact: me.contact }) : t('onlineSubmit.contactVerifiedId', { idNumber: me.idNumber ?? '' })} />
        {(prefill.fullName || prefill.idNumber) && <p className="muted small" data-testid="online-prefilled">{t('onlineSubmit.prefilled')}</p>}
        <Form.Item label={t('onlineSubmit.applicantKind')}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} data-testid="online-kind">
            <Radio value="person">{t('onlineSubmit.person')}</Radio>
            <Radio value="organization">{t('onlineSubmit.organization')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'organization' && (
          <>
            <Form.Item label={t('onlineSubmit.orgName')} htmlFor="online-org"><Input id="online-org" size="large" value={orgName} onChange={(e) => setOrgName(e.target.value)} data-testid="online-org" /></Form.Item>
            <Form.Item label={t('onlineSubmit.taxCode')} htmlFor="online-tax"><Input id="online-tax" size="large" inputMode="numeric" maxLength={14} value={taxCode} onChange={(e) => setTaxCode(e.target.value.replace(/[^\d-]/g, ''))} data-testid="online-tax" /></Form.Item>
          </>
        )}
        <Form.Item label={kind === 'person' ? t('onlineSubmit.fullName') : t('onlineSubmit.representative')} htmlFor="online-name"><Input id="online-name" size="large" value={fullName} onChange={(e) => setFullName(e.target.value)} data-testid="online-name" /></Form.Item>
        <Form.Item label={kind === 'person' ? t('onlineSubmit.idNumber') : t('onlineSubmit.representativeId')} htmlFor="online-id"><Input id="online-id" size="large" inputMode="numeric" maxLength={12} value={idNumber} onChange={(e) => setIdNumber(e.target.value.replace(/\D/g, ''))} data-testid="online-id" /></Form.Item>
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
        {method === 'post' && (
          <Form.Item label={t('onlineSubmit.deliveryAddress')} htmlFor="online-post-address" extra={t('onlineSubmit.deliveryAddressHint')}>
            <Input id="online-post-address" size="large" autoComplete="street-address" maxLength={500} value={postAddress} onChange={(e) => setPostAddress(e.target.value)} data-testid="online-post-address" />
          </Form.Item>
        )}
        <h4>{t('onlineSubmit.fees')}</h4>
        {p.fees.length === 0 ? <p>{t('onlineSubmit.noFee')}</p> : <ul className="plain-list">{p.fees.map((f) => <li key={f.name}>{f.name}: <strong>{feeAmountText(t, f)}</strong></li>)}</ul>}
        <DueDateBox time={p.processingTime} center={center?.code} />
        <p className="muted small">{t('onlineSubmit.dueNote')}</p>
        {submit.error && <Alert type="error" showIcon message={submit.error instanceof ApiError ? submit.error.message : String(submit.error)} style={{ marginBottom: 16 }} />}
        <Button type="primary" size="large" block htmlType="submit" loading={submit.isPending} disabled={fullName.trim().length < 2 || !center || (method === 'post' && postAddress.trim().length < 5)
          || (kind === 'person' ? idNumber.length !== 12 : orgName.trim().length < 2 || !/^\d{10}(-\d{3})?$/.test(taxCode) || (idNumber !== '' && idNumber.length !== 12))}
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
  return <PrefilledEForm code={code} me={me.data} />;
}

/** The e-form once the account's applicant data is known (verified by VNeID, or from the citizen's latest dossier). */
function PrefilledEForm({ code, me }: { code: string; me: Me }) {
  const prefill = useQuery({ queryKey: ['citizen', 'applicant'], queryFn: () => http.get<Prefill>('/citizen/applicant') });
  if (prefill.isPending) return <Skeleton active />;
  if (prefill.isError) return <ErrorState error={prefill.error} onRetry={() => void prefill.refetch()} />;
  return <EForm code={code} me={me} prefill={prefill.data} />;
}
