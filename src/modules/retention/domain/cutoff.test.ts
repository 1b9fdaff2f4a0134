import { describe, expect, it } from 'vitest';
import { retentionCutoffs, yearsBefore } from './cutoff';

describe('yearsBefore', () => {
  it.each([
    ['2026-12-05T03:00:00.000Z', 10, '2016-12-05T03:00:00.000Z'],
    ['2026-12-05T03:00:00.000Z', 1, '2025-12-05T03:00:00.000Z'],
    ['2028-02-29T10:00:00.000Z', 1, '2027-02-28T10:00:00.000Z'], // no 29/02 in 2027
    ['2028-02-29T10:00:00.000Z', 4, '2024-02-29T10:00:00.000Z'],
    ['2026-03-01T00:00:00.000Z', 2, '2024-03-01T00:00:00.000Z'],
    ['2026-01-01T00:00:00.000Z', 5, '2021-01-01T00:00:00.000Z'],
  ])('%s minus %i years = %s', (now, years, out) => expect(yearsBefore(new Date(now), years)?.toISOString()).toBe(out));

  it('0 years keeps for ever', () => expect(yearsBefore(new Date(), 0)).toBeNull());
  it('refuses a negative or fractional period', () => {
    expect(() => yearsBefore(new Date(), -1)).toThrow(RangeError);
    expect(() => yearsBefore(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('retentionCutoffs', () => {
  const now = new Date('2026-12-05T03:00:00.000Z');
  it.each([
    [3, '2023-12-05', '2016-12-05'], // receipts: the accounting 10 years win
    [10, '2016-12-05', '2016-12-05'],
    [15, '2011-12-05', '2011-12-05'], // a longer retention holds receipts longer too
  ])('%i years: dossiers before %s, receipts before %s', (years, dossiers, receipts) => {
    const c = retentionCutoffs(now, years);
    expect(c.dossiers?.toISOString().slice(0, 10)).toBe(dossiers);
    expect(c.receipts?.toISOString().slice(0, 10)).toBe(receipts);
  });
  it('0 years: nothing is purged, receipts neither', () => expect(retentionCutoffs(now, 0)).toEqual({ dossiers: null, receipts: null }));
});
