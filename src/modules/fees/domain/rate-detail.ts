// How a tiered or capped line was priced, for the counter screen and the receipt: "2 trang đầu × 2.000 đ;
// 8 trang × 1.000 đ; tối đa 200.000 đ/bản". The unit price alone does not explain such a line (a page from the
// 3rd on costs less, a copy never costs more than the cap), so the breakdown carries these segments.
// Pure; integer VND; mirrors the calculator's tieredSum and caps exactly (a table test checks they agree).
import type { FeeItem, FeeLine, FeeTier, FeeUnit } from './fee-types';
import { formatVnd } from './money';

/** Units `from`..`to` (1-based, inclusive) priced at `unitAmount` each. */
export interface RateSegment {
  from: number;
  to: number;
  units: number;
  unitAmount: number;
  amount: number;
}

export interface RateDetail {
  /** per_page: the segments are the pages of ONE copy; per_copy: the copies. */
  unit: Exclude<FeeUnit, 'per_dossier'>;
  segments: RateSegment[];
  /** Sum of the segments (one copy for per_page, the item for per_copy), before the cap. */
  subtotal: number;
  /** per_page: the most one copy costs; per_copy: the most the item costs. */
  cap: number | null;
  capped: boolean;
  /** per_page: the number of copies the per-copy charge is multiplied by; null for per_copy. */
  copies: number | null;
}

/** Units 1..count split where the price changes, as the calculator prices them. */
export function rateSegments(base: number, tiers: readonly FeeTier[], count: number): RateSegment[] {
  const out: RateSegment[] = [];
  let from = 1;
  let price = base;
  const push = (to: number) => {
    if (to >= from) out.push({ from, to, units: to - from + 1, unitAmount: price, amount: (to - from + 1) * price });
  };
  for (const tier of tiers) {
    if (tier.fromUnit > count) break;
    push(tier.fromUnit - 1);
    from = tier.fromUnit;
    price = tier.amount;
  }
  push(count);
  return out;
}

/**
 * The pricing detail of a computed line, or null when the unit price explains it by itself (no tiers, no cap),
 * for a per-dossier line, and while the amount is undetermined.
 */
export function rateDetail(item: Pick<FeeItem, 'unit' | 'tiers' | 'cap'>, line: FeeLine): RateDetail | null {
  if (line.undetermined || item.unit === 'per_dossier') return null;
  const tiers = item.tiers ?? [];
  const cap = item.cap ?? null;
  if (tiers.length === 0 && cap === null) return null;
  const count = item.unit === 'per_page' ? (line.pages ?? 0) : (line.copies ?? line.quantity);
  const segments = rateSegments(line.unitAmount, tiers, count);
  if (segments.length === 0) return null;
  const subtotal = segments.reduce((a, s) => a + s.amount, 0);
  return {
    unit: item.unit,
    segments,
    subtotal,
    cap,
    capped: cap !== null && subtotal > cap,
    copies: item.unit === 'per_page' ? (line.copies ?? 1) : null,
  };
}

/** The charge the detail stands for (before reductions): what the calculator's `gross` is. */
export function rateDetailTotal(d: RateDetail): number {
  const capped = d.cap !== null && d.subtotal > d.cap ? d.cap : d.subtotal;
  return d.unit === 'per_page' ? capped * (d.copies ?? 1) : capped;
}

/**
 * Vietnamese text of the detail: "2 trang đầu × 2.000 đ; 8 trang × 1.000 đ; tối đa 200.000 đ/bản", then
 * "(áp dụng mức tối đa)" when the cap applied and "× 3 bản" for several copies of a per-page item.
 */
export function rateDetailText(d: RateDetail): string {
  const word = d.unit === 'per_page' ? 'trang' : 'bản';
  const parts = d.segments.map((s, i) =>
    `${s.units} ${word}${i === 0 && d.segments.length > 1 ? ' đầu' : ''} × ${formatVnd(s.unitAmount)}`);
  if (d.cap !== null) {
    parts.push(`tối đa ${formatVnd(d.cap)}${d.unit === 'per_page' ? '/bản' : ''}${d.capped ? ' (áp dụng mức tối đa)' : ''}`);
  }
  if (d.unit === 'per_page' && (d.copies ?? 1) > 1) parts.push(`× ${d.copies} bản`);
  return parts.join('; ');
}
