// What the login answer says about the account's security, kept for the console to show once after sign-in.
import type { Answer } from '../../../api/types';

const KEY = 'motcua.signInNotice';
type LoginAnswer = Answer<'/api/v1/auth/login', 'post'>;
export type SignInNotice = Pick<LoginAnswer, 'failedSignIns' | 'usedRecoveryCode'>;

export function rememberSignInNotice(answer: LoginAnswer | undefined): void {
  if (!answer || (!answer.failedSignIns && !answer.usedRecoveryCode)) return;
  sessionStorage.setItem(KEY, JSON.stringify({ failedSignIns: answer.failedSignIns, usedRecoveryCode: answer.usedRecoveryCode }));
}

export function takeSignInNotice(): SignInNotice | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  sessionStorage.removeItem(KEY);
  try {
    return JSON.parse(raw) as SignInNotice;
  } catch {
    return null;
  }
}
