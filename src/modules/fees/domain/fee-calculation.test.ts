import { describe, expect, it } from 'vitest';
import { calculateFees, payableAfter } from './fee-calculation';
import type { FeeCalculationInput, FeeItem, FeeLine, ReductionRule } from './fee-types';

// Certification of copies: 2.000 đ per page, 1.000 đ from page 3, at most 200.000 đ per copy.
const CERT: FeeItem = {
  code: 'CT',
  name: 'Phí chứng thực bản sao từ bản chính',
  amount: 2000,
  unit: 'per_page',
  tiers: [{ fromUnit: 3, amount: 1000 }],
  cap: 200_000,
  collectAt: 'reception',
  legalBasis: 'Thông tư 226/2016/TT-BTC',
};
const PERMIT: FeeItem = {
  code: 'GPXD',
  name: 'Lệ phí cấp giấy phép xây dựng',
  amount: 75_000,
  unit: 'per_dossier',
  collectAt: 'reception',
};
const ID_CARD: FeeItem = { code: 'CC', name: 'Lệ phí cấp lại thẻ căn cước', amount: 70_000, unit: 'per_copy', collectAt: 'return' };
const EXTRACT: FeeItem = {
  code: 'TL',
  name: 'Phí cấp bản sao trích lục',
  amount: 8000,
  unit: 'per_copy',
  tiers: [{ fromUnit: 2, amount: 3000 }],
  collectAt: 'return',
};
const ROOMS: FeeItem = {
  code: 'KR',
  name: 'Phí thẩm định tăng phòng karaoke',
  amount: 2_000_000,
  unit: 'per_copy',
  cap: 12_000_000,
  collectAt: 'reception',
};
const LP: FeeItem = { code: 'LP', name: 'Lệ phí đăng ký hộ kinh doanh', amount: 100_000, unit: 'per_dossier', collectAt: 'reception' };
const PHI: FeeItem = { code: 'PHI', name: 'Phí thẩm định', amount: 200_000, unit: 'per_dossier', collectAt: 'return' };
const TAX: FeeItem = {
  code: 'TB',
  name: 'Lệ phí trước bạ',
  amount: null,
  unit: 'per_dossier',
  collectAt: 'return',
  note: 'theo thông báo của cơ quan thuế',
};

const POOR: ReductionRule = {
  code: 'MIEN_HN',
  name: 'Miễn cho hộ nghèo',
  categories: ['poor_household'],
  appliesTo: 'all',
  kind: 'exempt',
  legalBasis: 'Nghị quyết HĐND tỉnh',
};
const ONLINE_50: ReductionRule = {
  code: 'GIAM_TT',
  name: 'Giảm 50% khi nộp trực tuyến',
  categories: ['online_submission'],
  appliesTo: 'all',
  kind: 'percent',
  percent: 50,
  legalBasis: 'Thông tư 106/2021/TT-BTC',
};
const MERIT_LP: ReductionRule = {
  code: 'MIEN_NCC',
  name: 'Miễn lệ phí cho người có công',
  categories: ['meritorious', 'disabled'],
  appliesTo: ['LP'],
  kind: 'exempt',
  legalBasis: 'Nghị quyết HĐND tỉnh',
};
const pct = (percent: number, code = `GIAM_${percent}`): ReductionRule => ({
  code,
  name: `Giảm ${percent}%`,
  categories: ['online_submission'],
  appliesTo: 'all',
  kind: 'percent',
  percent,
  legalBasis: 'Quyết định thử nghiệm',
});
const one = (item: FeeItem, rest: Omit<FeeCalculationInput, 'items'> = {}): FeeLine =>
  calculateFees({ items: [item], ...rest }).items[0];

describe('one item: quantities, tiers and caps (gross = amount, no reduction)', () => {
  // [label, item, input, expected quantity, expected gross, expected capped] — worked out by hand.
  const table: [string, FeeItem, Omit<FeeCalculationInput, 'items'>, number, number, boolean][] = [
    ['per page, 1 page', CERT, { quantities: { pages: 1 } }, 1, 2000, false],
    ['per page, 2 pages', CERT, { quantities: { pages: 2 } }, 2, 4000, false],
    ['per page, 3rd page at the lower tier', CERT, { quantities: { pages: 3 } }, 3, 5000, false],
    ['per page, 10 pages = 2×2.000 + 8×1.000', CERT, { quantities: { pages: 10 } }, 10, 12_000, false],
    ['per page, 10 pages × 3 copies', CERT, { quantities: { pages: 10, copies: 3 } }, 30, 36_000, false],
    ['per page, 198 pages reach the cap exactly', CERT, { quantities: { pages: 198 } }, 198, 200_000, false],
    ['per page, 199 pages are capped per copy', CERT, { quantities: { pages: 199 } }, 199, 200_000, true],
    ['per page, 500 pages × 2 copies capped per copy', CERT, { quantities: { pages: 500, copies: 2 } }, 1000, 400_000, true],
    ['per page, 0 pages', CERT, { quantities: { pages: 0 } }, 0, 0, false],
    ['per page, 0 copies', CERT, { quantities: { pages: 7, copies: 0 } }, 0, 0, false],
    ['per page, item quantity overrides the dossier', CERT, { quantities: { pages: 50, copies: 2 }, itemQuantities: { CT: { pages: 4 } } }, 8, 12_000, false],
    ['per dossier ignores copies', PERMIT, { quantities: { copies: 5, pages: 9 } }, 1, 75_000, false],
    ['per copy, default one copy', ID_CARD, {}, 1, 70_000, false],
    ['per copy, 3 copies', ID_CARD, { quantities: { copies: 3 } }, 3, 210_000, false],
    ['per copy with a tier from the 2nd copy', EXTRACT, { quantities: { copies: 4 } }, 4, 17_000, false],
    ['per copy, 6 units = cap exactly', ROOMS, { quantities: { copies: 6 } }, 6, 12_000_000, false],
    ['per copy, 7 units capped on the item', ROOMS, { quantities: { copies: 7 } }, 7, 12_000_000, true],
    ['per dossier above its cap', { ...PERMIT, amount: 500_000, cap: 300_000 }, {}, 1, 300_000, true],
    ['zero fee', { ...PERMIT, amount: 0 }, {}, 1, 0, false],
    ['large: 1.000.000.000 đ × 1000 pages × 1000 copies', { ...CERT, tiers: undefined, cap: null, amount: 1_000_000_000 }, { quantities: { pages: 1000, copies: 1000 } }, 1_000_000, 1_000_000_000_000_000, false],
  ];

  it.each(table)('%s', (_label, item, input, quantity, gross, capped) => {
    const result = calculateFees({ items: [item], ...input });
    const line = result.items[0];
    expect(line.quantity).toBe(quantity);
    expect(line.gross).toBe(gross);
    expect(line.amount).toBe(gross);
    expect(line.reduction).toBe(0);
    expect(line.capped).toBe(capped);
    expect(line.undetermined).toBe(false);
    expect(result.total).toBe(gross);
  });

  it('reports pages, copies, the base unit amount and the item facts on the line', () => {
    expect(one(CERT, { quantities: { pages: 10, copies: 3 } })).toEqual({
      code: 'CT',
      name: 'Phí chứng thực bản sao từ bản chính',
      unit: 'per_page',
      quantity: 30,
      pages: 10,
      copies: 3,
      unitAmount: 2000,
      gross: 36_000,
      reduction: 0,
      amount: 36_000,
      capped: false,
      undetermined: false,
      manual: false,
      legalBasis: 'Thông tư 226/2016/TT-BTC',
      collectAt: 'reception',
      note: '',
    });
  });
});

describe('several items', () => {
  it('adds lines and splits what is collected at reception and at return', () => {
    const result = calculateFees({ items: [PERMIT, CERT, ID_CARD], quantities: { pages: 3, copies: 2 } });
    // 75.000 + 2 × 5.000 (reception) + 2 × 70.000 (return)
    expect(result.items.map((l) => l.amount)).toEqual([75_000, 10_000, 140_000]);
    expect(result.atReception).toBe(85_000);
    expect(result.atReturn).toBe(140_000);
    expect(result.total).toBe(225_000);
    expect(result.gross).toBe(225_000);
    expect(result.reduction).toBe(0);
  });

  it('charges only the selected alternatives', () => {
    const alternatives: FeeItem[] = [1, 2, 3].map((n) => ({
      code: `K${n}`,
      name: `Phí thẩm định – mức ${n}`,
      amount: n * 2_000_000,
      unit: 'per_dossier',
      collectAt: 'reception',
    }));
    const result = calculateFees({ items: alternatives, selected: ['K2'] });
    expect(result.items.map((l) => l.code)).toEqual(['K2']);
    expect(result.total).toBe(4_000_000);
  });
});

describe('exemptions and reductions', () => {
  it('exempts a poor household from every item, with reason and legal basis', () => {
    const result = calculateFees({ items: [LP, PHI], categories: ['poor_household'], rules: [POOR, ONLINE_50] });
    expect(result.total).toBe(0);
    expect(result.gross).toBe(300_000);
    expect(result.reduction).toBe(300_000);
    expect(result.items[0]).toMatchObject({
      gross: 100_000,
      reduction: 100_000,
      amount: 0,
      reductionCode: 'MIEN_HN',
      reductionReason: 'Miễn cho hộ nghèo',
      reductionLegalBasis: 'Nghị quyết HĐND tỉnh',
    });
  });

  it('gives nothing when the applicant has none of the categories', () => {
    const result = calculateFees({ items: [LP, PHI], categories: ['meritorious'], rules: [POOR, ONLINE_50] });
    expect(result.total).toBe(300_000);
    expect(result.items[0].reductionCode).toBeUndefined();
  });

  it('halves the fee for online submission', () => {
    const line = one(LP, { categories: ['online_submission'], rules: [ONLINE_50] });
    expect([line.gross, line.reduction, line.amount]).toEqual([100_000, 50_000, 50_000]);
  });

  // [gross, percent, payable]: payable = floor(gross × (100 − percent) / 100), in the applicant's favour.
  const rounding: [number, number, number][] = [
    [15_001, 50, 7_500],
    [10_000, 33.33, 6_667],
    [999, 10, 899],
    [1, 50, 0],
    [7, 100, 0],
    [Number.MAX_SAFE_INTEGER, 50, 4_503_599_627_370_495],
  ];
  it.each(rounding)('rounds %d at %d%% down to %d payable', (gross, percent, payable) => {
    const line = one({ ...LP, amount: gross }, { categories: ['online_submission'], rules: [pct(percent)] });
    expect(line.amount).toBe(payable);
    expect(line.reduction).toBe(gross - payable);
    expect(payableAfter(gross, { kind: 'percent', percent })).toBe(payable);
  });

  it('applies an item-specific exemption to that item only', () => {
    const result = calculateFees({ items: [LP, PHI], categories: ['disabled'], rules: [MERIT_LP] });
    expect(result.items.map((l) => l.amount)).toEqual([0, 200_000]);
    expect(result.items[1].reductionReason).toBeUndefined();
    expect(result.total).toBe(200_000);
    expect(result.atReception).toBe(0);
    expect(result.atReturn).toBe(200_000);
  });

  it('uses the most favourable rule per item and never stacks rules', () => {
    const result = calculateFees({
      items: [LP, PHI],
      categories: ['meritorious', 'online_submission'],
      rules: [pct(20), ONLINE_50, MERIT_LP],
    });
    // LP: exempt beats 50% and 20%; PHI: 50% beats 20%, not 60% or 70% combined.
    expect(result.items.map((l) => [l.reductionCode, l.amount])).toEqual([
      ['MIEN_NCC', 0],
      ['GIAM_TT', 100_000],
    ]);
    expect(result.total).toBe(100_000);
  });

  it('records no rule on a zero-fee line', () => {
    const line = one({ ...PERMIT, amount: 0 }, { categories: ['poor_household'], rules: [POOR] });
    expect(line.amount).toBe(0);
    expect(line.reductionCode).toBeUndefined();
  });
});

describe('"theo quy định" items', () => {
  it('charge 0 and are flagged until the clerk enters the amount', () => {
    const result = calculateFees({ items: [PERMIT, TAX] });
    expect(result.items[1]).toMatchObject({ gross: 0, amount: 0, unitAmount: 0, undetermined: true, manual: false });
    expect(result.items[1].note).toBe('theo thông báo của cơ quan thuế');
    expect(result.undetermined).toEqual(['TB']);
    expect(result.total).toBe(75_000);
  });

  it('take the manual amount like a schedule amount', () => {
    const result = calculateFees({ items: [PERMIT, TAX], manualAmounts: { TB: 1_234_567 } });
    expect(result.items[1]).toMatchObject({ gross: 1_234_567, amount: 1_234_567, undetermined: false, manual: true });
    expect(result.undetermined).toEqual([]);
    expect(result.total).toBe(1_309_567);
    expect(result.atReturn).toBe(1_234_567);
  });

  it('receive reductions once the manual amount is known', () => {
    const line = one(TAX, { manualAmounts: { TB: 1_234_567 }, categories: ['online_submission'], rules: [ONLINE_50] });
    // floor(1.234.567 / 2) = 617.283 payable
    expect([line.amount, line.reduction]).toEqual([617_283, 617_284]);
  });
});
