import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors';
import { amountInWords, MAX_AMOUNT_IN_WORDS } from './amount-in-words';
import { MoneyError } from './errors';

describe('amountInWords', () => {
  // Expected readings written by hand following the rules at the top of amount-in-words.ts.
  const table: [number, string][] = [
    [0, 'Không đồng'],
    [1, 'Một đồng'],
    [4, 'Bốn đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [20, 'Hai mươi đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [31, 'Ba mươi mốt đồng'],
    [34, 'Ba mươi tư đồng'],
    [55, 'Năm mươi lăm đồng'],
    [99, 'Chín mươi chín đồng'],
    [100, 'Một trăm đồng'],
    [101, 'Một trăm lẻ một đồng'],
    [104, 'Một trăm lẻ bốn đồng'],
    [105, 'Một trăm lẻ năm đồng'],
    [110, 'Một trăm mười đồng'],
    [111, 'Một trăm mười một đồng'],
    [115, 'Một trăm mười lăm đồng'],
    [121, 'Một trăm hai mươi mốt đồng'],
    [999, 'Chín trăm chín mươi chín đồng'],
    [1000, 'Một nghìn đồng'],
    [1005, 'Một nghìn không trăm lẻ năm đồng'],
    [1010, 'Một nghìn không trăm mười đồng'],
    [1050, 'Một nghìn không trăm năm mươi đồng'],
    [1100, 'Một nghìn một trăm đồng'],
    [10_000, 'Mười nghìn đồng'],
    [15_000, 'Mười lăm nghìn đồng'],
    [21_000, 'Hai mươi mốt nghìn đồng'],
    [24_000, 'Hai mươi tư nghìn đồng'],
    [75_000, 'Bảy mươi lăm nghìn đồng'],
    [100_000, 'Một trăm nghìn đồng'],
    [105_000, 'Một trăm lẻ năm nghìn đồng'],
    [200_000, 'Hai trăm nghìn đồng'],
    [1_000_000, 'Một triệu đồng'],
    [1_000_001, 'Một triệu không trăm lẻ một đồng'],
    [1_001_000, 'Một triệu không trăm lẻ một nghìn đồng'],
    [1_500_000, 'Một triệu năm trăm nghìn đồng'],
    [7_045_000, 'Bảy triệu không trăm bốn mươi lăm nghìn đồng'],
    [12_000_000, 'Mười hai triệu đồng'],
    [1_234_567, 'Một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_000_000_001, 'Một tỷ không trăm lẻ một đồng'],
    [1_000_001_000, 'Một tỷ không trăm lẻ một nghìn đồng'],
    [2_000_000_000, 'Hai tỷ đồng'],
    [2_000_000_005, 'Hai tỷ không trăm lẻ năm đồng'],
    [10_500_000_000, 'Mười tỷ năm trăm triệu đồng'],
    [21_000_000_000, 'Hai mươi mốt tỷ đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [1_005_000_000_000, 'Một nghìn không trăm lẻ năm tỷ đồng'],
    [1_000_500_000_000, 'Một nghìn tỷ năm trăm triệu đồng'],
    [
      999_999_999_999_999,
      'Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu ' +
        'chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng',
    ],
  ];

  it.each(table)('%d → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });

  it('reads up to 999 999 999 999 999', () => {
    expect(MAX_AMOUNT_IN_WORDS).toBe(999_999_999_999_999);
  });

  const bad: [string, number, string][] = [
    ['negative', -1, 'MONEY_NEGATIVE'],
    ['fraction', 1.5, 'MONEY_NOT_INTEGER'],
    ['NaN', Number.NaN, 'MONEY_NOT_INTEGER'],
    ['Infinity', Number.POSITIVE_INFINITY, 'MONEY_NOT_INTEGER'],
    ['one triệu tỷ', 1_000_000_000_000_000, 'MONEY_OUT_OF_RANGE'],
    ['2^53', 2 ** 53, 'MONEY_OUT_OF_RANGE'],
  ];

  it.each(bad)('refuses %s with %s', (_label, n, code) => {
    let caught: unknown;
    try {
      amountInWords(n);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MoneyError);
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as MoneyError).code).toBe(code);
    expect((caught as MoneyError).status).toBe(400);
    expect((caught as MoneyError).message).toMatch(/Số tiền/);
  });
});
