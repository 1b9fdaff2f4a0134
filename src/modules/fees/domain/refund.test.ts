import { describe, expect, it } from 'vitest';
import { refundableAmount, refundBlock, refundSeriesSymbol } from './refund';

describe('refunds: how much, and when', () => {
  it.each([
    ['refused, paid 50.000 đ', { status: 'refused', paid: 50_000, refunded: 0 }, 50_000],
    ['withdrawn, partly refunded', { status: 'withdrawn', paid: 50_000, refunded: 20_000 }, 30_000],
    ['withdrawn, fully refunded', { status: 'withdrawn', paid: 50_000, refunded: 50_000 }, 0],
    ['still being processed', { status: 'processing', paid: 50_000, refunded: 0 }, 0],
    ['returned with its result', { status: 'returned', paid: 50_000, refunded: 0 }, 0],
  ])('%s', (_n, s, expected) => expect(refundableAmount(s)).toBe(expected));

  it('says why a refund is refused, naming the amounts', () => {
    expect(refundBlock({ status: 'processing', paid: 50_000, refunded: 0 })?.code).toBe('FEE_REFUND_NOT_ENDED');
    expect(refundBlock({ status: 'refused', paid: 0, refunded: 0 })?.message).toBe('Hồ sơ chưa nộp khoản phí, lệ phí nào: không có gì để hoàn trả.');
    expect(refundBlock({ status: 'refused', paid: 50_000, refunded: 50_000 })?.code).toBe('FEE_REFUND_NOTHING');
    const over = refundBlock({ status: 'refused', paid: 50_000, refunded: 10_000 }, 40_001);
    expect(over).toMatchObject({ code: 'FEE_REFUND_TOO_MUCH', status: 400 });
    expect(over?.message).toBe('Số tiền hoàn 40.001 đ vượt quá số có thể hoàn 40.000 đ (đã nộp 50.000 đ, đã hoàn 10.000 đ).');
    expect(refundBlock({ status: 'refused', paid: 50_000, refunded: 10_000 }, 40_000)).toBeNull();
  });

  it('numbers refund slips in a series of the year', () => {
    expect(refundSeriesSymbol(2026)).toBe('HP-26');
    expect(refundSeriesSymbol(2100)).toBe('HP-00');
  });
});
