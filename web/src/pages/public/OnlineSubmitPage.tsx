// Online submission (issue 15, part 2), phone first: /cong-dan/nop/{procedure}. The citizen signs in (the sign-in
// card of "Hồ sơ của tôi"), fills the e-form (applicant, how to receive the result), sees the fees and the expected
// date, submits, then uploads one file per required document; the new dossier opens in "Hồ sơ của tôi".
// Light components (public-ui): no antd, the page stays within a phone's budget (issue 15, item 6).
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, ErrorBox, Field, Input, RadioGroup, Skeleton } from '../../public-ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../api/client';
import type { Answer } from '../../api/types';
import { useProcedure } from '../../api/hooks';
import { usePublicCenter } from '../../components/useCenter';
import { usePageTitle } from '../../components/usePageTitle';
import { feeAmountText } from '../../lib/format';
import { DueDateBox } from './DueDateBox';
import { SignIn } from './CitizenSignIn';
import { DocumentUpload } from './DocumentUpload';
import './citizen.css';
import '../../i18n/citizen-strings';

type Me = Answer<'/api/v1/citizen/me'>;
type Prefill = Answer<'/api/v1/citizen/applicant'>;
interface Submitted { code: string; documents: { index: number; name: string; mandatory: boolean }[] }

function Documents({ d }: { d: Submitted }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [done, setDone] = useState<Record<number, string>>({});
  const missing = d.documents.filter((x) => x.mandatory && !done[x.index]);
  return (
    <Card title={t('onlineSubmit.uploadTitle')} level={1} className="citizen-card">
      <Alert type="success" role="status" title={t('onlineSubmit.submitted', { code: d.code })} className="citizen-block" />
      <div className="pu-stack">
        {d.documents.map((doc) => (
          <DocumentUpload key={doc.index} code={d.code} doc={doc} onDone={(f) => setDone((x) => ({ ...x, [doc.index]: f.name }))} />
        ))}
        {missing.length > 0 && <Alert type="info" title={t('onlineSubmit.missing', { n: missing.length })} />}
        <Button variant="primary" size="large" block onClick={() => navigate(`/cong-dan/ho-so/${encodeURIComponent(d.code)}`)}>{t('onlineSubmit.open')}</Button>
      </div>
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
  if (proc.isError) return <ErrorBox error={proc.error} onRetry={() => void proc.refetch()} />;
  if (proc.isPending) return <div className="citizen-card"><Skeleton rows={8} /></div>;
  const p = proc.data;
  if (submit.data) return <Documents d={submit.data} />;
  // A fully online procedure returns the result online by default; a partly online one at the counter.
  const method = picked ?? (p.online === 'full' ? 'online' : 'counter');
  if (!p.online) return <div className="citizen-card"><Alert type="warning" title={t('onlineSubmit.notOnline')} /></div>;
  const ready = fullName.trim().length >= 2 && !!center && (method !== 'post' || postAddress.trim().length >= 5)
    && (kind === 'person' ? idNumber.length === 12 : orgName.trim().length >= 2 && /^\d{10}(-\d{3})?$/.test(taxCode) && (idNumber === '' || idNumber.length === 12));
  const deliveries = [
    ...(p.online === 'full' ? [{ value: 'online' as const, label: t('onlineSubmit.deliveryOnline') }] : []),
    { value: 'counter' as const, label: t('onlineSubmit.deliveryCounter') },
    { value: 'post' as const, label: t('onlineSubmit.deliveryPost') },
  ];
  return (
    <Card title={t('onlineSubmit.title')} level={1} className="citizen-card">
      <p><strong>{p.name}</strong></p>
      <form onSubmit={(e) => { e.preventDefault(); if (ready && !submit.isPending) submit.mutate(method); }} noValidate>
        <Alert type="info" className="citizen-block"
          title={me.contact ? t('onlineSubmit.contact', { contact: me.contact }) : t('onlineSubmit.contactVerifiedId', { idNumber: me.idNumber ?? '' })} />
        {(prefill.fullName || prefill.idNumber) && <p className="muted small" data-testid="online-prefilled">{t('onlineSubmit.prefilled')}</p>}
        <RadioGroup legend={t('onlineSubmit.applicantKind')} name="online-kind" value={kind} onChange={setKind} data-testid="online-kind"
          options={[{ value: 'person', label: t('onlineSubmit.person') }, { value: 'organization', label: t('onlineSubmit.organization') }]} />
        {kind === 'organization' && (
          <>
            <Field id="online-org" label={t('onlineSubmit.orgName')}><Input id="online-org" inputSize="large" autoComplete="organization" value={orgName} onChange={(e) => setOrgName(e.target.value)} data-testid="online-org" /></Field>
            <Field id="online-tax" label={t('onlineSubmit.taxCode')}><Input id="online-tax" inputSize="large" inputMode="numeric" maxLength={14} value={taxCode} onChange={(e) => setTaxCode(e.target.value.replace(/[^\d-]/g, ''))} data-testid="online-tax" /></Field>
          </>
        )}
        <Field id="online-name" label={kind === 'person' ? t('onlineSubmit.fullName') : t('onlineSubmit.representative')}>
          <Input id="online-name" inputSize="large" autoComplete="name" value={fullName} onChange={(e) => setFullName(e.target.value)} data-testid="online-name" />
        </Field>
        <Field id="online-id" label={kind === 'person' ? t('onlineSubmit.idNumber') : t('onlineSubmit.representativeId')}>
          <Input id="online-id" inputSize="large" inputMode="numeric" maxLength={12} value={idNumber} onChange={(e) => setIdNumber(e.target.value.replace(/\D/g, ''))} data-testid="online-id" />
        </Field>
        <Field id="online-address" label={t('onlineSubmit.address')}>
          <Input id="online-address" inputSize="large" value={address} onChange={(e) => setAddress(e.target.value)} />
        </Field>
        <RadioGroup legend={t('onlineSubmit.delivery')} name="online-delivery" value={method} onChange={setMethod} options={deliveries} />
        {method === 'post' && (
          <Field id="online-post-address" label={t('onlineSubmit.deliveryAddress')} hint={t('onlineSubmit.deliveryAddressHint')}>
            <Input id="online-post-address" inputSize="large" autoComplete="street-address" maxLength={500} value={postAddress} onChange={(e) => setPostAddress(e.target.value)}
              aria-describedby="online-post-address-hint" data-testid="online-post-address" />
          </Field>
        )}
        <h2 className="citizen-h2">{t('onlineSubmit.fees')}</h2>
        {p.fees.length === 0 ? <p>{t('onlineSubmit.noFee')}</p> : <ul className="plain-list online-fees">{p.fees.map((f) => <li key={f.name}>{f.name}: <strong>{feeAmountText(t, f)}</strong></li>)}</ul>}
        <DueDateBox time={p.processingTime} center={center?.code} />
        <p className="muted small">{t('onlineSubmit.dueNote')}</p>
        {submit.error && <Alert type="error" role="alert" className="citizen-block" title={submit.error instanceof ApiError ? submit.error.message : String(submit.error)} />}
        <Button type="submit" variant="primary" size="large" block loading={submit.isPending} disabled={!ready} data-testid="online-submit">{t('onlineSubmit.submit')}</Button>
        <p className="online-back"><Link to={`/procedures/${encodeURIComponent(code)}`}>{t('onlineSubmit.back')}</Link></p>
      </form>
    </Card>
  );
}

export default function OnlineSubmitPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('onlineSubmit.title'));
  const me = useQuery({ queryKey: ['citizen', 'me'], queryFn: () => http.get<Me>('/citizen/me'), retry: false });
  if (me.isPending) return <div className="citizen-card"><Skeleton rows={8} /></div>;
  // Not signed in: the sign-in card of "Hồ sơ của tôi", then the e-form (signing in refreshes the same query).
  if (me.isError) return me.error instanceof ApiError && me.error.status === 401 ? <SignIn /> : <ErrorBox error={me.error} onRetry={() => void me.refetch()} />;
  return <PrefilledEForm code={code} me={me.data} />;
}

/** The e-form once the account's applicant data is known (verified by VNeID, or from the citizen's latest dossier). */
function PrefilledEForm({ code, me }: { code: string; me: Me }) {
  const prefill = useQuery({ queryKey: ['citizen', 'applicant'], queryFn: () => http.get<Prefill>('/citizen/applicant') });
  if (prefill.isPending) return <div className="citizen-card"><Skeleton rows={8} /></div>;
  if (prefill.isError) return <ErrorBox error={prefill.error} onRetry={() => void prefill.refetch()} />;
  return <EForm code={code} me={me} prefill={prefill.data} />;
}
