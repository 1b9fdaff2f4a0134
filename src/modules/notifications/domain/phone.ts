// Phone numbers and addresses as the channels need them. Pure.

/**
 * A Vietnamese mobile number in the international form without "+" (84xxxxxxxxx), from the forms people write
 * (0905 123 456, +84905123456, 84-905-123-456), or null for a landline (02xx…), a foreign or a malformed number:
 * SMS and Zalo reach mobiles only.
 */
export function mobileNumber(input: string | null | undefined): string | null {
  if (!input) return null;
  const digits = input.trim().replace(/[\s.()-]/g, '');
  const m = /^(?:\+84|0084|84|0)([35789]\d{8})$/.exec(digits);
  return m ? `84${m[1]}` : null;
}

/** 84905123456 → 0905123456 (the form eSMS examples and people use). */
export const localNumber = (international: string) => (international.startsWith('84') ? `0${international.slice(2)}` : international);

/** 84905123456 → 0905***456: enough to tell numbers apart, not to call them. */
export function maskPhone(international: string): string {
  const local = localNumber(international);
  return local.length < 7 ? '***' : `${local.slice(0, 4)}***${local.slice(-3)}`;
}

/** nhung.nguyen@example.vn → n***@example.vn */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}
