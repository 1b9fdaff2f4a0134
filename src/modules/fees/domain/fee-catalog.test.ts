import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeeRuleError } from './errors';
import { calculateFees, feeItemsFromCatalog } from './fee-calculation';
import type { CatalogFee } from './fee-catalog';

const catalog = JSON.parse(
  readFileSync(new URL('../../../../data/seed/procedures.json', import.meta.url), 'utf8'),
) as { procedures: { code: string; fees?: CatalogFee[] }[] };
const feesOf = (code: string): CatalogFee[] => catalog.procedures.find((p) => p.code === code)?.fees ?? [];

describe('feeItemsFromCatalog', () => {
  it('maps the seed shape field by field, with positional codes and collection at reception', () => {
    const items = feeItemsFromCatalog([
      { name: 'Phí chứng thực (trang 1–2)', amount: 2000, unit: 'per_page', cap: null, note: '2.000đ/trang' },
      { name: ' Phí chứng thực (từ trang 3) ', amount: 1000, unit: 'per_page', cap: 200_000, note: '' },
      { name: 'Lệ phí trước bạ', amount: null, unit: 'per_dossier', cap: null, note: 'theo thông báo thuế' },
    ]);
    expect(items).toEqual([
      { code: 'F1', name: 'Phí chứng thực (trang 1–2)', amount: 2000, unit: 'per_page', cap: null, collectAt: 'reception', note: '2.000đ/trang' },
      { code: 'F2', name: 'Phí chứng thực (từ trang 3)', amount: 1000, unit: 'per_page', cap: 200_000, collectAt: 'reception' },
      { code: 'F3', name: 'Lệ phí trước bạ', amount: null, unit: 'per_dossier', cap: null, collectAt: 'reception', note: 'theo thông báo thuế' },
    ]);
  });

  it('takes a code prefix and a collection time', () => {
    const items = feeItemsFromCatalog([{ name: 'Lệ phí', amount: 50_000, unit: 'per_copy', cap: null }], {
      codePrefix: '2.000575-',
      collectAt: 'return',
    });
    expect(items[0]).toMatchObject({ code: '2.000575-1', collectAt: 'return', unit: 'per_copy' });
  });

  it('maps every fee of the shared catalog, and the calculator accepts them', () => {
    let count = 0;
    for (const procedure of catalog.procedures) {
      const items = feeItemsFromCatalog(procedure.fees ?? []);
      count += items.length;
      expect(() => calculateFees({ items, quantities: { pages: 1 } })).not.toThrow();
    }
    expect(count).toBeGreaterThan(50);
  });

  it('feeds a real procedure into the calculator (ID card re-issue: 70.000 đ per card)', () => {
    const items = feeItemsFromCatalog(feesOf('H57-TAM-CA-03'));
    expect(items).toHaveLength(1);
    expect(calculateFees({ items, quantities: { copies: 2 } }).total).toBe(140_000);
  });

  it('keeps "theo quy định" amounts undetermined', () => {
    const items = feeItemsFromCatalog(feesOf('H57-TAM-MT-03'));
    const result = calculateFees({ items });
    expect(result.undetermined).toEqual(['F1']);
    expect(result.total).toBe(0);
  });

  it.each([
    ['an unknown unit', { name: 'Phí', amount: 1000, unit: 'per_room', cap: null }],
    ['a negative amount', { name: 'Phí', amount: -1000, unit: 'per_dossier', cap: null }],
    ['a fractional cap', { name: 'Phí', amount: 1000, unit: 'per_page', cap: 0.5 }],
    ['a missing name', { name: '', amount: 1000, unit: 'per_dossier', cap: null }],
  ] as [string, CatalogFee][])('refuses %s', (_label, fee) => {
    expect(() => feeItemsFromCatalog([fee])).toThrow(FeeRuleError);
    expect(() => feeItemsFromCatalog([fee])).toThrow(expect.objectContaining({ code: 'FEE_INVALID_CATALOG_FEE' }));
  });
});
