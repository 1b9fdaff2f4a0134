// Input checks of the fee calculator. Every refusal is a FeeRuleError with a Vietnamese message naming the
// item or rule at fault, so the counter screen can show it as is.
import { FeeRuleError } from './errors';
import {
  COLLECT_AT,
  FEE_UNITS,
  type FeeCalculationInput,
  type FeeItem,
  type FeeQuantities,
  type ReductionRule,
} from './fee-types';

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isVnd = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function itemError(item: FeeItem, message: string, field: string): FeeRuleError {
  return new FeeRuleError('FEE_INVALID_ITEM', `Khoản phí "${item.name || item.code}": ${message}`, {
    itemCode: item.code,
    field,
  });
}

export function validateItem(item: FeeItem): void {
  if (!isNonEmptyString(item.code)) throw itemError(item, 'thiếu mã khoản phí.', 'code');
  if (!isNonEmptyString(item.name)) throw itemError(item, 'thiếu tên khoản phí.', 'name');
  if (!FEE_UNITS.includes(item.unit)) throw itemError(item, 'đơn vị tính không hợp lệ.', 'unit');
  if (!COLLECT_AT.includes(item.collectAt)) throw itemError(item, 'thời điểm thu không hợp lệ.', 'collectAt');
  if (item.amount !== null && !isVnd(item.amount)) {
    throw itemError(item, 'mức thu phải là số nguyên đồng không âm.', 'amount');
  }
  if (item.cap !== undefined && item.cap !== null && !isVnd(item.cap)) {
    throw itemError(item, 'mức tối đa phải là số nguyên đồng không âm.', 'cap');
  }
  if (item.tiers === undefined) return;
  if (!Array.isArray(item.tiers)) throw itemError(item, 'bậc giá không hợp lệ.', 'tiers');
  if (item.unit === 'per_dossier') {
    throw itemError(item, 'khoản thu theo hồ sơ không có bậc giá theo trang hoặc bản.', 'tiers');
  }
  if (item.amount === null) throw itemError(item, 'khoản "theo quy định" không có bậc giá.', 'tiers');
  let previous = 1;
  for (const tier of item.tiers) {
    if (!Number.isSafeInteger(tier.fromUnit) || tier.fromUnit <= previous) {
      throw itemError(item, 'bậc giá phải bắt đầu từ đơn vị thứ 2 trở đi và tăng dần.', 'tiers');
    }
    if (!isVnd(tier.amount)) throw itemError(item, 'giá của bậc phải là số nguyên đồng không âm.', 'tiers');
    previous = tier.fromUnit;
  }
}

function validateQuantities(q: FeeQuantities | undefined, where: string): void {
  if (q === undefined) return;
  for (const field of ['pages', 'copies'] as const) {
    const v = q[field];
    if (v !== undefined && !isVnd(v)) {
      const label = field === 'pages' ? 'Số trang' : 'Số bản';
      throw new FeeRuleError('FEE_INVALID_QUANTITY', `${label} ${where} phải là số nguyên không âm.`, {
        field,
        value: String(v),
      });
    }
  }
}

export function validateRule(rule: ReductionRule): void {
  const fail = (message: string, field: string) =>
    new FeeRuleError('FEE_INVALID_RULE', `Quy định miễn, giảm "${rule.name || rule.code}": ${message}`, {
      ruleCode: rule.code,
      field,
    });
  if (!isNonEmptyString(rule.code)) throw fail('thiếu mã.', 'code');
  if (!isNonEmptyString(rule.name)) throw fail('thiếu tên.', 'name');
  if (!Array.isArray(rule.categories) || rule.categories.length === 0 || !rule.categories.every(isNonEmptyString)) {
    throw fail('phải nêu ít nhất một đối tượng được miễn, giảm.', 'categories');
  }
  if (rule.appliesTo !== 'all') {
    if (!Array.isArray(rule.appliesTo) || rule.appliesTo.length === 0 || !rule.appliesTo.every(isNonEmptyString)) {
      throw fail('phải nêu các khoản phí áp dụng hoặc "all".', 'appliesTo');
    }
  }
  if (!isNonEmptyString(rule.legalBasis)) throw fail('thiếu căn cứ pháp lý.', 'legalBasis');
  if (rule.kind === 'exempt') return;
  if (rule.kind !== 'percent') throw fail('hình thức phải là miễn hoặc giảm theo tỷ lệ.', 'kind');
  const p = rule.percent;
  const basisPoints = typeof p === 'number' ? Math.round(p * 100) : NaN;
  if (typeof p !== 'number' || !(p > 0 && p <= 100) || Math.abs(p * 100 - basisPoints) > 1e-6) {
    throw fail('tỷ lệ giảm phải lớn hơn 0, không quá 100 và có tối đa hai chữ số thập phân.', 'percent');
  }
}

/** Checks the whole input; throws the first problem found. */
export function validateInput(input: FeeCalculationInput): void {
  if (!Array.isArray(input.items)) {
    throw new FeeRuleError('FEE_INVALID_ITEM', 'Danh sách khoản phí không hợp lệ.', { field: 'items' });
  }
  const codes = new Set<string>();
  for (const item of input.items) {
    validateItem(item);
    if (codes.has(item.code)) {
      throw new FeeRuleError('FEE_DUPLICATE_ITEM_CODE', `Mã khoản phí "${item.code}" bị trùng.`, {
        itemCode: item.code,
      });
    }
    codes.add(item.code);
  }
  const unknown = (code: string, what: string) =>
    new FeeRuleError('FEE_UNKNOWN_ITEM', `${what}: không có khoản phí mã "${code}".`, { itemCode: code });
  for (const code of input.selected ?? []) {
    if (!codes.has(code)) throw unknown(code, 'Khoản phí được chọn');
  }
  validateQuantities(input.quantities, 'của hồ sơ');
  for (const [code, q] of Object.entries(input.itemQuantities ?? {})) {
    if (!codes.has(code)) throw unknown(code, 'Số lượng');
    validateQuantities(q, `của khoản phí "${code}"`);
  }
  const itemsByCode = new Map(input.items.map((i) => [i.code, i]));
  for (const [code, value] of Object.entries(input.manualAmounts ?? {})) {
    const item = itemsByCode.get(code);
    if (!item) throw unknown(code, 'Số tiền nhập tay');
    if (item.amount !== null) {
      throw new FeeRuleError(
        'FEE_MANUAL_NOT_ALLOWED',
        `Khoản phí "${item.name}" đã có mức thu theo biểu phí, không được nhập tay.`,
        { itemCode: code },
      );
    }
    if (!isVnd(value)) {
      throw new FeeRuleError(
        'FEE_INVALID_MANUAL_AMOUNT',
        `Số tiền nhập tay cho khoản phí "${item.name}" phải là số nguyên đồng không âm.`,
        { itemCode: code, value: String(value) },
      );
    }
  }
  for (const category of input.categories ?? []) {
    if (!isNonEmptyString(category)) {
      throw new FeeRuleError('FEE_INVALID_CATEGORY', 'Đối tượng của người nộp không hợp lệ.', {
        value: String(category),
      });
    }
  }
  const ruleCodes = new Set<string>();
  for (const rule of input.rules ?? []) {
    validateRule(rule);
    if (ruleCodes.has(rule.code)) {
      throw new FeeRuleError('FEE_DUPLICATE_RULE_CODE', `Mã quy định miễn, giảm "${rule.code}" bị trùng.`, {
        ruleCode: rule.code,
      });
    }
    ruleCodes.add(rule.code);
  }
}
