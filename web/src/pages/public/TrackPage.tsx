// Tra cứu hồ sơ: the page the QR code on every slip opens (/tra-cuu/{code}?t={token}), and a code search box
// (/tra-cuu). No login, no personal data; phone first. A code alone shows nothing (codes are sequential): the QR
// code carries the dossier's token, and a code typed by hand needs the last 4 digits of the applicant's phone or
// citizen ID, kept in the page's memory only (never in the address, so not in the history or a server log).
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, ErrorBox, Input, SearchBox, Skeleton } from '../../public-ui';
import { CheckIcon, FileSearchIcon, ShieldIcon } from '../../public-ui/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../api/client';
import type { DossierStatus, PublicDossier } from '../../api/types';
import { usePageTitle } from '../../components/usePageTitle';
import { usePublicCenter } from '../../components/useCenter';
import { StatusTag } from '../../components/PublicTags';
import { vnTime } from '../../lib/format';
import { VnpayPayButton } from './VnpayPayButton';
import '../../components/dossier/track.css';

/** dd/mm/yyyy HH:mm in Vietnam time (as DossierTags' dossierTime, without its Ant Design imports). */
function dossierTime(iso: string | null | undefined): string {
  return iso ? vnTime(iso).format('DD/MM/YYYY HH:mm') : '';
}

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

type Proof = { t: string } | { verifier: string };

function TrackResult({ code, proof }: { code: string; proof: Proof }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['public-dossier', code, proof],
    queryFn: () => http.get<PublicDossier>(`/public/dossiers/${encodeURIComponent(code)}`, proof),
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
  // The page's header and footer (address, opening hours) follow the center that holds the dossier.
  const { center, centers, choose } = usePublicCenter();
  const holder = q.data ? centers.find((c) => c.name === q.data.center) : undefined;
  useEffect(() => {
    if (holder && holder.code !== center?.code) choose(holder.code);
  }, [holder, center, choose]);
  if (q.isPending) return <Skeleton rows={6} />;
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status < 500) return null; // the verifier form shows the message
    return <ErrorBox error={q.error} onRetry={() => void q.refetch()} />;
  }
  const d = q.data;
  const stages = ['registered', 'received', 'processing', 'ready', 'returned'] as const;
  const stage = STAGE[d.status] ?? 0;
  const stepState = STOPPED.includes(d.status) ? 'error' : WAITING.includes(d.status) ? 'wait' : d.status === 'returned' ? 'finish' : 'process';
  return (
    <Card className="track-card" data-testid="track-result">
      <div className="track-code-label">{t('dossiers.track.code')}</div>
      <div className="track-code">{d.code}</div>
      <div className="track-status">
        <StatusTag status={d.status} name={d.statusName} className="track-status-tag" />
      </div>
      <p className="track-message">{t(`dossiers.track.message.${d.status}`, { defaultValue: d.statusName })}</p>
      <ol className="track-steps">
        {stages.map((s, i) => {
          const state = i < stage ? 'finish' : i > stage ? 'wait' : stepState;
          return (
            <li key={s} className={`track-step track-step-${state}`} aria-current={i === stage ? 'step' : undefined}>
              <span className="track-step-dot" aria-hidden="true">{state === 'finish' ? <CheckIcon /> : i + 1}</span>
              <span className="track-step-title">{t(`dossiers.track.stages.${s}`)}</span>
            </li>
          );
        })}
      </ol>
      <dl className="track-facts">
        <dt>{t('dossiers.track.procedure')}</dt>
        <dd>{d.procedure}</dd>
        <dt>{t('dossiers.track.center')}</dt>
        <dd>{d.center}</dd>
        <dt>{t('dossiers.track.receivedAt')}</dt>
        <dd>{d.receivedAt ? dossierTime(d.receivedAt) : t('dossiers.track.notReceived')}</dd>
        <dt>{t('dossiers.track.dueAt')}</dt>
        <dd className="track-due">{d.dueAt ? dossierTime(d.dueAt) : '—'}</dd>
      </dl>
      <VnpayPayButton code={d.code} proof={proof} />
      <div style={{ marginTop: 12 }}>
        <Link to={`/phan-anh?ho-so=${encodeURIComponent(d.code)}`} data-testid="track-feedback">{t('feedback.fromDossier')}</Link>
      </div>
      <div className="track-privacy muted small">
        <ShieldIcon /> {t('dossiers.track.privacy')}
      </div>
    </Card>
  );
}

/** The 4 digits a code typed by hand needs; an accessible form with its hint and its error tied to the field. */
function VerifierForm({ code, error, onSubmit }: { code: string; error: string | null; onSubmit: (verifier: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => input.current?.focus(), [code]);
  useEffect(() => {
    if (error) input.current?.focus();
  }, [error]);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}$/.test(value)) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    setInvalid(false);
    onSubmit(value);
  };
  const message = invalid ? t('dossiers.track.verifierInvalid') : error;
  return (
    <Card className="track-card track-verify" data-testid="track-verify">
      <div className="track-code-label">{t('dossiers.track.code')}</div>
      <div className="track-code">{code}</div>
      <form className="track-verify-form" onSubmit={submit} noValidate>
        <label id={`${id}-label`} htmlFor={`${id}-input`} className="track-verify-label">
          {t('dossiers.track.verifierLabel')}
        </label>
        <p id={`${id}-hint`} className="muted small track-verify-hint">
          {t('dossiers.track.verifierHint')}
        </p>
        <div className="track-verify-row">
          <Input
            id={`${id}-input`}
            ref={input}
            inputSize="large"
            className="track-verify-input"
            value={value}
            onChange={(e) => setValue(e.target.value.replace(/\D/g, '').slice(0, 4))}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            placeholder="••••"
            aria-required="true"
            aria-invalid={message ? true : undefined}
            aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
            data-testid="track-verifier"
          />
          <Button variant="primary" size="large" type="submit" data-testid="track-verify-submit">
            {t('dossiers.track.verifierSubmit')}
          </Button>
        </div>
        {message && (
          <Alert id={`${id}-error`} role="alert" type="warning" className="track-verify-error" title={message} data-testid="track-verify-error" />
        )}
      </form>
      <div className="track-privacy muted small">
        <ShieldIcon /> {t('dossiers.track.privacy')}
      </div>
    </Card>
  );
}

/** The code, and the token when the address came from a slip's QR code. */
function TrackDossier({ code, token }: { code: string; token: string | null }) {
  const { t } = useTranslation();
  const [verifier, setVerifier] = useState<string | null>(null);
  const [tried, setTried] = useState(0);
  const proof: Proof | null = token ? { t: token } : verifier ? { verifier } : null;
  const q = useQuery({
    queryKey: ['public-dossier', code, proof],
    queryFn: () => http.get<PublicDossier>(`/public/dossiers/${encodeURIComponent(code)}`, proof!),
    enabled: proof !== null,
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
  const refused = q.isError && q.error instanceof ApiError && q.error.status < 500;
  if (proof && !refused) return <TrackResult code={code} proof={proof} />;
  // A token that does not open the dossier (an old or mistyped link) falls back to the 4 digits.
  const error = !refused ? null : q.error instanceof ApiError && q.error.status === 404 ? t('dossiers.track.notFound', { code }) : (q.error as ApiError).message;
  return (
    <VerifierForm
      code={code}
      error={token && refused ? t('dossiers.track.tokenRefused') : error}
      key={`${code}-${tried}`}
      onSubmit={(v) => {
        setVerifier(v);
        setTried((n) => n + 1);
      }}
    />
  );
}

export default function TrackPage() {
  const { code } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t');
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState(code ?? '');
  useEffect(() => setText(code ?? ''), [code]);
  usePageTitle(code ? `${t('dossiers.track.title')} ${code}` : t('dossiers.track.title'));

  const go = (v: string) => {
    const s = v.trim();
    // A scanned QR code types the whole address: keep the code, and the slip's token with it.
    const m = /\/tra-cuu\/([^/?#\s]+)(?:\?t=([A-Za-z0-9_-]+))?/.exec(s);
    const c = m ? decodeURIComponent(m[1]) : s;
    if (c) navigate(`/tra-cuu/${encodeURIComponent(c)}${m?.[2] ? `?t=${m[2]}` : ''}`);
  };

  return (
    <div className="page-section track-page">
      <h1 className="track-title">
        <FileSearchIcon /> {t('dossiers.track.title')}
      </h1>
      {!code && <p className="track-lead">{t('dossiers.track.lead')}</p>}
      <SearchBox
        className="track-search"
        large
        value={text}
        onChange={setText}
        onSearch={go}
        placeholder={t('dossiers.track.placeholder')}
        label={t('dossiers.track.code')}
        button={t('dossiers.track.search')}
        inputProps={{ autoFocus: !code, inputMode: 'text', autoCapitalize: 'characters', spellCheck: false }}
      />
      {!code && <p className="muted small track-example">{t('dossiers.track.example')}</p>}
      {code && <TrackDossier key={`${code}|${token ?? ''}`} code={code} token={token} />}
    </div>
  );
}
