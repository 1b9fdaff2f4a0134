import { z } from 'zod';

// Shared input shapes whose checks a regular expression alone gets wrong.

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** True for a YYYY-MM-DD string naming a day that exists (2024-02-29 yes, 2026-02-31 and 2026-13-45 no). */
export function isRealDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A calendar day as YYYY-MM-DD that exists and lies between 1900 and 2100. The format check alone let
 * 2026-02-31 through to PostgreSQL, which refused it with a 500.
 */
export function isoDay(formatMessage = 'Ngày phải có dạng YYYY-MM-DD') {
  return z.string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: formatMessage, abort: true })
    .refine(isRealDay, { message: 'Ngày không tồn tại (ví dụ 31/02 hoặc tháng 13)', abort: true })
    .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR && Number(s.slice(0, 4)) <= MAX_YEAR, `Năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}`);
}
