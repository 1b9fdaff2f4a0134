import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MM, renderPdf } from './render';

const info = (pdf: Buffer) => {
  const out = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
  return { size: /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(out)!.slice(1).map(Number), out };
};
const text = (pdf: Buffer) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

describe('renderPdf', () => {
  const at = new Date('2025-03-12T02:20:00Z');

  it('renders Vietnamese in Tinos on A4, composing decomposed tone marks', async () => {
    const decomposed = 'Nguyễn Thị Hồng Nhung'.normalize('NFD');
    const pdf = await renderPdf({ content: [decomposed, { text: 'Độc lập - Tự do - Hạnh phúc', bold: true }] }, at);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(info(pdf).size[0]).toBeCloseTo(595.28, 1);
    const t = text(pdf);
    expect(t).toContain('Nguyễn Thị Hồng Nhung'); // NFC, as typed on Windows
    expect(t).toContain('Độc lập - Tự do - Hạnh phúc');
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf }).toString('utf8');
    expect(fonts).toMatch(/Tinos-Regular/);
    expect(fonts).toMatch(/Tinos-Bold/);
  });

  it('takes the creation date from printedAt, not the clock', async () => {
    const pdf = await renderPdf({ content: 'x', info: { title: 'Thử' } }, at);
    expect(pdf.toString('latin1')).toContain('D:20250312022000Z');
  });

  it('supports landscape and a custom page size', async () => {
    const land = await renderPdf({ pageOrientation: 'landscape', content: 'x' }, at);
    expect(info(land).size[0]).toBeCloseTo(841.89, 1);
    const roll = await renderPdf({ pageSize: { width: 80 * MM, height: 'auto' }, content: ['a', 'b', 'c'] }, at);
    const [w, h] = info(roll).size;
    expect(w).toBeCloseTo(80 * MM, 1);
    expect(h).toBeLessThan(200);
  });
});
