import { describe, expect, it } from 'vitest';
import { blankRowsAfter, renderControlSlip } from './control-slip';
import { expectOfficialPaper, expectTextInsideMargins, flatText, pdfInfo } from '../../../../test/support/forms/pdf';
import { CODE, ctx, dossier, handoffs } from '../../../../test/support/forms/samples';

describe('renderControlSlip (Phiếu kiểm soát quá trình giải quyết hồ sơ)', () => {
  it('prints one row per hand-off with units, times, people and early/on time/late', async () => {
    const pdf = await renderControlSlip(dossier, { ...ctx, handoffs });
    const text = expectOfficialPaper(pdf);
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${CODE}`);
    expect(text).toMatch(/TÊN CƠ QUAN\s+THỜI GIAN GIAO, NHẬN HỒ\s+KẾT QUẢ GIẢI\s+GHI CHÚ/);
    expect(text).toContain('Cơ quan (bộ phận) giải quyết hồ sơ: Phòng Tài chính - Kế hoạch');
    expect(text).toContain('Cơ quan phối hợp giải quyết hồ sơ: Chi cục Thuế khu vực Hương Thủy - Phú Vang');
    const all = flatText(pdf);
    const rows = handoffs.map((h, i) => all.indexOf(`${i + 1}. ${h.step}`));
    expect(rows.every((p) => p >= 0)).toBe(true);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    expect(all).toContain('10 giờ 05 phút, ngày 12/03/2025');
    expect(all).toContain('Người giao: Lê Thị Thu Hà');
    expect(all).toContain('Người nhận: Hoàng Văn Minh');
    expect(all).toContain('Hạn xử lý: 14/03/2025 16:30');
    // the outcome of each row sits on the row's first line
    const lines = text.split('\n');
    const lineOf = (s: string) => lines.find((l) => l.includes(s)) ?? '';
    expect(lineOf('1. Chuyển hồ sơ đến')).toContain('Trước hạn');
    expect(lineOf('2. Thẩm định hồ sơ')).toContain('Đúng hạn');
    expect(lineOf('3. Trình ký Giấy')).toContain('Quá hạn');
    expect(lineOf('4. Trả kết quả về')).not.toMatch(/hạn/);
    expect(all).toContain('Chậm do chờ kết quả xác minh địa điểm');
    expectTextInsideMargins(pdf);
  });

  it('leaves rows to fill in and sign by hand after the printed hand-offs', async () => {
    for (const printed of [handoffs, []]) {
      const pdf = await renderControlSlip(dossier, { ...ctx, handoffs: printed });
      const all = flatText(pdf);
      const blanks = all.split('giờ …… phút, ngày').length - 1;
      expect(blanks).toBe(blankRowsAfter(printed.length));
      expect(all.split('(Ký, ghi rõ họ tên)').length - 1).toBe(2 * blanks);
      // the blank rows come after the printed ones
      if (printed.length) expect(all.indexOf('giờ …… phút')).toBeGreaterThan(all.indexOf(`${printed.length}. ${printed.at(-1)!.step}`));
      expect(all).not.toContain('Chưa có bàn giao');
      expect(pdfInfo(pdf).pages).toBe(printed.length ? 2 : 1);
      expectTextInsideMargins(pdf);
    }
  });
});
