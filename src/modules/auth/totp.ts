// Two-factor sign-in with TOTP (RFC 6238: 6 digits, 30 s, SHA-1 — what every authenticator app reads from a QR
// code), for the accounts that can change the most: administrators and the center's directors (TWO_FACTOR_ROLES).
// The secret is stored encrypted with the server key (platform/secret-key.ts); ten recovery codes are shown once at
// enrolment and kept as SHA-256, each good once. A code is accepted once: the last accepted time step is kept.
import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Queryable } from '../../platform/db';
import { one } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { decryptSecret, encryptSecret } from '../../platform/secret-key';

export const TWO_FACTOR_ROLES: readonly string[] = ['admin', 'director', 'deputy_director'];
export const RECOVERY_CODES = 10;
const ISSUER = 'motcua';
const PERIOD = 30;

const totpOf = (secretBase32: string, label: string) =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** Recovery codes are typed by hand: case and dashes do not matter. */
const normalizeRecovery = (s: string) => s.toUpperCase().replace(/[^0-9A-Z]/g, '');

export interface TwoFactorState {
  enabled: boolean;
  required: boolean;
}

export async function twoFactorState(q: Queryable, userId: string, roles: readonly string[]): Promise<TwoFactorState> {
  const row = await one<{ enabled: boolean }>(q, 'SELECT enabled_at IS NOT NULL AS enabled FROM user_totp WHERE user_id = $1', [userId]);
  return { enabled: row?.enabled ?? false, required: roles.some((r) => TWO_FACTOR_ROLES.includes(r)) };
}

/** Starts (or restarts) enrolment: a new secret, not yet in force. The URI goes into the QR code. */
export async function startEnrolment(q: Queryable, key: Buffer, user: { id: string; username: string }): Promise<{ secret: string; uri: string }> {
  const secret = new Secret({ size: 20 }).base32;
  await q.query(
    `INSERT INTO user_totp (user_id, secret_enc) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc, last_step = 0, created_at = now() WHERE user_totp.enabled_at IS NULL`,
    [user.id, encryptSecret(key, secret)],
  );
  const row = await one<{ enabled: boolean }>(q, 'SELECT enabled_at IS NOT NULL AS enabled FROM user_totp WHERE user_id = $1', [user.id]);
  if (row?.enabled) throw new AppError(409, 'TOTP_ALREADY_ENABLED', 'Xác thực hai bước đã bật. Tắt trước khi đăng ký lại.');
  return { secret, uri: totpOf(secret, user.username).toString() };
}

/** Confirms enrolment with a first code from the app; returns the recovery codes (shown once). */
export async function confirmEnrolment(q: Queryable, key: Buffer, userId: string, code: string, now: Date): Promise<string[]> {
  const row = await one<{ secret_enc: string; enabled: boolean }>(q, 'SELECT secret_enc, enabled_at IS NOT NULL AS enabled FROM user_totp WHERE user_id = $1 FOR UPDATE', [userId]);
  if (!row || row.enabled) throw new AppError(409, 'TOTP_NO_ENROLMENT', 'Chưa bắt đầu đăng ký xác thực hai bước (hoặc đã bật).');
  const step = matchingStep(decryptSecret(key, row.secret_enc), code, now);
  if (step === null) throw new AppError(400, 'TOTP_INVALID', 'Mã xác thực không đúng. Kiểm tra giờ trên điện thoại và nhập mã đang hiển thị.');
  await q.query('UPDATE user_totp SET enabled_at = $2, last_step = $3 WHERE user_id = $1', [userId, now, step]);
  await q.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [userId]);
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(8).toString('hex').toUpperCase();
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
  });
  for (const c of codes) await q.query('INSERT INTO user_recovery_codes (user_id, code_hash) VALUES ($1, $2)', [userId, sha256(normalizeRecovery(c))]);
  return codes;
}

export async function disableTwoFactor(q: Queryable, userId: string): Promise<void> {
  await q.query('DELETE FROM user_totp WHERE user_id = $1', [userId]);
  await q.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [userId]);
}

export type SecondFactor = { totp?: string; recoveryCode?: string };

/**
 * Checks the second factor of a user who has two-factor sign-in on. 'missing': nothing given; 'invalid': wrong,
 * reused or expired; 'ok' (with 'recovery' when a recovery code was spent). The caller holds the user's row lock.
 */
export async function checkSecondFactor(q: Queryable, key: Buffer, userId: string, given: SecondFactor, now: Date): Promise<'off' | 'missing' | 'invalid' | 'ok' | 'recovery'> {
  const row = await one<{ secret_enc: string; last_step: string }>(q, 'SELECT secret_enc, last_step FROM user_totp WHERE user_id = $1 AND enabled_at IS NOT NULL FOR UPDATE', [userId]);
  if (!row) return 'off';
  if (given.recoveryCode) {
    const used = await one<{ user_id: string }>(q,
      'UPDATE user_recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING user_id',
      [userId, sha256(normalizeRecovery(given.recoveryCode)), now]);
    return used ? 'recovery' : 'invalid';
  }
  if (!given.totp) return 'missing';
  const step = matchingStep(decryptSecret(key, row.secret_enc), given.totp, now);
  if (step === null || step <= Number(row.last_step)) return 'invalid';
  await q.query('UPDATE user_totp SET last_step = $2 WHERE user_id = $1', [userId, step]);
  return 'ok';
}

/** The time step the code belongs to (the current one, or one step either side for clock drift), or null. */
function matchingStep(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret, 'x').validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}
