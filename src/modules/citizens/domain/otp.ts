// One-time sign-in codes for citizens: pure rules (no clock, no database). Time is passed in.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const OTP_DIGITS = 6;
export const OTP_MINUTES = 5;
export const OTP_MAX_TRIES = 5;

export type Contact = { kind: 'phone' | 'email'; value: string };

/**
 * A phone number (0905…, +84905…, 84905…) as 84 + 9 digits, or an e-mail address in lower case; null for anything
 * else. The same form is used to find the dossiers registered with that contact (f_citizen_phone in SQL).
 */
export function parseContact(input: string): Contact | null {
  const s = input.trim();
  if (s.includes('@')) {
    const e = s.toLowerCase();
    return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e) && e.length <= 254 ? { kind: 'email', value: e } : null;
  }
  const digits = s.replace(/[\s.()-]/g, '');
  const m = /^(?:\+84|0084|84|0)([35789]\d{8})$/.exec(digits);
  return m ? { kind: 'phone', value: `84${m[1]}` } : null;
}

/** A fresh code: 6 digits, uniformly drawn, leading zeros kept. */
export const newCode = (): string => String(randomInt(0, 10 ** OTP_DIGITS)).padStart(OTP_DIGITS, '0');

/** What is stored: an HMAC with the server key, bound to the contact, so a copy of the table does not give codes. */
export const hashCode = (key: Buffer, contact: string, code: string): string =>
  createHmac('sha256', key).update(`${contact}\n${code}`).digest('hex');

export function codeMatches(key: Buffer, contact: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashCode(key, contact, code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export type OtpState = { expiresAt: Date; attempts: number; usedAt: Date | null };

/** Whether a stored code may still be tried at `now`. */
export function otpUsable(o: OtpState, now: Date): boolean {
  return o.usedAt === null && now < o.expiresAt && o.attempts < OTP_MAX_TRIES;
}

/** 84905123456 → 0905***456; ab…@example.vn. For the citizen's own screen and the audit log. */
export function maskContact(c: Contact): string {
  if (c.kind === 'phone') return `0${c.value.slice(2, 5)}***${c.value.slice(-3)}`;
  const [user, domain] = c.value.split('@');
  return `${user.slice(0, 2)}…@${domain}`;
}
