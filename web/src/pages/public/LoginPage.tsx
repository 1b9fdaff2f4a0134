import { useEffect, useId, useRef, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLogin, useMe } from '../../api/hooks';
import { errorText } from '../../lib/errorText';
import { BrandMark } from '../../components/BrandMark';
import { usePageTitle } from '../../components/usePageTitle';
import { ApiError } from '../../api/client';
import { rememberSignInNotice } from '../console/security/notices';
import { Alert, Button, Field, Input } from '../../public-ui';
import { LockIcon, ShieldIcon, UserIcon } from '../../public-ui/icons';

/** Only local paths: never bounce a user to another site after login. */
function safeNext(next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//')) return next;
  return '/console';
}

type Values = { username: string; password: string; totp: string; recoveryCode: string };
type Key = keyof Values;

export function LoginPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const login = useLogin();
  const [values, setValues] = useState<Values>({ username: '', password: '', totp: '', recoveryCode: '' });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const refs = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null), totp: useRef<HTMLInputElement>(null), recoveryCode: useRef<HTMLInputElement>(null) };
  // The second step appears once the server says the password was right and the account has two-factor sign-in on.
  const secondStep = login.error instanceof ApiError && (login.error.code === 'AUTH_TOTP_REQUIRED' || login.error.code === 'AUTH_TOTP_INVALID');
  const [askedSecond, setAskedSecond] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const showSecond = askedSecond || secondStep;
  usePageTitle(t('login.title'));

  useEffect(() => {
    if (secondStep) setAskedSecond(true);
  }, [secondStep]);
  useEffect(() => {
    if (login.isSuccess) {
      rememberSignInNotice(login.data);
      navigate(next, { replace: true });
    }
  }, [login.isSuccess, login.data, navigate, next]);

  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  const set = (k: Key) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setValues((v) => ({ ...v, [k]: e.target.value }));
    if (errors[k]) setErrors((er) => ({ ...er, [k]: undefined }));
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const need: [Key, string][] = [['username', t('login.usernameRequired')], ['password', t('login.passwordRequired')]];
    if (showSecond && !useRecovery) need.push(['totp', t('security.login.totpRequired')]);
    if (showSecond && useRecovery) need.push(['recoveryCode', t('security.login.recoveryRequired')]);
    const found: Partial<Record<Key, string>> = {};
    for (const [k, msg] of need) if (!values[k].trim()) found[k] = msg;
    setErrors(found);
    const first = need.find(([k]) => found[k]);
    if (first) {
      refs[first[0]].current?.focus();
      return;
    }
    login.mutate({
      username: values.username.trim(), password: values.password,
      ...(showSecond && !useRecovery && values.totp ? { totp: values.totp.trim() } : {}),
      ...(showSecond && useRecovery && values.recoveryCode ? { recoveryCode: values.recoveryCode.trim() } : {}),
    });
  };
  const described = (k: Key, hint = false) => [hint ? `${id}-${k}-hint` : '', errors[k] ? `${id}-${k}-error` : ''].filter(Boolean).join(' ') || undefined;
  const disabled = login.isPending;

  return (
    <div className="login-wrap">
      <div className="login-card pu-card">
        <div className="pu-card-body">
          <div className="login-head">
            <BrandMark size={56} />
            <h1 className="login-title">{t('login.title')}</h1>
            <div className="muted">{t('login.subtitle')}</div>
          </div>
          {login.isError && !(login.error instanceof ApiError && login.error.code === 'AUTH_TOTP_REQUIRED') && (
            <Alert className="login-error" type="error" title={errorText(t, login.error)} role="alert" />
          )}
          <form onSubmit={submit} noValidate>
            <Field id={`${id}-username`} label={t('login.username')} error={errors.username}>
              <Input id={`${id}-username`} ref={refs.username} prefix={<UserIcon />} inputSize="large" autoComplete="username" autoFocus value={values.username} onChange={set('username')} disabled={disabled} aria-invalid={errors.username ? true : undefined} aria-describedby={described('username')} />
            </Field>
            <Field id={`${id}-password`} label={t('login.password')} error={errors.password}>
              <Input id={`${id}-password`} ref={refs.password} type="password" prefix={<LockIcon />} inputSize="large" autoComplete="current-password" value={values.password} onChange={set('password')} disabled={disabled} aria-invalid={errors.password ? true : undefined} aria-describedby={described('password')} />
            </Field>
            {showSecond && !useRecovery && (
              <Field id={`${id}-totp`} label={t('security.login.totp')} hint={t('security.login.totpHelp')} error={errors.totp}>
                <Input id={`${id}-totp`} ref={refs.totp} prefix={<ShieldIcon />} inputSize="large" autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus value={values.totp} onChange={set('totp')} disabled={disabled} aria-invalid={errors.totp ? true : undefined} aria-describedby={described('totp', true)} data-testid="login-totp" />
              </Field>
            )}
            {showSecond && useRecovery && (
              <Field id={`${id}-recoveryCode`} label={t('security.login.recovery')} error={errors.recoveryCode}>
                <Input id={`${id}-recoveryCode`} ref={refs.recoveryCode} prefix={<ShieldIcon />} inputSize="large" autoComplete="off" autoFocus value={values.recoveryCode} onChange={set('recoveryCode')} disabled={disabled} aria-invalid={errors.recoveryCode ? true : undefined} aria-describedby={described('recoveryCode')} data-testid="login-recovery" />
              </Field>
            )}
            {showSecond && (
              <Button variant="link" className="login-switch" onClick={() => setUseRecovery((r) => !r)}>
                {useRecovery ? t('security.login.useTotp') : t('security.login.useRecovery')}
              </Button>
            )}
            <Button variant="primary" type="submit" block size="large" loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </form>
        </div>
      </div>
    </div>
  );
}
