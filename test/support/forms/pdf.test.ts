import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/platform/pdf';
import { expectTextInsideMargins, wordBoxes } from './pdf';

// The margin check the form tests rely on must be able to fail.
describe('expectTextInsideMargins', () => {
  const filler = Array.from({ length: 30 }, (_, i) => `từ${i}`).join(' ');

  it('passes for text that wraps inside the margins', async () => {
    const pdf = await renderPdf({ content: [filler] }, new Date('2025-03-12T02:00:00Z'));
    expect(wordBoxes(pdf).length).toBeGreaterThan(20);
    expectTextInsideMargins(pdf);
  });

  it('catches a line that runs into the right margin', async () => {
    const long = 'Mã:' + '0123456789'.repeat(12);
    const pdf = await renderPdf({ content: [filler, { text: long, noWrap: true }] }, new Date('2025-03-12T02:00:00Z'));
    expect(() => expectTextInsideMargins(pdf)).toThrow(/Mã:0123/);
  });
});
