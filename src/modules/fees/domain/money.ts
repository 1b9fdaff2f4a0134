// Money is integer VND. Formatting for screens, slips and receipts: "1.000.000 đ".
import { MoneyError } from './errors';

/** The separator between the number and "đ": a plain space by default, U+00A0 with `{ nbsp: true }`. */
export const NBSP = '\u00a0';

export interface FormatVndOptions {
  /** Use a non-breaking space (U+00A0) before "đ" so the symbol never wraps alone onto the next line. */
  nbsp?: boolean;
}

/** Throws a MoneyError unless `n` is a safe integer number of đồng. */
export function assertVnd(n: number, what = 'Số tiền'): void {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new MoneyError('MONEY_NOT_INTEGER', `${what} phải là số nguyên đồng.`, { value: String(n) });
  }
  if (!Number.isSafeInteger(n)) {
    throw new MoneyError('MONEY_OUT_OF_RANGE', `${what} vượt quá giới hạn tính toán.`, { value: n });
  }
}

/** Groups the digits of a non-negative integer by three with dots: 1234567 → "1.234.567". */
export function groupThousands(n: number): string {
  assertVnd(n);
  const digits = String(Math.abs(n));
  const head = digits.length % 3 || 3;
  const parts = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) parts.push(digits.slice(i, i + 3));
  return (n < 0 ? '-' : '') + parts.join('.');
}

/**
 * Formats an integer VND amount the Vietnamese way: dot as thousands separator, then a space and "đ".
 * 1000000 → "1.000.000 đ", 0 → "0 đ", -50000 → "-50.000 đ" (negative amounts appear in refunds and
 * reconciliation differences). Fractions and unsafe integers are refused with a MoneyError.
 */
export function formatVnd(n: number, options: FormatVndOptions = {}): string {
  return groupThousands(n) + (options.nbsp ? NBSP : ' ') + 'đ';
}
