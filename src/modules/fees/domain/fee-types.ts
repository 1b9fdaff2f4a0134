// Types of the fee calculator: a procedure's fee schedule, the dossier's quantities, the applicant's categories,
// exemption/reduction rules, and the computed lines. All money is integer VND.

export type FeeUnit = 'per_dossier' | 'per_page' | 'per_copy';
export type CollectAt = 'reception' | 'return';

export const FEE_UNITS: readonly FeeUnit[] = ['per_dossier', 'per_page', 'per_copy'];
export const COLLECT_AT: readonly CollectAt[] = ['reception', 'return'];

/** From the `fromUnit`-th page (per_page) or copy (per_copy) on, each unit costs `amount` instead. */
export interface FeeTier {
  fromUnit: number;
  amount: number;
}

/**
 * One line of a procedure's fee schedule.
 * - per_dossier: charged once; `cap` limits that one charge.
 * - per_page: `amount` per page of one copy (pages counted on the original), `tiers` change the price from a
 *   given page on, `cap` limits the charge for ONE copy; the result is multiplied by the number of copies.
 *   E.g. certification of copies: 2.000 đ/page, from page 3 1.000 đ, at most 200.000 đ per copy.
 * - per_copy: `amount` per copy, `tiers` change the price from a given copy on, `cap` limits the item total.
 * `amount: null` means "theo quy định" (set by another body, e.g. a tax notice): the clerk enters it.
 */
export interface FeeItem {
  code: string;
  name: string;
  amount: number | null;
  unit: FeeUnit;
  cap?: number | null;
  tiers?: readonly FeeTier[];
  collectAt: CollectAt;
  note?: string;
  legalBasis?: string;
}

/** Pages per copy and number of copies. Missing copies count as 1; per_page items need pages. */
export interface FeeQuantities {
  pages?: number;
  copies?: number;
}

/** Applicant categories with a known meaning; any other string is accepted too. */
export const APPLICANT_CATEGORY_LABELS = {
  poor_household: 'Hộ nghèo',
  near_poor_household: 'Hộ cận nghèo',
  meritorious: 'Người có công với cách mạng',
  disabled: 'Người khuyết tật',
  ethnic_minority: 'Đồng bào dân tộc thiểu số ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn',
  online_submission: 'Nộp hồ sơ trực tuyến',
} as const;
export type KnownApplicantCategory = keyof typeof APPLICANT_CATEGORY_LABELS;
export type ApplicantCategory = KnownApplicantCategory | (string & Record<never, never>);

/**
 * An exemption or reduction: applies to the items in `appliesTo` (or 'all') when the applicant has at least
 * one of `categories`. 'exempt' makes the item free; 'percent' takes `percent` % off (0 < percent ≤ 100, at
 * most two decimals).
 */
export interface ReductionRule {
  code: string;
  name: string;
  categories: readonly ApplicantCategory[];
  appliesTo: readonly string[] | 'all';
  kind: 'exempt' | 'percent';
  percent?: number;
  legalBasis: string;
}

export interface FeeCalculationInput {
  /** The procedure's fee schedule. */
  items: readonly FeeItem[];
  /** Codes of the items to charge (alternatives such as "1–3 rooms" / "4–5 rooms"); default: all items. */
  selected?: readonly string[];
  /** Quantities for every item… */
  quantities?: FeeQuantities;
  /** …overridden field by field for single items, by item code. */
  itemQuantities?: Readonly<Record<string, FeeQuantities>>;
  /** The applicant's categories, e.g. ['poor_household', 'online_submission']. */
  categories?: readonly ApplicantCategory[];
  rules?: readonly ReductionRule[];
  /** Amounts entered by the clerk for items whose schedule amount is null, by item code (a unit amount). */
  manualAmounts?: Readonly<Record<string, number>>;
}

export interface FeeLine {
  code: string;
  name: string;
  unit: FeeUnit;
  /** 1 for per_dossier, copies for per_copy, pages × copies for per_page. */
  quantity: number;
  pages?: number;
  copies?: number;
  /** The base amount per unit (the schedule amount, or the manual amount; 0 while undetermined). */
  unitAmount: number;
  /** Before reductions, after tiers and caps. */
  gross: number;
  reduction: number;
  /** What the applicant pays for this line: gross − reduction. */
  amount: number;
  /** True when a cap lowered the charge. */
  capped: boolean;
  /** True when the schedule says "theo quy định" and no manual amount was given: the clerk must enter it. */
  undetermined: boolean;
  /** True when the unit amount came from `manualAmounts`. */
  manual: boolean;
  reductionCode?: string;
  reductionReason?: string;
  reductionLegalBasis?: string;
  legalBasis?: string;
  collectAt: CollectAt;
  note: string;
}

export interface FeeCalculation {
  items: FeeLine[];
  gross: number;
  reduction: number;
  /** Sum of the lines' amounts = atReception + atReturn. */
  total: number;
  atReception: number;
  atReturn: number;
  /** Codes of lines still undetermined; while non-empty the total is not final. */
  undetermined: string[];
}
