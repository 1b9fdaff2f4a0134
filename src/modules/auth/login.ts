import type { Db } from '../../platform/db';
import { one } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { dummyPasswordHash, verifyPassword } from '../../platform/password';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

const BAD_CREDENTIALS = () => new AppError(401, 'AUTH_INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');

const hhmm = (d: Date) =>
  new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh', hour12: false }).format(d);

/**
 * Checks a username and password. Five wrong passwords in a row lock the account for 15 minutes; the counter is
 * updated atomically so parallel guesses cannot slip past the limit.
 */
export async function authenticate(db: Db, username: string, password: string, now: Date): Promise<string> {
  const user = await one<{ id: string; password_hash: string; active: boolean; locked_until: Date | null }>(
    db,
    'SELECT id, password_hash, active, locked_until FROM users WHERE lower(username) = lower($1)',
    [username.trim()],
  );
  if (!user) {
    await verifyPassword(password, await dummyPasswordHash()); // same time as a real check
    throw BAD_CREDENTIALS();
  }
  if (user.locked_until && user.locked_until > now) {
    throw new AppError(423, 'AUTH_LOCKED', `Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${hhmm(user.locked_until)}.`);
  }
  const ok = await verifyPassword(password, user.password_hash);
  if (!ok) {
    const r = await one<{ failed_attempts: number; locked_until: Date | null }>(
      db,
      `UPDATE users SET
         failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
         locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz + make_interval(mins => $4) ELSE locked_until END
       WHERE id = $1 RETURNING failed_attempts, locked_until`,
      [user.id, MAX_FAILED_ATTEMPTS, now, LOCK_MINUTES],
    );
    if (r?.locked_until && r.locked_until > now) {
      throw new AppError(423, 'AUTH_LOCKED', `Nhập sai mật khẩu ${MAX_FAILED_ATTEMPTS} lần: tài khoản tạm khóa đến ${hhmm(r.locked_until)}.`);
    }
    throw BAD_CREDENTIALS();
  }
  if (!user.active) throw new AppError(403, 'AUTH_DISABLED', 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.');
  await db.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [user.id]);
  return user.id;
}
