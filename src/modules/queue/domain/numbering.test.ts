import { describe, expect, it } from 'vitest';
import { callText, defaultRangeStart, ticketNumber } from './numbering';

describe('numbers', () => {
  it.each([
    [defaultRangeStart(2), 1, '', 2001, '2001'],
    [defaultRangeStart(2), 15, '', 2015, '2015'],
    [defaultRangeStart(12), 3, '', 12003, '12003'],
    [100, 7, 'A', 107, 'A107'],
  ])('range %i, n %i, prefix %j → %i / %s', (start, seq, prefix, number, display) => {
    expect(ticketNumber(start, seq, prefix)).toEqual({ number, displayNumber: display });
  });

  it('announces in Vietnamese', () => {
    expect(callText('2015', 5)).toBe('Mời số 2015 đến quầy số 5');
  });
});
