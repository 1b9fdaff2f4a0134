// VNPay v2.1.0 rules, pure: the sign-string (every non-empty vnp_* field except the hash ones, keys in ASCII order,
// form-urlencoded UTF-8 with space as '+'), HMAC-SHA512 over it, the payment parameters and the IPN's answer order.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Params = Record<string, string>;

export function signString(params: Params): string {
  const keys = Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== '')
    .sort();
  return new URLSearchParams(keys.map((k): [string, string] => [k, params[k]!])).toString();
}

export const sign = (params: Params, secret: string): string => createHmac('sha512', secret).update(signString(params), 'utf8').digest('hex');

/** Constant-time check of vnp_SecureHash against the other fields. */
export function verify(params: Params, secret: string): boolean {
  const given = Buffer.from((params.vnp_SecureHash ?? '').toLowerCase(), 'utf8');
  const want = Buffer.from(sign(params, secret), 'utf8');
  return given.length === want.length && timingSafeEqual(given, want);
}

/** yyyyMMddHHmmss in GMT+7, as VNPay wants vnp_CreateDate and vnp_ExpireDate. */
export function vnpDate(at: Date): string {
  const d = new Date(at.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** VNPay's order info must stay inside what every encoder agrees on: no diacritics, [A-Za-z0-9 .,:_-]. */
export function orderInfo(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .,:_-]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 255);
}

export interface PaymentRequest {
  tmnCode: string; secret: string; gatewayUrl: string; returnUrl: string;
  txnRef: string; amount: number; info: string; ipAddr: string; now: Date; locale?: 'vn' | 'en';
}

export const EXPIRY_MINUTES = 15;

export function paymentUrl(r: PaymentRequest): string {
  if (!Number.isSafeInteger(r.amount) || r.amount <= 0) throw new RangeError('amount must be a positive whole number of đồng');
  const params: Params = {
    vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: r.tmnCode, vnp_Amount: String(r.amount * 100), vnp_CurrCode: 'VND',
    vnp_TxnRef: r.txnRef, vnp_OrderInfo: orderInfo(r.info), vnp_OrderType: 'billpayment', vnp_Locale: r.locale ?? 'vn',
    vnp_ReturnUrl: r.returnUrl, vnp_IpAddr: r.ipAddr, vnp_CreateDate: vnpDate(r.now),
    vnp_ExpireDate: vnpDate(new Date(r.now.getTime() + EXPIRY_MINUTES * 60_000)),
  };
  const query = signString(params);
  return `${r.gatewayUrl}?${query}&vnp_SecureHash=${sign(params, r.secret)}`;
}

export interface IpnAnswer { RspCode: string; Message: string }
export const IPN = {
  ok: { RspCode: '00', Message: 'Confirm Success' },
  unknownOrder: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  wrongAmount: { RspCode: '04', Message: 'Invalid amount' },
  badChecksum: { RspCode: '97', Message: 'Invalid signature' },
  error: { RspCode: '99', Message: 'Unknown error' },
} as const satisfies Record<string, IpnAnswer>;

export interface Order { amount: number; status: 'pending' | 'paid' | 'failed' }

/**
 * The gateway's order of checks (official PHP demo): checksum, order, amount, already confirmed. `null` order means
 * unknown. On success returns 'paid' or 'failed' (a failed payment is recorded and still answered 00).
 */
export function ipnDecision(params: Params, secret: string, order: Order | null): { answer: IpnAnswer; outcome?: 'paid' | 'failed' } {
  if (!verify(params, secret)) return { answer: IPN.badChecksum };
  if (!order) return { answer: IPN.unknownOrder };
  if (params.vnp_Amount !== String(order.amount * 100)) return { answer: IPN.wrongAmount };
  if (order.status !== 'pending') return { answer: IPN.alreadyConfirmed };
  const paid = params.vnp_ResponseCode === '00' && params.vnp_TransactionStatus === '00';
  return { answer: IPN.ok, outcome: paid ? 'paid' : 'failed' };
}
