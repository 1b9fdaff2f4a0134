// Collecting money: what is still due line by line, how a payment is spread over the lines (and how much of each
// part the center keeps), cash change, and receipt numbers. Pure; integer VND.
import { PaymentError } from './errors';
import type { ChargeLine } from './breakdown';
import { formatVnd } from './money';

export type PaymentMethod = 'cash' | 'transfer' | 'card' | 'vnpay';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['cash', 'transfer', 'card', 'vnpay'];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Tiền mặt',
  transfer: 'Chuyển khoản',
  card: 'Thẻ/thanh toán trực tuyến',
  vnpay: 'Trực tuyến qua VNPay',
};

export interface LineBalance {
  line: ChargeLine;
  paid: number;
  due: number;
}

/** Each line against what earlier (not voided) receipts paid towards it, by line key. */
export function balances(lines: readonly ChargeLine[], paidByKey: Readonly<Record<string, number>>): LineBalance[] {
  return lines.map((line) => {
    const paid = paidByKey[line.key] ?? 0;
    return { line, paid, due: Math.max(0, line.amount - paid) };
  });
}

export interface Allocation {
  key: string;
  kind: ChargeLine['kind'];
  name: string;
  quantity: number;
  unitAmount: number;
  amount: number;
  /** The whole line's amount; more than `amount` when the line is paid in part. */
  lineAmount: number;
  /** The part the center keeps: floor(amount × share %), the rest goes to the department. */
  kept: number;
  departmentCode: string | null;
  legalBasis: string;
  /** How the line was priced ("2 trang đầu × 2.000 đ; …"), '' when the unit price explains it. */
  detail: string;
}

/** floor(amount × percent / 100) with the percent in hundredths, computed exactly. */
export function shareOf(amount: number, percent: number): number {
  const basisPoints = BigInt(Math.round(percent * 100));
  return Number((BigInt(amount) * basisPoints) / 10000n);
}

/**
 * Spreads `amount` over the lines in their order, each up to its due. Throws PAYMENT_INVALID_AMOUNT for a
 * non-positive or fractional amount and PAYMENT_OVER_DUE when it exceeds the total due.
 */
export function allocatePayment(open: readonly LineBalance[], amount: number): Allocation[] {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new PaymentError('PAYMENT_INVALID_AMOUNT', 'Số tiền nộp phải là số nguyên đồng lớn hơn 0.', { amount: String(amount) });
  }
  const due = open.reduce((a, b) => a + b.due, 0);
  if (amount > due) {
    throw new PaymentError('PAYMENT_OVER_DUE', `Số tiền nộp ${formatVnd(amount)} vượt quá số còn phải nộp ${formatVnd(due)}.`, { amount, due });
  }
  let rest = amount;
  const out: Allocation[] = [];
  for (const { line, due: lineDue } of open) {
    if (rest === 0) break;
    const part = Math.min(rest, lineDue);
    if (part === 0) continue;
    rest -= part;
    out.push({
      key: line.key,
      kind: line.kind,
      name: line.name,
      quantity: line.quantity,
      unitAmount: line.unitAmount,
      amount: part,
      lineAmount: line.amount,
      kept: line.kind === 'service' && line.departmentCode === null ? part : shareOf(part, line.centerSharePercent),
      departmentCode: line.departmentCode,
      legalBasis: line.legalBasis,
      detail: line.rateText,
    });
  }
  return out;
}

/** Cash change from what the payer handed over; transfers and cards carry a reference instead. */
export function cashChange(method: PaymentMethod, amount: number, tendered?: number | null, reference?: string | null): number {
  if (method !== 'cash') {
    if (tendered !== undefined && tendered !== null) {
      throw new PaymentError('PAYMENT_TENDERED_NOT_CASH', 'Chỉ nhập số tiền khách đưa khi nộp bằng tiền mặt.');
    }
    if (!reference || reference.trim() === '') {
      throw new PaymentError('PAYMENT_REFERENCE_REQUIRED', 'Nộp bằng chuyển khoản hoặc thẻ cần mã giao dịch.');
    }
    return 0;
  }
  if (tendered === undefined || tendered === null) return 0;
  if (!Number.isSafeInteger(tendered) || tendered < amount) {
    throw new PaymentError('PAYMENT_TENDERED_TOO_LOW', `Số tiền khách đưa ít hơn số tiền nộp ${formatVnd(amount)}.`, { amount, tendered: String(tendered) });
  }
  return tendered - amount;
}

/** The book (quyển số) a receipt number falls in: numbers 1..bookSize are book 1, and so on. */
export function bookOf(number: number, bookSize: number): number {
  return Math.floor((number - 1) / bookSize) + 1;
}

/** Where a series' current book starts: book `book` begins at number `bookStart` and holds `bookSize` numbers. */
export interface BookPosition {
  book: number;
  bookStart: number;
  bookSize: number;
}

/**
 * The book a number of a series falls in when the current book was opened at `bookStart` (numbers before it
 * belong to earlier books and keep the book printed on their receipts). Full books roll over to the next one.
 */
export function bookFor(number: number, p: BookPosition): number {
  if (number < p.bookStart) throw new RangeError('number before the current book');
  return p.book + Math.floor((number - p.bookStart) / p.bookSize);
}

/**
 * Opening a new book before the current one is full: the next number starts book (current + 1). Null when the
 * next number already starts a fresh book (nothing was issued in it yet), so there is nothing to close.
 */
export function nextBook(nextNumber: number, p: BookPosition): BookPosition | null {
  const current = bookFor(nextNumber, p);
  if ((nextNumber - p.bookStart) % p.bookSize === 0) return null;
  return { book: current + 1, bookStart: nextNumber, bookSize: p.bookSize };
}

/** The printed receipt number: the series symbol and a 7-digit number, e.g. "HT-25/0000012". */
export function receiptNumber(symbol: string, number: number): string {
  return `${symbol}/${String(number).padStart(7, '0')}`;
}

/** The default series symbol of a year: "HT-25" for 2025. */
export function defaultSeriesSymbol(year: number): string {
  return `HT-${String(year % 100).padStart(2, '0')}`;
}

/** The transfer memo of a VietQR code: the dossier code, at most 25 characters (its unique tail if longer). */
export function vietQrMemo(dossierCode: string): string {
  const ascii = dossierCode.replace(/[^A-Za-z0-9.-]/g, '');
  return ascii.length <= 25 ? ascii : ascii.slice(-25).replace(/^[.-]+/, '');
}
