import { describe, expect, it } from 'vitest';
import { renderApology } from './apology';
import { expectOfficialPaper, expectTextInsideMargins, flatText, pdfInfo } from '../../../../test/support/forms/pdf';
import { CODE, ctx, dossier, vn } from '../../../../test/support/forms/samples';

const apologyCtx = {
  ...ctx,
  staff: { fullName: 'Trương Văn Phúc', title: 'Giám đốc' },
  reason: 'Cần xác minh thực địa địa điểm kinh doanh do có đơn phản ánh tranh chấp mặt bằng',
  newDueAt: vn(2025, 3, 20, 16, 30),
  responsibleUnit: 'Phòng Tài chính - Kế hoạch',
};

describe('renderApology (Phiếu xin lỗi và hẹn lại ngày trả kết quả)', () => {
  it('gives the original date, the reason and the new date, signed by the head of the center', async () => {
    const pdf = await renderApology({ ...dossier, originalDueAt: vn(2025, 3, 17, 16, 30), dueAt: vn(2025, 3, 20, 16, 30) }, apologyCtx);
    const text = expectOfficialPaper(pdf);
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Kính gửi: Ông/Bà Nguyễn Thị Hồng Nhung');
    const all = flatText(pdf);
    expect(all).toContain(`Ngày 12/03/2025, Trung tâm Hành chính công thị xã Hương Thủy tiếp nhận giải quyết hồ sơ của Ông/Bà, mã hồ sơ: ${CODE}.`);
    expect(all).toContain('Thời hạn trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 17/03/2025.');
    expect(all).toContain(`Lý do: ${apologyCtx.reason}.`);
    expect(all).toContain('Phòng Tài chính - Kế hoạch thành thật xin lỗi Ông/Bà');
    expect(all).toContain('hẹn trả kết quả giải quyết hồ sơ vào: 16 giờ 30 phút, ngày 20/03/2025.');
    expect(all).toContain('GIÁM ĐỐC');
    expect(all).toContain('(Ký, ghi rõ họ tên, đóng dấu)');
    expect(all).toContain('Trương Văn Phúc');
    expect(all).toContain('Nơi nhận:');
    expect(pdfInfo(pdf).pages).toBe(1);
    expectTextInsideMargins(pdf);
  });

  it('uses the due date when there is no original one, and addresses an organization by name', async () => {
    const pdf = await renderApology(
      { ...dossier, originalDueAt: null, applicant: { kind: 'organization', fullName: 'Trần Đình Khoa', orgName: 'Công ty TNHH Phú Bài' } },
      apologyCtx,
    );
    const all = flatText(pdf);
    expect(all).toContain('Kính gửi: Công ty TNHH Phú Bài');
    expect(all).toContain('Quý tổ chức');
    expect(all).toContain('Thời hạn trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 17/03/2025.');
  });

  it('refuses a new date that is not later than the original one', async () => {
    await expect(renderApology(dossier, { ...apologyCtx, newDueAt: vn(2025, 3, 17, 16, 30) })).rejects.toMatchObject({
      code: 'APOLOGY_BAD_NEW_DATE',
    });
  });
});

describe('renderApology for a late result (no new appointment)', () => {
  it('says when the result was settled and apologizes for the delay, without a new date', async () => {
    const pdf = await renderApology({ ...dossier, settledAt: vn(2025, 3, 19, 10, 15) }, { ...apologyCtx, newDueAt: null, settledAt: vn(2025, 3, 19, 10, 15) });
    const text = expectOfficialPaper(pdf);
    expect(text).toContain('PHIẾU XIN LỖI');
    expect(text).not.toContain('HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    const all = flatText(pdf);
    expect(all).toContain('(Về việc trả kết quả giải quyết hồ sơ chậm so với ngày hẹn)');
    expect(all).toContain('Thời hạn trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 17/03/2025.');
    expect(all).toContain('đã được giải quyết xong vào 10 giờ 15 phút, ngày 19/03/2025, chậm so với thời hạn hẹn trả kết quả.');
    expect(all).toContain(`Lý do: ${apologyCtx.reason}.`);
    expect(all).toContain('thành thật xin lỗi Ông/Bà và kính mời Ông/Bà nhận kết quả giải quyết hồ sơ.');
    expect(all).not.toContain('hẹn trả kết quả giải quyết hồ sơ vào');
    expect(pdfInfo(pdf).pages).toBe(1);
    expectTextInsideMargins(pdf);
  });

  it('after an extension that was missed too, names both appointments', async () => {
    const all = flatText(await renderApology(
      { ...dossier, originalDueAt: vn(2025, 3, 17, 16, 30), dueAt: vn(2025, 3, 20, 16, 30) },
      { ...apologyCtx, newDueAt: null, settledAt: vn(2025, 3, 21, 9, 0) },
    ));
    expect(all).toContain('Thời hạn trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 17/03/2025.');
    expect(all).toContain('Ngày hẹn trả kết quả sau khi gia hạn: 16 giờ 30 phút, ngày 20/03/2025.');
    expect(all).toContain('giải quyết xong vào 09 giờ 00 phút, ngày 21/03/2025, chậm so với thời hạn');
  });

  it('late only by repeated supplements: on time by the dates, so it says why instead', async () => {
    const all = flatText(await renderApology(dossier, { ...apologyCtx, reason: '', newDueAt: null, settledAt: vn(2025, 3, 17, 10, 0), lateBySupplement: true }));
    expect(all).toContain('đã phải bổ sung, hoàn thiện hồ sơ nhiều lần');
    expect(all).toContain('Lý do: ……………');
  });

  it('overdue without an extension: the new appointment is a blank to write in', async () => {
    const all = flatText(await renderApology(dossier, { ...apologyCtx, newDueAt: null }));
    expect(all).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(all).toContain('hẹn trả kết quả giải quyết hồ sơ vào: …… giờ …… phút, ngày ……/……/………');
  });
});
