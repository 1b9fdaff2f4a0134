// A procedure's fee schedule as the fees module stores it: the calculator's FeeItem plus what collection and
// transfers need (alternatives, the share the center keeps, the department that receives the money).
//
// `scheduleFromCatalog` turns the catalog's flat list into that schedule. The flat list cannot express two
// things the law says, so a short, reviewed table of adjustments adds them by procedure code:
// - page tiers: certification of copies is 2.000 đ per page for pages 1–2, 1.000 đ from page 3, at most
//   200.000 đ per copy (Thông tư 226/2016/TT-BTC); the catalog lists it as two per-page lines, which charged
//   side by side would bill every page twice;
// - alternatives: "1–3 rooms / 4–5 rooms / 6+ rooms", "city / district" are mutually exclusive lines of which the
//   clerk picks exactly one.
// An adjustment applies only when the catalog lines still have the expected shape; otherwise they are kept as is.
import { feeItemsFromCatalog, type CatalogFee } from './fee-catalog';
import type { CollectAt, FeeItem } from './fee-types';

export interface ScheduleItem extends FeeItem {
  /** Items sharing a group are alternatives: exactly one is charged, chosen by the clerk. */
  choiceGroup: string | null;
  /** Percentage of the collected money the center keeps (0–100, two decimals); the rest goes to the department. */
  centerSharePercent: number;
  /** Department (by code) that receives the money; null = the dossier's department. */
  departmentCode: string | null;
}

export interface CatalogProcedure {
  code: string;
  fieldCode: string;
  fees: readonly CatalogFee[];
  legalBasis: readonly string[];
}

type Adjustment =
  | { kind: 'page_tiers'; fromPage: number; name: string; legalBasis: string }
  | { kind: 'choice'; group: string; codes: readonly string[] };

const CERTIFIED_COPY: Adjustment = {
  kind: 'page_tiers',
  fromPage: 3,
  name: 'Phí chứng thực bản sao từ bản chính',
  legalBasis: 'Thông tư 226/2016/TT-BTC, Điều 4',
};

/** Reviewed adjustments by procedure code (see the header). */
export const SCHEDULE_ADJUSTMENTS: Readonly<Record<string, readonly Adjustment[]>> = {
  '2.000815': [CERTIFIED_COPY],
  '2.000942': [{ ...CERTIFIED_COPY, name: 'Phí cấp bản sao có chứng thực' }],
  '1.002425': [{ kind: 'choice', group: 'quy-mo', codes: ['F1', 'F2'] }],
  'H57-TAM-VH-01': [{ kind: 'choice', group: 'so-phong', codes: ['F1', 'F2', 'F3', 'F4', 'F5', 'F6'] }],
  'H57-TAM-NN-01': [{ kind: 'choice', group: 'doi-tuong', codes: ['F1', 'F2', 'F3', 'F4'] }],
  'H57-TAM-CA-04': [{ kind: 'choice', group: 'khu-vuc', codes: ['F1', 'F2', 'F3', 'F4'] }],
  '1.004222': [{ kind: 'choice', group: 'hinh-thuc-nop', codes: ['F1', 'F2'] }],
};

/** Fields whose fees are collected when the result is returned (land: the certificate fee is paid on delivery). */
export const COLLECT_AT_RETURN_FIELDS: readonly string[] = ['DD'];

/** The catalog's legal basis entries that concern fees (a circular of the Ministry of Finance, a fee resolution). */
export function feeLegalBasis(legalBasis: readonly string[]): string {
  return legalBasis.filter((l) => /TT-BTC|phí/i.test(l)).join('; ');
}

function applyPageTiers(items: ScheduleItem[], adj: Extract<Adjustment, { kind: 'page_tiers' }>): ScheduleItem[] {
  const [first, second, ...rest] = items;
  const shaped =
    first?.unit === 'per_page' && second?.unit === 'per_page' && first.amount !== null && second.amount !== null &&
    !first.tiers?.length && !second.tiers?.length;
  if (!shaped) return items;
  const merged: ScheduleItem = {
    ...first,
    name: adj.name,
    tiers: [{ fromUnit: adj.fromPage, amount: second.amount! }],
    cap: second.cap ?? first.cap ?? null,
    note: [first.note, second.note].filter(Boolean).join('; '),
    legalBasis: adj.legalBasis,
  };
  return [merged, ...rest];
}

function applyChoice(items: ScheduleItem[], adj: Extract<Adjustment, { kind: 'choice' }>): ScheduleItem[] {
  if (!adj.codes.every((c) => items.some((i) => i.code === c))) return items;
  return items.map((i) => (adj.codes.includes(i.code) ? { ...i, choiceGroup: adj.group } : i));
}

/** The schedule of a catalog procedure: catalog lines mapped one to one, then the reviewed adjustments. */
export function scheduleFromCatalog(procedure: CatalogProcedure): ScheduleItem[] {
  const collectAt: CollectAt = COLLECT_AT_RETURN_FIELDS.includes(procedure.fieldCode) ? 'return' : 'reception';
  const basis = feeLegalBasis(procedure.legalBasis);
  let items: ScheduleItem[] = feeItemsFromCatalog(procedure.fees, { collectAt }).map((item) => ({
    ...item,
    ...(basis ? { legalBasis: basis } : {}),
    choiceGroup: null,
    centerSharePercent: 0,
    departmentCode: null,
  }));
  for (const adj of SCHEDULE_ADJUSTMENTS[procedure.code] ?? []) {
    items = adj.kind === 'page_tiers' ? applyPageTiers(items, adj) : applyChoice(items, adj);
  }
  return items;
}

/** A stable fingerprint of catalog fees, to notice when the catalog changed under a materialized schedule. */
export function catalogFeesKey(fees: readonly CatalogFee[]): string {
  return JSON.stringify(fees.map((f) => [f.name, f.amount, f.unit, f.cap ?? null, f.note ?? '']));
}
