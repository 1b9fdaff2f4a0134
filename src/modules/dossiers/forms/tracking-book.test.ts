import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderTrackingBook, TRACKING_COLUMNS, trackingBookXlsx } from './tracking-book';
import { expectOfficialPaper, expectTextInsideMargins, flat, pdfInfo, pdfText } from '../../../../test/support/forms/pdf';
import { ctx, trackingRows } from '../../../../test/support/forms/samples';

const MM = 72 / 25.4;
const bookCtx = { ...ctx, from: '2025-03-01', to: '2025-03-31' };

describe('renderTrackingBook (Sổ theo dõi hồ sơ)', () => {
  it('is an A4 landscape register over several pages, header row on each page, page numbers', async () => {
    const rows = trackingRows(30);
    const pdf = await renderTrackingBook(rows, bookCtx);
    const text = expectOfficialPaper(pdf, { date: null });
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('Từ ngày 01/03/2025 đến ngày 31/03/2025');
    const info = pdfInfo(pdf);
    expect(info.pages).toBeGreaterThan(1);
    expect(info.width).toBeCloseTo(841.89, 0);
    expect(info.height).toBeCloseTo(595.28, 0);

    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(info.pages);
    pages.forEach((p, i) => {
      expect(p).toMatch(/STT\s+Mã hồ sơ\s+Tên thủ tục hành chính\s+Tổ chức, cá nhân/);
      expect(p).toContain(`Trang ${i + 1}/${info.pages}`);
    });
    const all = flat(pdfText(pdf));
    expect(all).toContain('Tổng số: 30 hồ sơ.');
    // first and last rows, with their dates dd/mm/yyyy
    expect(all).toMatch(/1 000\.00\.15\.H57- Đăng ký thành lập hộ Nguyễn Thị Tổ 1, phường Phú 03\/03\/2025 06\/03\/2025 03\/03\/2025 05\/03\/2025 06\/03\/2025 Đã trả kết quả/);
    expect(pages[pages.length - 1]).toMatch(/^\s*30\s+000\.00\.15\.H57-/m);
    expect(all).toContain('Cấp Giấy chứng nhận');
    expect(all).toContain('Đã trả kết quả;'); // status and note of row 5 joined
    expectTextInsideMargins(pdf, { left: 15 * MM, right: 15 * MM, top: 15 * MM, bottom: 15 * MM });
  });

  it('says so for an empty period', async () => {
    const pdf = await renderTrackingBook([], bookCtx);
    expect(pdfText(pdf)).toContain('Không có hồ sơ trong kỳ');
    expect(pdfInfo(pdf).pages).toBe(1);
  });
});

describe('trackingBookXlsx', () => {
  it('has a title row, a bold header row, widths and real date cells shown dd/mm/yyyy', async () => {
    const rows = trackingRows(30);
    const buf = await trackingBookXlsx(rows, bookCtx);
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Sổ theo dõi hồ sơ');
    expect(ws.getCell('A1').value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(String(ws.getCell('A2').value)).toContain('Từ ngày 01/03/2025 đến ngày 31/03/2025');
    const header = ws.getRow(4);
    TRACKING_COLUMNS.forEach((title, i) => expect(header.getCell(i + 1).value).toBe(title));
    expect(header.getCell(2).font?.bold).toBe(true);
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(30);
    expect(ws.rowCount).toBe(4 + 30);

    const first = ws.getRow(5);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe(rows[0].code);
    const received = first.getCell(6);
    expect(received.value).toBeInstanceOf(Date);
    // the Việt Nam calendar date of the instant, as a date cell
    expect((received.value as Date).toISOString()).toBe('2025-03-03T00:00:00.000Z');
    expect(received.numFmt).toBe('dd/mm/yyyy');
    // an empty date stays empty; the note carries the status in Vietnamese
    const sixth = ws.getRow(10);
    expect(sixth.getCell(10).value).toBeNull();
    expect(sixth.getCell(12).value).toBe('Chờ bổ sung');
  });
});
