// What a dossier owes: its procedure's schedule run through the calculator with what the counter entered
// (quantities, the chosen alternatives, the applicant's categories, manual amounts), plus the related services,
// set against what was already paid line by line. Pure; integer VND.
import { FeeRuleError } from './errors';
import { calculateFees } from './fee-calculation';
import type { ApplicantCategory, CollectAt, FeeLine, FeeQuantities, ReductionRule } from './fee-types';
import { rateDetail, rateDetailText, type RateDetail } from './rate-detail';
import type { ScheduleItem } from './schedule';

export interface DossierFeeInputs {
  pages?: number | null;
  copies?: number | null;
  itemQuantities?: Readonly<Record<string, FeeQuantities>>;
  /** Chosen alternatives (item codes); at most one per choice group. */
  selected?: readonly string[];
  categories?: readonly ApplicantCategory[];
  manualAmounts?: Readonly<Record<string, number>>;
}

export interface ServiceCharge {
  id: string;
  kind: string;
  name: string;
  charge: number;
  centerSharePercent: number;
}

export type UndeterminedReason = 'amount' | 'choice' | 'pages';
export interface Undetermined {
  code: string;
  name: string;
  reason: UndeterminedReason;
  options?: { code: string; name: string }[];
}

/** One chargeable line: a fee line of the calculator or a service. `key` identifies it across payments. */
export interface ChargeLine {
  key: string;
  kind: 'fee' | 'service';
  name: string;
  quantity: number;
  unitAmount: number;
  amount: number;
  collectAt: CollectAt;
  centerSharePercent: number;
  departmentCode: string | null;
  legalBasis: string;
  /** How a tiered or capped line was priced (null when the unit price explains it), and the same as Vietnamese text. */
  rate: RateDetail | null;
  rateText: string;
  fee?: FeeLine;
  service?: ServiceCharge;
}

export interface DossierFees {
  lines: ChargeLine[];
  undetermined: Undetermined[];
  feesTotal: number;
  servicesTotal: number;
  total: number;
  atReception: number;
  atReturn: number;
}

export const serviceKey = (id: string) => `S:${id}`;

function choose(schedule: readonly ScheduleItem[], selected: readonly string[]) {
  const known = new Set(schedule.map((i) => i.code));
  for (const code of selected) {
    if (!known.has(code)) {
      throw new FeeRuleError('FEE_UNKNOWN_ITEM', `Khoản phí được chọn: không có khoản phí mã "${code}".`, { itemCode: code });
    }
  }
  const groups = new Map<string, ScheduleItem[]>();
  for (const item of schedule) {
    if (item.choiceGroup) groups.set(item.choiceGroup, [...(groups.get(item.choiceGroup) ?? []), item]);
  }
  const charged: ScheduleItem[] = schedule.filter((i) => !i.choiceGroup);
  const undetermined: Undetermined[] = [];
  for (const [group, options] of groups) {
    const picked = options.filter((o) => selected.includes(o.code));
    if (picked.length > 1) {
      throw new FeeRuleError('FEE_CHOICE_CONFLICT', `Chỉ được chọn một trong các khoản: ${options.map((o) => `"${o.name}"`).join(', ')}.`, {
        group,
        selected: picked.map((p) => p.code),
      });
    }
    if (picked.length === 1) charged.push(picked[0]);
    else undetermined.push({ code: group, name: 'Chọn một khoản phí phù hợp', reason: 'choice', options: options.map((o) => ({ code: o.code, name: o.name })) });
  }
  const order = new Map(schedule.map((i, idx) => [i.code, idx]));
  charged.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
  return { charged, undetermined };
}

/** The dossier's charges. Throws FeeRuleError on inputs the calculator refuses. */
export function dossierFees(
  schedule: readonly ScheduleItem[],
  rules: readonly ReductionRule[],
  inputs: DossierFeeInputs,
  services: readonly ServiceCharge[] = [],
): DossierFees {
  const { charged, undetermined } = choose(schedule, inputs.selected ?? []);
  const pagesOf = (code: string) => inputs.itemQuantities?.[code]?.pages ?? inputs.pages ?? undefined;
  const withoutPages = charged.filter((i) => i.unit === 'per_page' && pagesOf(i.code) === undefined);
  for (const i of withoutPages) undetermined.push({ code: i.code, name: i.name, reason: 'pages' });
  const items = charged.filter((i) => !withoutPages.includes(i));
  const codes = new Set(items.map((i) => i.code));
  const byCode = new Map(schedule.map((i) => [i.code, i]));
  const pick = <T>(rec: Readonly<Record<string, T>> | undefined) =>
    Object.fromEntries(Object.entries(rec ?? {}).filter(([code]) => {
      if (!byCode.has(code)) throw new FeeRuleError('FEE_UNKNOWN_ITEM', `Không có khoản phí mã "${code}".`, { itemCode: code });
      return codes.has(code);
    }));
  const quantities: FeeQuantities = {
    ...(inputs.pages === null || inputs.pages === undefined ? {} : { pages: inputs.pages }),
    ...(inputs.copies === null || inputs.copies === undefined ? {} : { copies: inputs.copies }),
  };
  const calc = calculateFees({
    items,
    quantities,
    itemQuantities: pick(inputs.itemQuantities),
    categories: inputs.categories ?? [],
    rules,
    manualAmounts: pick(inputs.manualAmounts),
  });
  for (const line of calc.items.filter((l) => l.undetermined)) {
    undetermined.push({ code: line.code, name: line.name, reason: 'amount' });
  }
  const lines: ChargeLine[] = calc.items
    .filter((l) => !l.undetermined)
    .map((l) => {
      const item = byCode.get(l.code)!;
      const rate = rateDetail(item, l);
      return {
        key: l.code,
        kind: 'fee' as const,
        name: l.name,
        quantity: l.quantity,
        unitAmount: l.unitAmount,
        amount: l.amount,
        collectAt: l.collectAt,
        centerSharePercent: item.centerSharePercent,
        departmentCode: item.departmentCode,
        legalBasis: l.legalBasis ?? '',
        rate,
        rateText: rate ? rateDetailText(rate) : '',
        fee: l,
      };
    });
  const serviceLines: ChargeLine[] = services.map((s) => ({
    key: serviceKey(s.id),
    kind: 'service' as const,
    name: s.name,
    quantity: 1,
    unitAmount: s.charge,
    amount: s.charge,
    collectAt: 'reception' as const,
    centerSharePercent: s.centerSharePercent,
    departmentCode: null,
    legalBasis: '',
    rate: null,
    rateText: '',
    service: s,
  }));
  const servicesTotal = serviceLines.reduce((a, l) => a + l.amount, 0);
  // Reception lines first, then services, then what is collected at return: the order payments fill them in.
  const ordered = [...lines.filter((l) => l.collectAt === 'reception'), ...serviceLines, ...lines.filter((l) => l.collectAt === 'return')];
  return {
    lines: ordered,
    undetermined,
    feesTotal: calc.total,
    servicesTotal,
    total: calc.total + servicesTotal,
    atReception: calc.atReception + servicesTotal,
    atReturn: calc.atReturn,
  };
}
