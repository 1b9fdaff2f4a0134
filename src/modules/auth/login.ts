import type { Db } from '../../platform/db';
import { one, withTx } from '../../platform/db';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { dummyPasswordHash, verifyPassword } from '../../platform/password';
import { checkSecondFactor, type SecondFactor } from './totp';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

// One answer, word for word, for an unknown username, a wrong password and a locked account (issue 12, finding 3):
// the login must not tell which usernames exist or which accounts someone is attacking. It says what may be wrong.
export const BAD_CREDENTIALS_DETAIL =
  `Tên đăng nhập hoặc mật khẩu không đúng. Nếu nhập sai ${MAX_FAILED_ATTEMPTS} lần liên tiếp, tài khoản tạm khóa ${LOCK_MINUTES} phút.`;
const BAD_CREDENTIALS = () => new AppError(401, 'AUTH_INVALID_CREDENTIALS', BAD_CREDENTIALS_DETAIL);

export interface FailedSignIns {
  count: number;
  firstAt: string;
  lastAt: string;
}

export interface SignedIn {
  userId: string;
  /** Failed attempts on this account since its owner last got in: shown to the owner once. */
  failures: FailedSignIns | null;
  usedRecoveryCode: boolean;
}

interface UserRow {
  id: string;
  center_id: string | null;
  password_hash: string;
  active: boolean;
  locked_until: Date | null;
  failures_since_login: number;
  first_failure_at: Date | null;
  last_failure_at: Date | null;
}

/**
 * Checks a username, password and (when the account has it on) the second factor. Five failures in a row lock the
 * account for 15 minutes — the password is still checked then, so a locked account costs the same time as any
 * other. Every outcome is audited; the counters are updated under the user's row lock, so parallel guesses cannot
 * slip past the limit.
 */
export async function authenticate(db: Db, secretKey: () => Buffer, input: { username: string; password: string } & SecondFactor, now: Date, client: { ip: string }): Promise<SignedIn> {
  const username = input.username.trim();
  return withTx(db, async (tx) => {
    const user = await one<UserRow>(tx,
      `SELECT id, center_id, password_hash, active, locked_until, failures_since_login, first_failure_at, last_failure_at
         FROM users WHERE lower(username) = lower($1) FOR UPDATE`, [username]);
    if (!user) {
      await verifyPassword(input.password, await dummyPasswordHash()); // same time as a real check
      await audit(tx, { actorId: null, action: 'auth.login_failed', entity: 'user', data: { username, reason: 'unknown_user', ip: client.ip } }, now);
      return { failed: BAD_CREDENTIALS() };
    }
    const passwordOk = await verifyPassword(input.password, user.password_hash);
    const locked = user.locked_until !== null && user.locked_until > now;
    const fail = async (reason: string, error: AppError) => {
      // A failure while locked neither extends the lock nor counts towards a new one: the owner gets in when it ends.
      const r = await one<{ locked_until: Date | null; failed_attempts: number }>(tx,
        `UPDATE users SET
           failed_attempts = CASE WHEN $5 THEN failed_attempts WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
           locked_until = CASE WHEN NOT $5 AND failed_attempts + 1 >= $2 THEN $3::timestamptz + make_interval(mins => $4) ELSE locked_until END,
           failures_since_login = failures_since_login + 1,
           first_failure_at = coalesce(first_failure_at, $3),
           last_failure_at = $3
         WHERE id = $1 RETURNING locked_until, failed_attempts`,
        [user.id, MAX_FAILED_ATTEMPTS, now, LOCK_MINUTES, locked]);
      await audit(tx, { actorId: null, centerId: user.center_id, action: 'auth.login_failed', entity: 'user', entityId: user.id, data: { username, reason, ip: client.ip } }, now);
      if (!locked && r?.locked_until && r.locked_until > now) {
        await audit(tx, { actorId: null, centerId: user.center_id, action: 'auth.locked', entity: 'user', entityId: user.id, data: { until: r.locked_until.toISOString(), failures: MAX_FAILED_ATTEMPTS } }, now);
      }
      return { failed: error };
    };
    if (locked) return fail('locked', BAD_CREDENTIALS());
    if (!passwordOk) return fail('wrong_password', BAD_CREDENTIALS());
    if (!user.active) {
      await audit(tx, { actorId: null, centerId: user.center_id, action: 'auth.login_failed', entity: 'user', entityId: user.id, data: { username, reason: 'disabled', ip: client.ip } }, now);
      return { failed: new AppError(403, 'AUTH_DISABLED', 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.') };
    }
    const second = await checkSecondFactor(tx, secretKey(), user.id, input, now);
    if (second === 'missing') {
      // The password was right: ask for the code (no failure counted; the code's own guesses are).
      return { failed: new AppError(401, 'AUTH_TOTP_REQUIRED', 'Nhập mã xác thực 6 chữ số trong ứng dụng xác thực trên điện thoại (hoặc một mã khôi phục).') };
    }
    if (second === 'invalid') return fail('second_factor', new AppError(401, 'AUTH_TOTP_INVALID', 'Mã xác thực không đúng hoặc đã dùng. Nhập mã đang hiển thị trong ứng dụng, hoặc một mã khôi phục chưa dùng.'));
    await tx.query('UPDATE users SET failed_attempts = 0, locked_until = NULL, failures_since_login = 0, first_failure_at = NULL, last_failure_at = NULL WHERE id = $1', [user.id]);
    const failures = user.failures_since_login > 0 && user.first_failure_at && user.last_failure_at
      ? { count: user.failures_since_login, firstAt: user.first_failure_at.toISOString(), lastAt: user.last_failure_at.toISOString() }
      : null;
    await audit(tx, { actorId: user.id, centerId: user.center_id, action: 'auth.login', entity: 'user', entityId: user.id,
      data: { ip: client.ip, ...(second === 'ok' || second === 'recovery' ? { secondFactor: second === 'ok' ? 'totp' : 'recovery_code' } : {}), ...(failures ? { failuresBefore: failures.count } : {}) } }, now);
    return { signedIn: { userId: user.id, failures, usedRecoveryCode: second === 'recovery' } };
  }).then((r) => {
    // The failure is recorded (committed) before it is reported.
    if ('failed' in r) throw r.failed;
    return r.signedIn;
  });
}
