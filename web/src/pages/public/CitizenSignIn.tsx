// The citizen's sign-in card (issue 15), shown by "Hồ sơ của tôi" (/cong-dan) and the online e-form when nobody is
// signed in: VNeID when configured, else a one-time code sent to the phone or e-mail given at registration.
// Light components (public-ui): no antd on a citizen's phone.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/client';
import type { Answer, Body } from '../../api/types';
import { Alert, Button, Card, Field, Input } from '../../public-ui';
import { OidcSignIn } from './OidcSignIn';
import './citizen.css';
import '../../i18n/citizen-strings';

type Me = Answer<'/api/v1/citizen/me'>;
/** The 202 answer (the Answer helper reads 200s). */
interface OtpSent { sentTo: string; channel: 'sms' | 'email'; expiresInMinutes: number; message: string }

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
    <Card title={t('citizen.signInTitle')} level={1} className="citizen-card">
      {!sent && <OidcSignIn />}
      {!sent ? (
        <form onSubmit={(e) => { e.preventDefault(); if (contact.trim().length >= 5) ask.mutate({ contact }); }}>
          <p>{t('citizen.signInIntro')}</p>
          <Field id="citizen-contact" label={t('citizen.contact')}>
            <Input id="citizen-contact" inputSize="large" autoComplete="username" value={contact} placeholder={t('citizen.contactPlaceholder')}
              onChange={(e) => setContact(e.target.value)} data-testid="citizen-contact" />
          </Field>
          {ask.error && <Alert type="error" role="alert" title={ask.error.message} className="citizen-block" />}
          <Button type="submit" variant="primary" size="large" block loading={ask.isPending} disabled={contact.trim().length < 5}>{t('citizen.sendCode')}</Button>
        </form>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); if (code.length === 6) verify.mutate({ contact, code }); }}>
          <Alert type="success" role="status" title={sent.message} className="citizen-block" />
          <Field id="citizen-code" label={t('citizen.code')}>
            <Input id="citizen-code" inputSize="large" className="otp-input" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code}
              onChange={(e) => { setCode(e.target.value.replace(/\D/g, '')); verify.reset(); }} data-testid="citizen-code" />
          </Field>
          {verify.error && <Alert type="error" role="alert" title={verify.error.message} className="citizen-block" />}
          <div className="pu-stack">
            <Button type="submit" variant="primary" size="large" block loading={verify.isPending} disabled={code.length !== 6}>{t('citizen.verify')}</Button>
            <Button block onClick={() => ask.mutate({ contact })} loading={ask.isPending}>{t('citizen.resend')}</Button>
            <Button block variant="link" onClick={() => { setSent(null); setCode(''); verify.reset(); }}>{t('citizen.otherContact')}</Button>
          </div>
        </form>
      )}
    </Card>
  );
}
