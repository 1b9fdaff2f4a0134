import { describe, expect, it } from 'vitest';
import { dossierFees, serviceKey } from './breakdown';
import type { ReductionRule } from './fee-types';
import type { ScheduleItem } from './schedule';

const item = (over: Partial<ScheduleItem> & Pick<ScheduleItem, 'code'>): ScheduleItem => ({
  name: `Khoản ${over.code}`,
  amount: 10_000,
  unit: 'per_dossier',
  collectAt: 'reception',
  choiceGroup: null,
  centerSharePercent: 0,
  departmentCode: null,
  ...over,
});

const poor: ReductionRule = {
  code: 'HT-MIEN', name: 'Miễn cho hộ nghèo', categories: ['poor_household'], appliesTo: 'all', kind: 'exempt',
  legalBasis: 'Thông tư 85/2019/TT-BTC',
};

describe('dossierFees', () => {
  it('charges plain items and waits for a choice among alternatives', () => {
    const schedule = [item({ code: 'F1' }), item({ code: 'F2', amount: 4_000_000, choiceGroup: 'g' }), item({ code: 'F3', amount: 6_000_000, choiceGroup: 'g' })];
    const open = dossierFees(schedule, [], {});
    expect(open.total).toBe(10_000);
    expect(open.undetermined).toEqual([{ code: 'g', name: 'Chọn một khoản phí phù hợp', reason: 'choice', options: [{ code: 'F2', name: 'Khoản F2' }, { code: 'F3', name: 'Khoản F3' }] }]);
    const chosen = dossierFees(schedule, [], { selected: ['F3'] });
    expect(chosen.lines.map((l) => [l.key, l.amount])).toEqual([['F1', 10_000], ['F3', 6_000_000]]);
    expect(chosen.undetermined).toEqual([]);
  });

  it('refuses two alternatives of one group and unknown codes', () => {
    const schedule = [item({ code: 'F1', choiceGroup: 'g' }), item({ code: 'F2', choiceGroup: 'g' })];
    expect(() => dossierFees(schedule, [], { selected: ['F1', 'F2'] })).toThrow(expect.objectContaining({ code: 'FEE_CHOICE_CONFLICT' }));
    expect(() => dossierFees(schedule, [], { selected: ['F9'] })).toThrow(expect.objectContaining({ code: 'FEE_UNKNOWN_ITEM' }));
    expect(() => dossierFees(schedule, [], { manualAmounts: { F9: 1 } })).toThrow(expect.objectContaining({ code: 'FEE_UNKNOWN_ITEM' }));
  });

  it('lists per-page items without a page count and "theo quy định" items as undetermined', () => {
    const schedule = [item({ code: 'F1', unit: 'per_page', amount: 2000 }), item({ code: 'F2', amount: null })];
    const r = dossierFees(schedule, [], {});
    expect(r.undetermined.map((u) => [u.code, u.reason])).toEqual([['F1', 'pages'], ['F2', 'amount']]);
    expect(r.total).toBe(0);
    const entered = dossierFees(schedule, [], { pages: 4, manualAmounts: { F2: 123_456 } });
    expect(entered.undetermined).toEqual([]);
    expect(entered.total).toBe(8_000 + 123_456);
  });

  it.each([
    // pages, copies → the tier text of the line (none for a plain per-dossier item)
    [10, 1, 12_000, '2 trang đầu × 2.000 đ; 8 trang × 1.000 đ; tối đa 200.000 đ/bản'],
    [2, 1, 4_000, '2 trang × 2.000 đ; tối đa 200.000 đ/bản'],
    [300, 2, 400_000, '2 trang đầu × 2.000 đ; 298 trang × 1.000 đ; tối đa 200.000 đ/bản (áp dụng mức tối đa); × 2 bản'],
  ])('explains a tiered per-page line: %i pages × %i copies = %i đ', (pages, copies, amount, text) => {
    const cert = item({ code: 'F1', unit: 'per_page', amount: 2000, tiers: [{ fromUnit: 3, amount: 1000 }], cap: 200_000 });
    const r = dossierFees([cert, item({ code: 'F2' })], [], { pages, copies });
    expect(r.lines.map((l) => [l.key, l.amount, l.rateText])).toEqual([['F1', amount, text], ['F2', 10_000, '']]);
    expect(r.lines[0].rate).toMatchObject({ unit: 'per_page', copies, cap: 200_000 });
    expect(r.lines[1].rate).toBeNull();
  });

  it('applies exemptions by category and keeps the legal basis on the line', () => {
    const r = dossierFees([item({ code: 'F1', amount: 75_000, legalBasis: 'Nghị quyết HĐND' })], [poor], { categories: ['poor_household'] });
    expect(r.total).toBe(0);
    expect(r.lines[0].fee).toMatchObject({ gross: 75_000, reduction: 75_000, reductionLegalBasis: 'Thông tư 85/2019/TT-BTC' });
    expect(r.lines[0].legalBasis).toBe('Nghị quyết HĐND');
  });

  it('adds services at reception and orders reception, services, then return lines', () => {
    const schedule = [item({ code: 'F1', collectAt: 'return', amount: 50_000 }), item({ code: 'F2', amount: 20_000 })];
    const r = dossierFees(schedule, [], {}, [{ id: 's1', kind: 'postal_result', name: 'Chuyển phát', charge: 25_000, centerSharePercent: 100 }]);
    expect(r.lines.map((l) => l.key)).toEqual(['F2', serviceKey('s1'), 'F1']);
    expect(r).toMatchObject({ feesTotal: 70_000, servicesTotal: 25_000, total: 95_000, atReception: 45_000, atReturn: 50_000 });
  });
});
