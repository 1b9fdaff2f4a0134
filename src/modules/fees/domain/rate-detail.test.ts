import { describe, expect, it } from 'vitest';
import { calculateFees } from './fee-calculation';
import type { FeeItem, FeeQuantities } from './fee-types';
import { rateDetail, rateDetailText, rateDetailTotal, rateSegments } from './rate-detail';

// Certification of copies (Thông tư 226/2016/TT-BTC): 2.000 đ per page, 1.000 đ from page 3, at most 200.000 đ a copy.
const CERT: FeeItem = { code: 'CT', name: 'Phí chứng thực', amount: 2000, unit: 'per_page', tiers: [{ fromUnit: 3, amount: 1000 }], cap: 200_000, collectAt: 'reception' };
const EXTRACT: FeeItem = { code: 'TL', name: 'Phí cấp bản sao trích lục', amount: 8000, unit: 'per_copy', tiers: [{ fromUnit: 2, amount: 3000 }], collectAt: 'return' };
const ROOMS: FeeItem = { code: 'KR', name: 'Phí thẩm định tăng phòng', amount: 2_000_000, unit: 'per_copy', cap: 12_000_000, collectAt: 'reception' };
const THREE_TIERS: FeeItem = { code: 'T3', name: 'Ba bậc', amount: 5000, unit: 'per_page', tiers: [{ fromUnit: 2, amount: 3000 }, { fromUnit: 5, amount: 500 }], collectAt: 'reception' };
const PLAIN_PAGE: FeeItem = { code: 'PP', name: 'Theo trang', amount: 1500, unit: 'per_page', collectAt: 'reception' };
const LP: FeeItem = { code: 'LP', name: 'Lệ phí', amount: 100_000, unit: 'per_dossier', cap: 50_000, collectAt: 'reception' };

const lineOf = (item: FeeItem, q: FeeQuantities) => calculateFees({ items: [item], quantities: q }).items[0];

describe('rateSegments', () => {
  it.each([
    // base, tiers, count → [from, to, unitAmount]
    [2000, [{ fromUnit: 3, amount: 1000 }], 1, [[1, 1, 2000]]],
    [2000, [{ fromUnit: 3, amount: 1000 }], 2, [[1, 2, 2000]]],
    [2000, [{ fromUnit: 3, amount: 1000 }], 3, [[1, 2, 2000], [3, 3, 1000]]],
    [2000, [{ fromUnit: 3, amount: 1000 }], 10, [[1, 2, 2000], [3, 10, 1000]]],
    [5000, [{ fromUnit: 2, amount: 3000 }, { fromUnit: 5, amount: 500 }], 4, [[1, 1, 5000], [2, 4, 3000]]],
    [5000, [{ fromUnit: 2, amount: 3000 }, { fromUnit: 5, amount: 500 }], 9, [[1, 1, 5000], [2, 4, 3000], [5, 9, 500]]],
    [2000, [], 0, []],
  ])('base %i, tiers %j, %i units', (base, tiers, count, expected) => {
    const s = rateSegments(base, tiers, count);
    expect(s.map((x) => [x.from, x.to, x.unitAmount])).toEqual(expected);
    for (const x of s) expect(x.amount).toBe(x.units * x.unitAmount);
  });
});

describe('rateDetail and its text', () => {
  it.each([
    ['10 pages, one copy', CERT, { pages: 10 }, '2 trang đầu × 2.000 đ; 8 trang × 1.000 đ; tối đa 200.000 đ/bản'],
    ['2 pages: one segment, no "đầu"', CERT, { pages: 2 }, '2 trang × 2.000 đ; tối đa 200.000 đ/bản'],
    ['7 pages × 3 copies', CERT, { pages: 7, copies: 3 }, '2 trang đầu × 2.000 đ; 5 trang × 1.000 đ; tối đa 200.000 đ/bản; × 3 bản'],
    ['250 pages: the cap per copy applies', CERT, { pages: 250, copies: 2 }, '2 trang đầu × 2.000 đ; 248 trang × 1.000 đ; tối đa 200.000 đ/bản (áp dụng mức tối đa); × 2 bản'],
    ['three tiers', THREE_TIERS, { pages: 9 }, '1 trang đầu × 5.000 đ; 3 trang × 3.000 đ; 5 trang × 500 đ'],
    ['per copy with a tier', EXTRACT, { copies: 4 }, '1 bản đầu × 8.000 đ; 3 bản × 3.000 đ'],
    ['per copy capped on the item', ROOMS, { copies: 7 }, '7 bản × 2.000.000 đ; tối đa 12.000.000 đ (áp dụng mức tối đa)'],
  ])('%s', (_name, item, q, text) => {
    const line = lineOf(item, q);
    const d = rateDetail(item, line);
    expect(d).not.toBeNull();
    expect(rateDetailText(d!)).toBe(text);
    // The detail adds up to what the calculator charged, to the đồng.
    expect(rateDetailTotal(d!)).toBe(line.gross);
    expect(d!.capped).toBe(line.capped);
  });

  it.each([
    ['a plain per-page price', PLAIN_PAGE, { pages: 4 }],
    ['a per-dossier item (even with a cap)', LP, {}],
    ['no pages at all', CERT, { pages: 0 }],
  ])('is null for %s: the unit price explains the line', (_name, item, q) => {
    expect(rateDetail(item, lineOf(item, q))).toBeNull();
  });

  it('is null while the amount is "theo quy định" and not entered', () => {
    const item: FeeItem = { code: 'X', name: 'Theo quy định', amount: null, unit: 'per_copy', cap: 10_000, collectAt: 'reception' };
    expect(rateDetail(item, lineOf(item, { copies: 2 }))).toBeNull();
  });
});
