// Issue 13 item 1: a dossier that ended without a result (refused, withdrawn) may have its fees paid back. A refund
// is never more than what receipts in force paid, less what was already refunded, and needs a reason.
import { formatVnd } from './money';

/** Statuses in which paid fees may be refunded: the dossier ended without a result. */
export const REFUNDABLE_STATUSES = ['refused', 'withdrawn'] as const;

export interface RefundStanding {
  status: string;
  /** Sum of the dossier's receipts in force. */
  paid: number;
  /** Sum of refunds already made. */
  refunded: number;
}

export interface RefundBlock {
  code: 'FEE_REFUND_NOT_ENDED' | 'FEE_REFUND_NOTHING' | 'FEE_REFUND_TOO_MUCH';
  status: 409 | 400;
  message: string;
}

/** What may still be refunded (0 when the dossier has not ended without a result). */
export function refundableAmount(s: RefundStanding): number {
  if (!(REFUNDABLE_STATUSES as readonly string[]).includes(s.status)) return 0;
  return Math.max(0, s.paid - s.refunded);
}

/** Why a refund of `amount` is refused, or null when it may be made. */
export function refundBlock(s: RefundStanding, amount?: number): RefundBlock | null {
  if (!(REFUNDABLE_STATUSES as readonly string[]).includes(s.status)) {
    return { code: 'FEE_REFUND_NOT_ENDED', status: 409, message: 'Chỉ hoàn trả phí, lệ phí cho hồ sơ bị từ chối hoặc đã rút.' };
  }
  const left = refundableAmount(s);
  if (left === 0) {
    return { code: 'FEE_REFUND_NOTHING', status: 409, message: s.refunded > 0 ? `Hồ sơ đã được hoàn trả đủ ${formatVnd(s.refunded)}: không còn khoản nào để hoàn.` : 'Hồ sơ chưa nộp khoản phí, lệ phí nào: không có gì để hoàn trả.' };
  }
  if (amount !== undefined && amount > left) {
    return { code: 'FEE_REFUND_TOO_MUCH', status: 400, message: `Số tiền hoàn ${formatVnd(amount)} vượt quá số có thể hoàn ${formatVnd(left)} (đã nộp ${formatVnd(s.paid)}, đã hoàn ${formatVnd(s.refunded)}).` };
  }
  return null;
}

/** The refund slip's series of a year: "HP-26" (hoàn phí), numbered from 1 per center. */
export const refundSeriesSymbol = (year: number) => `HP-${String(year % 100).padStart(2, '0')}`;
