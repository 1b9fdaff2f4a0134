// Maps the catalog's seed fee shape (data/procedures.json: { name, amount, unit, cap, note }) to FeeItem.
import { FeeRuleError } from './errors';
import { FEE_UNITS, type CollectAt, type FeeItem, type FeeUnit } from './fee-types';

/** A fee as the catalog seed stores it; `amount: null` = "theo quy định". */
export interface CatalogFee {
  name: string;
  amount: number | null;
  unit: FeeUnit | string;
  cap?: number | null;
  note?: string | null;
}

export interface CatalogMappingOptions {
  /** Item codes are `${codePrefix}${position}` (1-based, in catalog order); default "F" → "F1", "F2", … */
  codePrefix?: string;
  /** Default 'reception' (fees are collected when the dossier is received). */
  collectAt?: CollectAt;
}

const isVnd = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Maps seed fees to fee items: name, amount, unit and cap are taken as they are, an empty note is dropped,
 * tiers are never inferred from notes. The catalog has no item codes, so codes come from the position.
 * Throws FEE_INVALID_CATALOG_FEE on an unknown unit or a negative/fractional amount or cap.
 */
export function feeItemsFromCatalog(
  seedFees: readonly CatalogFee[],
  options: CatalogMappingOptions = {},
): FeeItem[] {
  const prefix = options.codePrefix ?? 'F';
  const collectAt = options.collectAt ?? 'reception';
  return seedFees.map((fee, index) => {
    const code = `${prefix}${index + 1}`;
    const fail = (message: string) =>
      new FeeRuleError('FEE_INVALID_CATALOG_FEE', `Khoản phí "${fee.name}" trong danh mục: ${message}`, {
        itemCode: code,
      });
    if (typeof fee.name !== 'string' || fee.name.trim() === '') throw fail('thiếu tên khoản phí.');
    if (!(FEE_UNITS as readonly string[]).includes(fee.unit)) throw fail(`đơn vị tính "${fee.unit}" không hợp lệ.`);
    if (fee.amount !== null && !isVnd(fee.amount)) throw fail('mức thu phải là số nguyên đồng không âm.');
    const cap = fee.cap ?? null;
    if (cap !== null && !isVnd(cap)) throw fail('mức tối đa phải là số nguyên đồng không âm.');
    const note = fee.note?.trim();
    return {
      code,
      name: fee.name.trim(),
      amount: fee.amount,
      unit: fee.unit as FeeUnit,
      cap,
      collectAt,
      ...(note ? { note } : {}),
    };
  });
}
