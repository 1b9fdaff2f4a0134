// Vectors copied from the protocol research (lehuygiang28/vnpay fixtures, secret `test_secret`).
import { describe, expect, it } from 'vitest';
import { ipnDecision, orderInfo, paymentUrl, sign, signString, verify, vnpDate, type Params } from './domain';

const SECRET = 'test_secret';
const V1: Params = {
  vnp_Amount: '1000000', vnp_BankCode: 'NCB', vnp_BankTranNo: 'VNP14422574', vnp_CardType: 'ATM',
  vnp_OrderInfo: 'Thanh toan don hang 2024-05-21T02:17:31.249Z', vnp_PayDate: '20240521091806', vnp_ResponseCode: '00',
  vnp_TmnCode: 'TEST_TMN_CODE', vnp_TransactionNo: '14422574', vnp_TransactionStatus: '00', vnp_TxnRef: '1716257871703',
};
const V1_HASH = '649982421beb422556a1374713c74e58e716ecbd05007c0c0e1f7effdfaf361dbf146889ca446139afe11b9954c4d5c486e99e3b86fcfab6957f29eb0be72895';
const V1_99_HASH = '503194f6d93b57b357b2d1d09742565e67e86d771352c5dca4fc8d39df3d392c6b3809add9405f97cfb9631f445e36c80656cfbf47eac67d97fa165865c13e1b';
const V2: Params = {
  vnp_Amount: '100000', vnp_BankCode: 'NCB', vnp_Command: 'pay', vnp_CreateDate: '20210101070000', vnp_CurrCode: 'VND',
  vnp_IpAddr: '127.0.0.1', vnp_Locale: 'vn', vnp_OrderInfo: 'Test order', vnp_OrderType: 'other',
  vnp_ReturnUrl: 'https://example.com/return', vnp_TmnCode: 'TEST_TMN_CODE', vnp_TxnRef: 'ref1234567', vnp_Version: '2.1.0',
};
const V2_HASH = 'd8e4eb24f51f157d6898a30ced0539e4f8f6dec834c0ab10d6cf9d768f9785ce8ba2edf1aab9a12d4561b162cde07d9b4088379523e61c642056d8b04095132b';

describe('VNPay signing', () => {
  it('V1: return/IPN fields give the published sign-string and hash', () => {
    expect(signString(V1)).toBe('vnp_Amount=1000000&vnp_BankCode=NCB&vnp_BankTranNo=VNP14422574&vnp_CardType=ATM&vnp_OrderInfo=Thanh+toan+don+hang+2024-05-21T02%3A17%3A31.249Z&vnp_PayDate=20240521091806&vnp_ResponseCode=00&vnp_TmnCode=TEST_TMN_CODE&vnp_TransactionNo=14422574&vnp_TransactionStatus=00&vnp_TxnRef=1716257871703');
    expect(sign(V1, SECRET)).toBe(V1_HASH);
    expect(sign({ ...V1, vnp_ResponseCode: '99' }, SECRET)).toBe(V1_99_HASH);
  });
  it('V2: payment URL fields give the published hash, in any key order, ignoring hash fields and empty values', () => {
    const shuffled = Object.fromEntries(Object.entries(V2).reverse());
    expect(sign(V2, SECRET)).toBe(V2_HASH);
    expect(sign({ ...shuffled, vnp_SecureHash: 'x', vnp_SecureHashType: 'SHA512', vnp_Bill_Mobile: '' }, SECRET)).toBe(V2_HASH);
  });
  it('verifies a good hash (either case) and rejects a changed field, a wrong secret, a missing hash', () => {
    expect(verify({ ...V1, vnp_SecureHash: V1_HASH }, SECRET)).toBe(true);
    expect(verify({ ...V1, vnp_SecureHash: V1_HASH.toUpperCase() }, SECRET)).toBe(true);
    expect(verify({ ...V1, vnp_Amount: '1000100', vnp_SecureHash: V1_HASH }, SECRET)).toBe(false);
    expect(verify({ ...V1, vnp_SecureHash: V1_HASH }, 'other')).toBe(false);
    expect(verify(V1, SECRET)).toBe(false);
  });
});

describe('VNPay payment URL', () => {
  it.each([
    ['2026-12-05T03:00:00Z', '20261205100000'],
    ['2026-12-31T17:30:05Z', '20270101003005'], // GMT+7 crosses the year
    ['2026-02-28T16:59:59Z', '20260228235959'],
  ])('vnpDate(%s) = %s (GMT+7)', (iso, want) => expect(vnpDate(new Date(iso))).toBe(want));

  it('strips diacritics and unsafe characters from order info', () => {
    expect(orderInfo('Thanh toán lệ phí hồ sơ 000.00.11.H56-261205-0001 (Đăng ký)')).toBe('Thanh toan le phi ho so 000.00.11.H56-261205-0001 Dang ky');
  });

  it('signs amount × 100, version 2.1.0, create and expire dates (+15 min) in GMT+7', () => {
    const url = new URL(paymentUrl({ tmnCode: 'TEST_TMN_CODE', secret: SECRET, gatewayUrl: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
      returnUrl: 'https://motcua.example/thanh-toan/vnpay', txnRef: 'T1', amount: 150_000, info: 'Lệ phí', ipAddr: '10.0.0.1', now: new Date('2026-12-05T03:00:00Z') }));
    const p = Object.fromEntries(url.searchParams);
    expect(p).toMatchObject({ vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_Amount: '15000000', vnp_CurrCode: 'VND', vnp_TxnRef: 'T1',
      vnp_CreateDate: '20261205100000', vnp_ExpireDate: '20261205101500', vnp_OrderInfo: 'Le phi' });
    expect(p.vnp_SecureHashType).toBeUndefined();
    expect(verify(p, SECRET)).toBe(true);
    expect(() => paymentUrl({ tmnCode: 'A', secret: 's', gatewayUrl: 'https://x', returnUrl: 'https://y', txnRef: 'T', amount: 0, info: '', ipAddr: '', now: new Date() })).toThrow();
  });
});

describe('IPN answer order', () => {
  const signed = (p: Params) => ({ ...p, vnp_SecureHash: sign(p, SECRET) });
  const pending = { amount: 10_000, status: 'pending' as const };
  it.each([
    ['bad checksum first, even for an unknown order', { ...V1, vnp_SecureHash: 'ab' }, null, '97', undefined],
    ['unknown order', signed(V1), null, '01', undefined],
    ['amount differs', signed({ ...V1, vnp_Amount: '1000100' }), pending, '04', undefined],
    ['amount differs is checked before already confirmed', signed({ ...V1, vnp_Amount: '1' }), { ...pending, status: 'paid' as const }, '04', undefined],
    ['already confirmed', signed(V1), { ...pending, status: 'paid' as const }, '02', undefined],
    ['already failed', signed(V1), { ...pending, status: 'failed' as const }, '02', undefined],
    ['paid', signed(V1), pending, '00', 'paid'],
    ['failed payment is recorded and still 00', signed({ ...V1, vnp_ResponseCode: '24' }), pending, '00', 'failed'],
    ['status not 00 is failed', signed({ ...V1, vnp_TransactionStatus: '02' }), pending, '00', 'failed'],
  ])('%s', (_n, params, order, code, outcome) => {
    const r = ipnDecision(params, SECRET, order);
    expect(r.answer.RspCode).toBe(code);
    expect(r.outcome).toBe(outcome);
  });
});
