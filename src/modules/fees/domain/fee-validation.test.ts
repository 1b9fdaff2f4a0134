import { describe, expect, it } from 'vitest';
import { FeeRuleError } from './errors';
import { calculateFees } from './fee-calculation';
import type { FeeCalculationInput, FeeItem, ReductionRule } from './fee-types';

const LP: FeeItem = { code: 'LP', name: 'Lệ phí đăng ký hộ kinh doanh', amount: 100_000, unit: 'per_dossier', collectAt: 'reception' };
const CERT: FeeItem = { code: 'CT', name: 'Phí chứng thực bản sao', amount: 2000, unit: 'per_page', collectAt: 'reception' };
const TAX: FeeItem = { code: 'TB', name: 'Lệ phí trước bạ', amount: null, unit: 'per_dossier', collectAt: 'return' };
const RULE: ReductionRule = {
  code: 'R1',
  name: 'Miễn cho hộ nghèo',
  categories: ['poor_household'],
  appliesTo: 'all',
  kind: 'exempt',
  legalBasis: 'Nghị quyết HĐND tỉnh',
};

function failure(input: FeeCalculationInput): FeeRuleError {
  try {
    calculateFees(input);
  } catch (e) {
    if (e instanceof FeeRuleError) return e;
    throw e;
  }
  throw new Error('expected a FeeRuleError');
}

describe('calculateFees refuses invalid input with a typed, Vietnamese error', () => {
  const table: [string, FeeCalculationInput, string][] = [
    ['a duplicate item code', { items: [LP, { ...LP, name: 'Khác' }] }, 'FEE_DUPLICATE_ITEM_CODE'],
    ['an empty item code', { items: [{ ...LP, code: ' ' }] }, 'FEE_INVALID_ITEM'],
    ['an empty item name', { items: [{ ...LP, name: '' }] }, 'FEE_INVALID_ITEM'],
    ['a negative amount', { items: [{ ...LP, amount: -1 }] }, 'FEE_INVALID_ITEM'],
    ['a fractional amount', { items: [{ ...LP, amount: 1000.5 }] }, 'FEE_INVALID_ITEM'],
    ['an unknown unit', { items: [{ ...LP, unit: 'per_room' as never }] }, 'FEE_INVALID_ITEM'],
    ['an unknown collection time', { items: [{ ...LP, collectAt: 'later' as never }] }, 'FEE_INVALID_ITEM'],
    ['a negative cap', { items: [{ ...LP, cap: -5 }] }, 'FEE_INVALID_ITEM'],
    ['tiers on a per-dossier item', { items: [{ ...LP, tiers: [{ fromUnit: 2, amount: 1 }] }] }, 'FEE_INVALID_ITEM'],
    ['tiers on an undetermined item', { items: [{ ...CERT, amount: null, tiers: [{ fromUnit: 2, amount: 1 }] }] }, 'FEE_INVALID_ITEM'],
    ['a tier from unit 1', { items: [{ ...CERT, tiers: [{ fromUnit: 1, amount: 1000 }] }] }, 'FEE_INVALID_ITEM'],
    ['tiers not ascending', { items: [{ ...CERT, tiers: [{ fromUnit: 3, amount: 1000 }, { fromUnit: 3, amount: 500 }] }] }, 'FEE_INVALID_ITEM'],
    ['a negative tier amount', { items: [{ ...CERT, tiers: [{ fromUnit: 3, amount: -1 }] }] }, 'FEE_INVALID_ITEM'],
    ['negative pages', { items: [CERT], quantities: { pages: -1 } }, 'FEE_INVALID_QUANTITY'],
    ['fractional copies', { items: [LP], quantities: { copies: 1.5 } }, 'FEE_INVALID_QUANTITY'],
    ['bad item quantities', { items: [CERT], itemQuantities: { CT: { pages: Number.NaN } } }, 'FEE_INVALID_QUANTITY'],
    ['quantities for an unknown item', { items: [LP], itemQuantities: { XX: { copies: 1 } } }, 'FEE_UNKNOWN_ITEM'],
    ['a per-page item without pages', { items: [CERT], quantities: { copies: 2 } }, 'FEE_PAGES_REQUIRED'],
    ['selecting an unknown item', { items: [LP], selected: ['XX'] }, 'FEE_UNKNOWN_ITEM'],
    ['a manual amount for an unknown item', { items: [TAX], manualAmounts: { XX: 1 } }, 'FEE_UNKNOWN_ITEM'],
    ['a manual amount for a scheduled item', { items: [LP], manualAmounts: { LP: 50_000 } }, 'FEE_MANUAL_NOT_ALLOWED'],
    ['a negative manual amount', { items: [TAX], manualAmounts: { TB: -100 } }, 'FEE_INVALID_MANUAL_AMOUNT'],
    ['a fractional manual amount', { items: [TAX], manualAmounts: { TB: 10.25 } }, 'FEE_INVALID_MANUAL_AMOUNT'],
    ['an empty category', { items: [LP], categories: [''] }, 'FEE_INVALID_CATEGORY'],
    ['a rule without categories', { items: [LP], rules: [{ ...RULE, categories: [] }] }, 'FEE_INVALID_RULE'],
    ['a rule without legal basis', { items: [LP], rules: [{ ...RULE, legalBasis: ' ' }] }, 'FEE_INVALID_RULE'],
    ['a rule applying to an empty list', { items: [LP], rules: [{ ...RULE, appliesTo: [] }] }, 'FEE_INVALID_RULE'],
    ['a rule of unknown kind', { items: [LP], rules: [{ ...RULE, kind: 'refund' as never }] }, 'FEE_INVALID_RULE'],
    ['a percent rule without percent', { items: [LP], rules: [{ ...RULE, kind: 'percent' }] }, 'FEE_INVALID_RULE'],
    ['a 0% reduction', { items: [LP], rules: [{ ...RULE, kind: 'percent', percent: 0 }] }, 'FEE_INVALID_RULE'],
    ['a 150% reduction', { items: [LP], rules: [{ ...RULE, kind: 'percent', percent: 150 }] }, 'FEE_INVALID_RULE'],
    ['a percent with three decimals', { items: [LP], rules: [{ ...RULE, kind: 'percent', percent: 12.345 }] }, 'FEE_INVALID_RULE'],
    ['a duplicate rule code', { items: [LP], rules: [RULE, { ...RULE, name: 'Khác' }] }, 'FEE_DUPLICATE_RULE_CODE'],
    ['an overflowing total', { items: [{ ...LP, unit: 'per_copy', amount: 9_000_000_000_000_000 }], quantities: { copies: 2 } }, 'FEE_AMOUNT_OVERFLOW'],
    ['an overflowing sum of lines', { items: [{ ...LP, amount: 9_000_000_000_000_000 }, { ...LP, code: 'L2', amount: 9_000_000_000_000_000 }] }, 'FEE_AMOUNT_OVERFLOW'],
  ];

  it.each(table)('%s', (_label, input, code) => {
    const error = failure(input);
    expect(error.code).toBe(code);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
  });

  it('names the item in the message', () => {
    expect(failure({ items: [CERT] }).message).toBe('Chưa nhập số trang cho khoản phí "Phí chứng thực bản sao".');
    expect(failure({ items: [LP], manualAmounts: { LP: 1 } }).details).toEqual({ itemCode: 'LP' });
  });

  it('accepts a rule that lists item codes of other procedures', () => {
    const result = calculateFees({
      items: [LP],
      categories: ['poor_household'],
      rules: [{ ...RULE, appliesTo: ['OTHER', 'LP'] }],
    });
    expect(result.total).toBe(0);
  });

  it('ignores a manual amount for an item that is not selected', () => {
    const result = calculateFees({ items: [LP, TAX], selected: ['LP'], manualAmounts: { TB: 5000 } });
    expect(result.total).toBe(100_000);
    expect(result.items).toHaveLength(1);
  });
});
