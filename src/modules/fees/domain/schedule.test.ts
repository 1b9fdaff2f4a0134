import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calculateFees } from './fee-calculation';
import type { CatalogFee } from './fee-catalog';
import { catalogFeesKey, feeLegalBasis, scheduleFromCatalog, type CatalogProcedure } from './schedule';

const catalog = JSON.parse(
  readFileSync(new URL('../../../../data/seed/procedures.json', import.meta.url), 'utf8'),
) as { procedures: { code: string; field: string; fees?: CatalogFee[]; legalBasis?: string[] }[] };
const procedure = (code: string): CatalogProcedure => {
  const p = catalog.procedures.find((x) => x.code === code)!;
  return { code: p.code, fieldCode: p.field, fees: p.fees ?? [], legalBasis: p.legalBasis ?? [] };
};

describe('scheduleFromCatalog', () => {
  it('merges the two per-page lines of copy certification into one tiered item capped per copy', () => {
    const items = scheduleFromCatalog(procedure('2.000815'));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      code: 'F1', unit: 'per_page', amount: 2000, tiers: [{ fromUnit: 3, amount: 1000 }], cap: 200_000,
      legalBasis: 'Thông tư 226/2016/TT-BTC, Điều 4', choiceGroup: null, centerSharePercent: 0,
    });
  });

  it.each([
    [1, 1, 2_000],
    [2, 1, 4_000],
    [3, 1, 5_000],
    [10, 2, 2 * (4_000 + 8_000)],
    [198, 1, 200_000], // 4.000 + 196 × 1.000 = 200.000: exactly the cap
    [250, 3, 600_000], // capped at 200.000 đ per copy
  ])('certifies %i pages × %i copies for %i đ', (pages, copies, total) => {
    const items = scheduleFromCatalog(procedure('2.000815'));
    expect(calculateFees({ items, quantities: { pages, copies } }).total).toBe(total);
  });

  it('marks alternatives as one choice group and keeps plain lines ungrouped', () => {
    const karaoke = scheduleFromCatalog(procedure('H57-TAM-VH-01'));
    expect(new Set(karaoke.map((i) => i.choiceGroup))).toEqual(new Set(['so-phong']));
    const signature = scheduleFromCatalog(procedure('2.000884'));
    expect(signature).toEqual([expect.objectContaining({ code: 'F1', amount: 10_000, choiceGroup: null })]);
  });

  it('collects land fees at return and everything else at reception', () => {
    expect(scheduleFromCatalog(procedure('1.012783')).map((i) => i.collectAt)).toEqual(['return']);
    expect(scheduleFromCatalog(procedure('H57-TAM-CA-03')).map((i) => i.collectAt)).toEqual(['reception']);
  });

  it('leaves lines alone when the catalog no longer has the expected shape', () => {
    const p = { ...procedure('2.000815'), fees: [{ name: 'Phí chứng thực', amount: 5000, unit: 'per_dossier', cap: null }] };
    expect(scheduleFromCatalog(p)).toEqual([expect.objectContaining({ code: 'F1', unit: 'per_dossier', amount: 5000 })]);
  });

  it('takes the fee circulars of the legal basis', () => {
    expect(feeLegalBasis(['Luật Hộ tịch 2014', 'Thông tư 85/2019/TT-BTC', 'Nghị quyết HĐND tỉnh về lệ phí hộ tịch'])).toBe(
      'Thông tư 85/2019/TT-BTC; Nghị quyết HĐND tỉnh về lệ phí hộ tịch',
    );
    expect(feeLegalBasis(['Luật Cư trú 2020'])).toBe('');
  });

  it('fingerprints catalog fees so a change is noticed', () => {
    const fees = procedure('2.000884').fees;
    expect(catalogFeesKey(fees)).toBe(catalogFeesKey([...fees]));
    expect(catalogFeesKey(fees)).not.toBe(catalogFeesKey([{ ...fees[0], amount: 20_000 }]));
  });

  it('maps every procedure of the catalog into a schedule the calculator accepts', () => {
    for (const p of catalog.procedures) {
      const items = scheduleFromCatalog(procedure(p.code));
      expect(() => calculateFees({ items, quantities: { pages: 3, copies: 1 } }), p.code).not.toThrow();
    }
  });
});
