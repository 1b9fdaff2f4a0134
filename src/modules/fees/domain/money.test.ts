import { describe, expect, it } from 'vitest';
import { MoneyError } from './errors';
import { formatVnd, groupThousands, NBSP } from './money';

describe('formatVnd', () => {
  const table: [number, string][] = [
    [0, '0 đ'],
    [5, '5 đ'],
    [999, '999 đ'],
    [1000, '1.000 đ'],
    [12_345, '12.345 đ'],
    [200_000, '200.000 đ'],
    [1_000_000, '1.000.000 đ'],
    [1_234_567_890, '1.234.567.890 đ'],
    [-50_000, '-50.000 đ'],
    [Number.MAX_SAFE_INTEGER, '9.007.199.254.740.991 đ'],
  ];

  it.each(table)('%d → %s', (n, text) => {
    expect(formatVnd(n)).toBe(text);
  });

  it('uses a plain space by default and U+00A0 on request', () => {
    expect(formatVnd(1_000_000).charCodeAt(9)).toBe(0x20);
    expect(formatVnd(1_000_000, { nbsp: true })).toBe('1.000.000\u00a0đ');
    expect(NBSP).toBe('\u00a0');
  });

  it('groups digits without the symbol', () => {
    expect(groupThousands(70_000)).toBe('70.000');
    expect(groupThousands(100)).toBe('100');
  });

  it.each([
    [1.5, 'MONEY_NOT_INTEGER'],
    [Number.NaN, 'MONEY_NOT_INTEGER'],
    [2 ** 53, 'MONEY_OUT_OF_RANGE'],
  ])('refuses %d with %s', (n, code) => {
    expect(() => formatVnd(n)).toThrow(MoneyError);
    expect(() => formatVnd(n)).toThrow(expect.objectContaining({ code }));
  });
});
