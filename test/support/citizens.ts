import { expect } from 'vitest';
import type { TestApp } from './app';
import type { TestSmtp } from './smtp';

/**
 * Signs a citizen in by the one-time code mailed to `contact` (read from the SMTP sink: the newest sign-in mail, not
 * merely the newest mail, since a dossier's own e-mail may arrive between) and answers the session cookie.
 */
export async function citizenSignInByEmail(t: TestApp, smtp: TestSmtp, contact: string): Promise<string> {
  const n = smtp.mails.length;
  const asked = await t.app.inject({ method: 'POST', url: '/api/v1/citizen/auth/otp', payload: { contact } });
  expect(asked.statusCode, asked.body).toBe(202);
  await smtp.waitFor(n + 1);
  const mail = smtp.mails.slice(n).find((m) => /Mã đăng nhập/.test(m.subject ?? ''))!;
  const code = /(\d{6})/.exec(mail.text ?? '')![1]!;
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/citizen/auth/verify', payload: { contact, code } });
  expect(r.statusCode, r.body).toBe(200);
  return `motcua_citizen_sid=${r.cookies.find((x) => x.name === 'motcua_citizen_sid')!.value}`;
}
