import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes, meanServiceMinutes } from './estimate';

describe('estimateWaitMinutes', () => {
  it.each([
    // ahead, recent durations, open counters, default → minutes
    [0, [10, 10], 1, 10, 0],
    [3, [], 1, 10, 30], // no data today: the default
    [3, [], 0, 10, 30], // no open counter: as if one
    [3, [4, 6], 1, 10, 15],
    [3, [4, 6], 2, 10, 8], // 7.5 rounded up
    [5, [2, 2, 2], 3, 10, 4], // 3.33 rounded up
    [1, [0, 0], 1, 10, 1], // at least a minute per person
    [2, [600], 1, 10, 240], // a forgotten "finish" is capped at 120 min per person
  ])('%i ahead, recent %j, %i counters, default %i → %i min', (ahead, recent, counters, def, expected) => {
    expect(estimateWaitMinutes({ ahead, recentServiceMinutes: recent, openCounters: counters, defaultServiceMinutes: def })).toBe(expected);
  });

  it('uses only the most recent `sample` durations', () => {
    const recent = [...Array(20).fill(5), ...Array(20).fill(50)];
    expect(meanServiceMinutes(recent, 10)).toBe(5);
    expect(meanServiceMinutes(recent, 10, 40)).toBe(27.5);
  });
});
