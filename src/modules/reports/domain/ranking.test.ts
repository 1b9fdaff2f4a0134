import { describe, expect, it } from 'vitest';
import { baselineRates, mixScore, scoreWithFeedback, SCORE_FORMULA, UPHELD_PENALTY, type ProcedureCount } from './ranking';

const pc = (procedure: string, settled: number, onTime: number): ProcedureCount => ({ procedure, settled, onTime });

describe('baselineRates', () => {
  it('pools every group per procedure and leaves out procedures with nothing settled', () => {
    const b = baselineRates([pc('land', 4, 2), pc('land', 6, 3), pc('birth', 10, 10), pc('none', 0, 0)]);
    expect(Object.fromEntries(b)).toEqual({ land: 0.5, birth: 1 });
  });
});

describe('mixScore', () => {
  // The scope: land dossiers are on time half of the time, birth certificates always.
  const baseline = new Map([['land', 0.5], ['birth', 1]]);
  it.each([
    // name, own counts, share, expected, score
    ['a land officer at the land average scores 100 (not 50)', [pc('land', 10, 5)], 0.5, 0.5, 100],
    ['a land officer above the land average scores above 100', [pc('land', 10, 8)], 0.8, 0.5, 130],
    ['a birth clerk with 90 % is below his procedures\' 100 %', [pc('birth', 10, 9)], 0.9, 1, 90],
    ['a mixed desk: expected share weighted by its own mix', [pc('land', 2, 1), pc('birth', 6, 6)], 0.875, 0.875, 100],
    ['a mixed desk doing better on land', [pc('land', 2, 2), pc('birth', 6, 6)], 1, 0.875, 112.5],
    ['a procedure outside the baseline counts its own rate', [pc('other', 4, 1), pc('land', 4, 2)], 0.375, 0.375, 100],
    ['groups with nothing settled are skipped', [pc('land', 0, 0), pc('birth', 2, 2)], 1, 1, 100],
  ])('%s', (_name, own, share, expected, score) => {
    const s = mixScore(own as ProcedureCount[], baseline);
    expect(s.onTimeShare).toBe(share);
    expect(s.expectedShare).toBe(expected);
    expect(s.score).toBe(score);
  });

  it('has no score when nothing was settled', () => {
    expect(mixScore([], baseline)).toEqual({ settled: 0, onTime: 0, onTimeShare: null, expectedShare: null, score: null });
  });

  it('refuses counts where more were on time than settled', () => {
    expect(() => mixScore([pc('land', 1, 2)], baseline)).toThrow(RangeError);
  });

  it('rounds the score to one decimal and the shares to four', () => {
    const s = mixScore([pc('land', 3, 2)], new Map([['land', 0.5]]));
    expect(s.onTimeShare).toBe(0.6667);
    expect(s.score).toBe(116.7);
  });
});

describe('scoreWithFeedback', () => {
  it('takes UPHELD_PENALTY points off per upheld feedback, and the formula on screen says so', () => {
    expect(UPHELD_PENALTY).toBe(5);
    expect(scoreWithFeedback(116.7, 0)).toBe(116.7);
    expect(scoreWithFeedback(116.7, 2)).toBe(106.7);
    expect(SCORE_FORMULA.vi).toContain('− 5 × Số phản ánh đúng');
  });

  it('gives no score without settled dossiers, and refuses a negative count', () => {
    expect(scoreWithFeedback(null, 3)).toBeNull();
    expect(() => scoreWithFeedback(100, -1)).toThrow(RangeError);
  });
});
