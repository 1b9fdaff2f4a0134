import { describe, expect, it } from 'vitest';
import { renderRejection } from './rejection';
import { expectOfficialPaper, expectTextInsideMargins, flat, flatText, pdfInfo, pdfText } from '../../../../test/support/forms/pdf';
import { CODE, ctx, dossier, vn } from '../../../../test/support/forms/samples';

const rejectionCtx = { ...ctx, staff: { fullName: 'Trương Văn Phúc', title: 'Giám đốc' }, decidedAt: vn(2025, 3, 14, 15, 40) };

describe('renderRejection (Thông báo hồ sơ không đủ điều kiện giải quyết)', () => {
  it("gives the department's reasons and lists the documents handed back", async () => {
    const reasons = [
      'Ngành, nghề đăng ký thuộc ngành, nghề kinh doanh có điều kiện mà hộ kinh doanh chưa đáp ứng.',
      'Địa điểm kinh doanh nằm trong hành lang bảo vệ an toàn đường bộ.',
    ];
    const pdf = await renderRejection(dossier, { ...rejectionCtx, reasons: reasons.join('\n') });
    const text = expectOfficialPaper(pdf);
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('Về việc hồ sơ không đủ điều kiện giải quyết');
    const all = flatText(pdf);
    expect(all).toContain('Kính gửi: Ông/Bà Nguyễn Thị Hồng Nhung');
    expect(all).toContain(`mã hồ sơ: ${CODE}.`);
    expect(all).toContain('Nội dung yêu cầu giải quyết: Đăng ký thành lập hộ kinh doanh.');
    expect(all).toContain('Ngày 14/03/2025, sau khi thẩm định, Phòng Tài chính - Kế hoạch xác định hồ sơ của Ông/Bà không đủ điều kiện giải quyết');
    const layout = flat(pdfText(pdf));
    expect(layout).toContain(`1. ${reasons[0]}`);
    expect(layout).toContain(`2. ${reasons[1]}`);
    expect(all).toContain('gửi trả lại toàn bộ hồ sơ Ông/Bà đã nộp, gồm:');
    // The four presented documents of the sample, not the one that was not handed in.
    expect(all).toContain('Bản sao hợp đồng thuê địa điểm kinh doanh');
    expect(all).not.toContain('biên bản họp thành viên hộ gia đình');
    expect(all).toContain('có quyền khiếu nại');
    expect(all).toContain('NGƯỜI NHẬN LẠI HỒ SƠ');
    expect(all).toContain('GIÁM ĐỐC');
    expect(pdfInfo(pdf).pages).toBe(1);
    expectTextInsideMargins(pdf);
  });

  it('addresses an organization by name and refuses an empty reason', async () => {
    const org = { ...dossier, applicant: { kind: 'organization' as const, fullName: 'Trần Đình Khoa', orgName: 'Công ty TNHH Phú Bài', taxCode: '3301234567' } };
    const all = flatText(await renderRejection(org, { ...rejectionCtx, reasons: 'Không thuộc đối tượng được cấp phép.' }));
    expect(all).toContain('Kính gửi: Công ty TNHH Phú Bài');
    expect(all).toContain('Quý tổ chức');
    expect(all).toContain('lý do cụ thể như sau: Không thuộc đối tượng được cấp phép.');
    await expect(renderRejection(dossier, { ...rejectionCtx, reasons: '  ' })).rejects.toMatchObject({ code: 'REJECTION_NO_REASON' });
  });
  it("prints a long signer's title whole, on one line, with the two names level", async () => {
    const pdf = await renderRejection(dossier, { ...rejectionCtx, staff: { fullName: 'Trương Văn Phúc', title: 'Trưởng phòng Tài chính - Kế hoạch' }, reasons: 'Thiếu giấy tờ.' });
    const lines = pdfText(pdf).split('\n');
    expect(lines.some((l) => /NGƯỜI NHẬN LẠI HỒ SƠ\s+TRƯỞNG PHÒNG TÀI CHÍNH - KẾ HOẠCH/.test(l))).toBe(true);
    expect(lines.some((l) => /Nguyễn Thị Hồng Nhung\s+Trương Văn Phúc/.test(l))).toBe(true);
    expectTextInsideMargins(pdf);
  });
});
