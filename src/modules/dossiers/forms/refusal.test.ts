import { describe, expect, it } from 'vitest';
import { renderRefusal } from './refusal';
import { expectOfficialPaper, expectTextInsideMargins, flat, pdfInfo, pdfText } from '../../../../test/support/forms/pdf';
import { CODE, ctx, dossier } from '../../../../test/support/forms/samples';

describe('renderRefusal (Phiếu từ chối tiếp nhận giải quyết hồ sơ)', () => {
  it('states the specific reasons in writing', async () => {
    const reasons = [
      'Địa điểm kinh doanh đăng ký thuộc khu vực đã có quyết định thu hồi đất để thực hiện dự án.',
      'Tên hộ kinh doanh dự kiến đăng ký trùng hoàn toàn với tên hộ kinh doanh đã đăng ký trong phạm vi thị xã.',
    ];
    const pdf = await renderRefusal(dossier, { ...ctx, reasons: reasons.join('\n') });
    const text = expectOfficialPaper(pdf);
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${CODE}`);
    const all = flat(pdfText(pdf));
    expect(all).toContain('Ông/Bà: Nguyễn Thị Hồng Nhung');
    expect(all).toContain('Nội dung yêu cầu giải quyết: Đăng ký thành lập hộ kinh doanh');
    expect(all).toContain('từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:');
    expect(all).toContain(`1. ${reasons[0]}`);
    expect(all).toContain(`2. ${reasons[1]}`);
    expect(all).toContain('Xin thông báo để Ông/Bà được biết và thực hiện./.');
    expect(all).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(pdfInfo(pdf).pages).toBe(1);
    expectTextInsideMargins(pdf);
  });

  it('prints a single reason as a paragraph and refuses an empty one', async () => {
    const pdf = await renderRefusal(dossier, { ...ctx, reasons: 'Thủ tục không thuộc thẩm quyền giải quyết của UBND thị xã.' });
    const all = flat(pdfText(pdf));
    expect(all).toContain('như sau: Thủ tục không thuộc thẩm quyền giải quyết của UBND thị xã.');
    expect(all).not.toContain('1. Thủ tục');
    await expect(renderRefusal(dossier, { ...ctx, reasons: ' \n ' })).rejects.toMatchObject({ code: 'REFUSAL_NO_REASON' });
  });
});
