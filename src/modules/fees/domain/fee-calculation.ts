// The fee calculator: pure, integer VND, no I/O.
//
// For each charged item of the schedule:
//   gross      = the schedule amount for the quantities, after tiers and the cap (see FeeItem);
//   reduction  = from the most favourable matching exemption/reduction rule (rules never stack);
//   amount     = gross − reduction.
// Rounding: a percentage reduction yields a payable amount of floor(gross × (100 − percent) / 100); the
// fraction of a đồng is dropped from what the applicant pays, i.e. in the applicant's favour (the reduction is
// gross − amount). Computed with BigInt, so no floating-point drift even near 2^53.
// "Theo quy định" items (amount null) are charged 0 and flagged `undetermined` until the clerk supplies a unit
// amount in `manualAmounts`; a manual amount is then treated exactly like a schedule amount.
// A rule is recorded on a line only when the line has a positive gross.
import { FeeRuleError } from './errors';
import type {
  FeeCalculation,
  FeeCalculationInput,
  FeeItem,
  FeeLine,
  FeeQuantities,
  FeeTier,
  ReductionRule,
} from './fee-types';
import { validateInput } from './fee-validation';

export { feeItemsFromCatalog, type CatalogFee, type CatalogMappingOptions } from './fee-catalog';

function safe(n: number, code: string): number {
  if (!Number.isSafeInteger(n)) {
    throw new FeeRuleError('FEE_AMOUNT_OVERFLOW', 'Số tiền phí vượt quá giới hạn tính toán.', { itemCode: code });
  }
  return n;
}

/** Price of units 1..count when unit k costs the amount of the last tier with fromUnit ≤ k, else `base`. */
function tieredSum(base: number, tiers: readonly FeeTier[], count: number, code: string): number {
  let total = 0;
  let from = 1;
  let price = base;
  for (const tier of tiers) {
    if (tier.fromUnit > count) break;
    total = safe(total + safe((tier.fromUnit - from) * price, code), code);
    from = tier.fromUnit;
    price = tier.amount;
  }
  return safe(total + safe((count - from + 1) * price, code), code);
}

interface Gross {
  quantity: number;
  pages?: number;
  copies?: number;
  gross: number;
  capped: boolean;
}

function applyCap(value: number, cap: number | null | undefined): { value: number; capped: boolean } {
  if (cap === null || cap === undefined || value <= cap) return { value, capped: false };
  return { value: cap, capped: true };
}

function grossOf(item: FeeItem, rate: number, q: FeeQuantities): Gross {
  const tiers = item.tiers ?? [];
  const copies = q.copies ?? 1;
  if (item.unit === 'per_dossier') {
    const { value, capped } = applyCap(rate, item.cap);
    return { quantity: 1, gross: value, capped };
  }
  if (item.unit === 'per_copy') {
    const { value, capped } = applyCap(tieredSum(rate, tiers, copies, item.code), item.cap);
    return { quantity: copies, copies, gross: value, capped };
  }
  if (q.pages === undefined) {
    throw new FeeRuleError('FEE_PAGES_REQUIRED', `Chưa nhập số trang cho khoản phí "${item.name}".`, {
      itemCode: item.code,
    });
  }
  const perCopy = applyCap(tieredSum(rate, tiers, q.pages, item.code), item.cap);
  return {
    quantity: safe(q.pages * copies, item.code),
    pages: q.pages,
    copies,
    gross: safe(perCopy.value * copies, item.code),
    capped: perCopy.capped,
  };
}

/** What the applicant pays after `rule`: 0 if exempt, else floor(gross × (100 − percent) / 100). */
export function payableAfter(gross: number, rule: Pick<ReductionRule, 'kind' | 'percent'>): number {
  if (rule.kind === 'exempt') return 0;
  const basisPoints = BigInt(Math.round((rule.percent ?? 0) * 100));
  return Number((BigInt(gross) * (10000n - basisPoints)) / 10000n);
}

/** The matching rule that leaves the least to pay (first one on a tie), or undefined. */
function bestRule(
  item: FeeItem,
  gross: number,
  categories: ReadonlySet<string>,
  rules: readonly ReductionRule[],
): ReductionRule | undefined {
  let best: ReductionRule | undefined;
  let bestPayable = gross;
  for (const rule of rules) {
    if (rule.appliesTo !== 'all' && !rule.appliesTo.includes(item.code)) continue;
    if (!rule.categories.some((c) => categories.has(c))) continue;
    const payable = payableAfter(gross, rule);
    if (best === undefined || payable < bestPayable) {
      best = rule;
      bestPayable = payable;
    }
  }
  return best;
}

function lineFor(item: FeeItem, input: FeeCalculationInput, categories: ReadonlySet<string>): FeeLine {
  const q: FeeQuantities = { ...input.quantities, ...input.itemQuantities?.[item.code] };
  const manualAmount = item.amount === null ? input.manualAmounts?.[item.code] : undefined;
  const rate = item.amount ?? manualAmount ?? null;
  const g = grossOf(item, rate ?? 0, q);
  const line: FeeLine = {
    code: item.code,
    name: item.name,
    unit: item.unit,
    quantity: g.quantity,
    ...(g.pages === undefined ? {} : { pages: g.pages }),
    ...(g.copies === undefined ? {} : { copies: g.copies }),
    unitAmount: rate ?? 0,
    gross: rate === null ? 0 : g.gross,
    reduction: 0,
    amount: rate === null ? 0 : g.gross,
    capped: rate !== null && g.capped,
    undetermined: rate === null,
    manual: manualAmount !== undefined,
    ...(item.legalBasis ? { legalBasis: item.legalBasis } : {}),
    collectAt: item.collectAt,
    note: item.note ?? '',
  };
  if (line.gross === 0) return line;
  const rule = bestRule(item, line.gross, categories, input.rules ?? []);
  if (!rule) return line;
  line.amount = payableAfter(line.gross, rule);
  line.reduction = line.gross - line.amount;
  line.reductionCode = rule.code;
  line.reductionReason = rule.name;
  line.reductionLegalBasis = rule.legalBasis;
  return line;
}

/**
 * Computes what an applicant pays for a dossier. Throws FeeRuleError on invalid schedules, quantities,
 * manual amounts or rules.
 */
export function calculateFees(input: FeeCalculationInput): FeeCalculation {
  validateInput(input);
  const selected = input.selected ? new Set(input.selected) : null;
  const categories = new Set<string>(input.categories ?? []);
  const items = input.items
    .filter((item) => selected === null || selected.has(item.code))
    .map((item) => lineFor(item, input, categories));
  const sum = (lines: readonly FeeLine[], pick: (l: FeeLine) => number) =>
    lines.reduce((acc, l) => safe(acc + pick(l), 'total'), 0);
  return {
    items,
    gross: sum(items, (l) => l.gross),
    reduction: sum(items, (l) => l.reduction),
    total: sum(items, (l) => l.amount),
    atReception: sum(
      items.filter((l) => l.collectAt === 'reception'),
      (l) => l.amount,
    ),
    atReturn: sum(
      items.filter((l) => l.collectAt === 'return'),
      (l) => l.amount,
    ),
    undetermined: items.filter((l) => l.undetermined).map((l) => l.code),
  };
}
