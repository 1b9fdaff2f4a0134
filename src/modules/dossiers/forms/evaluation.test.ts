import { describe, expect, it } from 'vitest';
import { renderEvaluation, EVALUATION_CRITERIA } from './evaluation';
import { expectOfficialPaper, expectTextInsideMargins, flatText, pdfInfo, wordBoxes } from '../../../../test/support/forms/pdf';
import { CODE, ctx, dossier, vn } from '../../../../test/support/forms/samples';

describe('renderEvaluation (Phiếu đánh giá mức độ hài lòng)', () => {
  it('names the dossier, the procedure and the dates, with three levels to tick for each criterion', async () => {
    const pdf = await renderEvaluation({ ...dossier, settledAt: vn(2025, 3, 17, 10, 0) }, { ...ctx, timing: 'on_time' });
    const text = expectOfficialPaper(pdf);
    expect(text).toContain('PHIẾU ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG');
    expect(text).toContain(`Mã hồ sơ: ${CODE}`);
    const all = flatText(pdf);
    expect(all).toContain('Người nộp hồ sơ: Nguyễn Thị Hồng Nhung');
    expect(all).toContain('Thủ tục hành chính: Đăng ký thành lập hộ kinh doanh');
    expect(all).toContain('Ngày tiếp nhận: 12/03/2025');
    expect(all).toContain('Ngày hẹn trả kết quả: 17/03/2025');
    expect(all).toContain('Ngày có kết quả: 17/03/2025');
    expect(all).toContain('So với ngày hẹn: Đúng hạn');
    for (const level of ['Rất hài lòng', 'Hài lòng', 'Không hài lòng']) expect(all).toContain(level);
    expect(all).toContain('Việc tiếp nhận hồ sơ');
    expect(all).toContain('Thời gian giải quyết hồ sơ');
    expect(all).toContain('Thái độ phục vụ của cán bộ, công chức, viên chức');
    expect(all).toContain('đánh dấu (X) vào một ô ở mỗi tiêu chí');
    expect(all).toContain('NGƯỜI ĐÁNH GIÁ');
    expect(EVALUATION_CRITERIA).toHaveLength(3);
    expect(pdfInfo(pdf).pages).toBe(1);
    expectTextInsideMargins(pdf);
  });

  it('puts the three level headings side by side, right of the criteria, in the same order on every row', async () => {
    const pdf = await renderEvaluation(dossier, ctx);
    const words = wordBoxes(pdf);
    const x = (w: string) => words.find((b) => b.text === w)!.xMin;
    // "Rất" (very satisfied) < "Hài" of "Hài lòng" column < "Không" (not satisfied), all right of "Tiêu".
    const hai = words.filter((b) => b.text === 'Hài').map((b) => b.xMin);
    expect(x('Tiêu')).toBeLessThan(x('Rất'));
    expect(x('Rất')).toBeLessThan(Math.max(...hai));
    expect(Math.max(...hai)).toBeLessThan(x('Không'));
  });

  it('leaves blanks for what is not known yet (no result date, no comparison)', async () => {
    const all = flatText(await renderEvaluation({ ...dossier, settledAt: null }, ctx));
    expect(all).toContain('Ngày có kết quả: ……………');
    expect(all).toContain('So với ngày hẹn: ……………');
  });

  it('says "Quá hạn" for a late result', async () => {
    const all = flatText(await renderEvaluation({ ...dossier, settledAt: vn(2025, 3, 19, 10, 0) }, { ...ctx, timing: 'late' }));
    expect(all).toContain('So với ngày hẹn: Quá hạn');
  });
});
