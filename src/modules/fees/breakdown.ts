// The dossier's fees as the counter sees them: schedule + rules + stored inputs (optionally overridden for a
// preview) + services, against what receipts in force paid.
import type { Queryable } from '../../platform/db';
import { balances, dossierFees, type DossierFeeInputs, type LineBalance, type ScheduleItem, type Undetermined } from './domain';
import { loadInputs, loadPaid, loadRules, loadServices, type FeeDossier, type ServiceRow, type StoredInputs } from './repo';

export interface Breakdown {
  inputs: StoredInputs & { categories: string[] };
  balances: LineBalance[];
  services: ServiceRow[];
  undetermined: Undetermined[];
  feesTotal: number;
  servicesTotal: number;
  total: number;
  atReception: number;
  atReturn: number;
  paid: number;
  due: number;
}

/** Categories that follow from the dossier itself: an online submission is one. */
export function effectiveCategories(d: FeeDossier, categories: readonly string[]): string[] {
  const all = new Set(categories);
  if (d.channel === 'online') all.add('online_submission');
  return [...all];
}

/**
 * Computes the breakdown of `d` with `schedule` (see loadSchedule, which may materialize it and so runs before any
 * transaction); everything else is read through `q`, which is the payment transaction when collecting.
 */
export async function computeBreakdown(q: Queryable, d: FeeDossier, schedule: readonly ScheduleItem[], override: Partial<DossierFeeInputs> = {}): Promise<Breakdown> {
  // One after the other: `q` may be a transaction's single connection.
  const rules = await loadRules(q, d.procedure_code, d.field_code);
  const stored = await loadInputs(q, d.id);
  const services = await loadServices(q, d.id);
  const paid = await loadPaid(q, d.id);
  const defined = Object.fromEntries(Object.entries(override).filter(([, v]) => v !== undefined));
  const inputs = { ...stored, ...defined };
  const categories = effectiveCategories(d, inputs.categories ?? []);
  const fees = dossierFees(schedule, rules, { ...inputs, categories }, services);
  const lineBalances = balances(fees.lines, paid.byKey);
  return {
    inputs: { ...inputs, categories },
    balances: lineBalances,
    services,
    undetermined: fees.undetermined,
    feesTotal: fees.feesTotal,
    servicesTotal: fees.servicesTotal,
    total: fees.total,
    atReception: fees.atReception,
    atReturn: fees.atReturn,
    paid: paid.total,
    due: lineBalances.reduce((a, b) => a + b.due, 0),
  };
}

/** The breakdown as the API returns it. */
export function presentBreakdown(d: FeeDossier, b: Breakdown) {
  return {
    dossier: { code: d.code, procedureCode: d.procedure_code, procedureName: d.procedure_name, fieldCode: d.field_code, channel: d.channel, status: d.status },
    inputs: {
      pages: b.inputs.pages ?? null,
      copies: b.inputs.copies ?? null,
      itemQuantities: b.inputs.itemQuantities ?? {},
      selected: [...(b.inputs.selected ?? [])],
      categories: b.inputs.categories,
      manualAmounts: b.inputs.manualAmounts ?? {},
      version: b.inputs.version,
    },
    items: b.balances.map(({ line, paid, due }) => ({
      code: line.key,
      kind: line.kind,
      name: line.name,
      unit: line.fee?.unit ?? 'per_dossier',
      quantity: line.quantity,
      pages: line.fee?.pages ?? null,
      copies: line.fee?.copies ?? null,
      unitAmount: line.unitAmount,
      gross: line.fee?.gross ?? line.amount,
      reduction: line.fee?.reduction ?? 0,
      amount: line.amount,
      capped: line.fee?.capped ?? false,
      manual: line.fee?.manual ?? false,
      collectAt: line.collectAt,
      legalBasis: line.legalBasis,
      note: line.fee?.note ?? '',
      reductionRule: line.fee?.reductionCode
        ? { code: line.fee.reductionCode, name: line.fee.reductionReason ?? '', legalBasis: line.fee.reductionLegalBasis ?? '' }
        : null,
      centerSharePercent: line.centerSharePercent,
      paid,
      due,
      rate: line.rate,
      rateText: line.rateText,
    })),
    services: b.services.map((s) => ({ id: s.id, kind: s.kind, name: s.name, charge: s.charge, recipient: s.recipient, address: s.address, phone: s.phone, createdAt: s.createdAt.toISOString() })),
    feesTotal: b.feesTotal,
    servicesTotal: b.servicesTotal,
    total: b.total,
    paid: b.paid,
    due: b.due,
    atReception: b.atReception,
    atReturn: b.atReturn,
    undetermined: b.undetermined.map((u) => ({ code: u.code, name: u.name, reason: u.reason, options: u.options ?? [] })),
    final: b.undetermined.length === 0,
  };
}
