/**
 * Tells "the database cannot be reached right now" (server down, restarting, connection cut) from every other
 * error, so that requests answer 503 with a Vietnamese reason instead of 500 while the database recovers.
 */
const PG_CODES = new Set([
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown: another backend crashed, the server is resetting
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '53300', // too_many_connections
]);
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
const MESSAGES = /^(Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable)$/;

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; syscall?: unknown } | null | undefined;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (PG_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true; // class 08: connection exception
  // Socket errors of the pg driver: a connect to a missing Unix socket is ENOENT (only for connect: a missing file is not this).
  if ((NET_CODES.has(code) || (code === 'ENOENT' && e.syscall === 'connect')) && typeof e.syscall === 'string') return true;
  return typeof e.message === 'string' && MESSAGES.test(e.message);
}

export const DATABASE_UNAVAILABLE_DETAIL = 'Cơ sở dữ liệu tạm thời không truy cập được; hệ thống đang tự kết nối lại. Vui lòng thử lại sau ít phút.';
