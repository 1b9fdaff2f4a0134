import { describe, expect, it } from 'vitest';
import { renderReceiptSlip } from './receipt-slip';
import { expectOfficialPaper, expectTextInsideMargins, flat, flatText, pdfInfo, pdfText } from '../../../../test/support/forms/pdf';
import { CODE, ctx, dossier, vn } from '../../../../test/support/forms/samples';

describe('renderReceiptSlip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả)', () => {
  it('lists the documents received, the time limit, the appointment and both signatures on one page', async () => {
    const pdf = await renderReceiptSlip(dossier, ctx);
    const text = expectOfficialPaper(pdf);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Số: 0007/TNHS');
    expect(text).toContain(`Mã hồ sơ: ${CODE}`);
    expect(text).toContain('Ông/Bà: Nguyễn Thị Hồng Nhung');
    expect(text).toContain('Nội dung yêu cầu giải quyết: Đăng ký thành lập hộ kinh doanh');
    expect(text).toMatch(/STT\s+Tên giấy tờ\s+Bản chính\s+Bản sao/);
    expect(text).toContain('3. Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc');
    expect(text).toContain('4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 12/03/2025');
    expect(text).toContain('5. Ngày hẹn trả kết quả: 16 giờ 30 phút, ngày 17/03/2025');
    expect(text).toContain('Vào Sổ theo dõi hồ sơ, Quyển số: 03/2025, Số thứ tự: 0007.');
    expect(text).toMatch(/NGƯỜI NỘP HỒ SƠ\s+NGƯỜI TIẾP NHẬN HỒ SƠ/);
    expect(text).toMatch(/\(Ký, ghi rõ họ tên\)\s+\(Ký, ghi rõ họ tên\)/);
    expect(text).toMatch(/Nguyễn Thị Hồng Nhung\s+Lê Thị Thu Hà/);

    // every presented document, whole (they wrap inside the table), and not the one that was not presented
    const all = flatText(pdf);
    for (const doc of dossier.checklist.filter((c) => c.presented)) expect(all).toContain(flat(doc.name));
    expect(all).not.toContain('biên bản họp thành viên hộ gia đình');
    expect(pdfInfo(pdf).pages).toBe(1);
    expectTextInsideMargins(pdf);
  });

  it('prints a same-day appointment and a given book number', async () => {
    const pdf = await renderReceiptSlip(
      {
        ...dossier,
        procedure: { ...dossier.procedure, timeLimit: { unit: 'same_day', value: 0 } },
        dueAt: vn(2025, 3, 12, 16, 30),
      },
      { ...ctx, bookNumber: '02/2025-KD' },
    );
    const text = pdfText(pdf);
    expect(text).toContain('theo quy định: Trong ngày');
    expect(text).toContain('Ngày hẹn trả kết quả: 16 giờ 30 phút, ngày 12/03/2025');
    expect(text).toContain('Quyển số: 02/2025-KD, Số thứ tự: 0007');
  });

  it('runs a long checklist onto a second page with the table header repeated and margins kept', async () => {
    const checklist = Array.from({ length: 16 }, (_, i) => ({
      name: `Giấy tờ số ${i + 1}: bản sao có chứng thực giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất`,
      original: i % 2,
      copy: 1,
      presented: true,
      mandatory: true,
    }));
    const pdf = await renderReceiptSlip({ ...dossier, checklist }, ctx);
    expect(pdfInfo(pdf).pages).toBe(2);
    const pages = pdfText(pdf).split('\f');
    expect(pages[1]).toMatch(/STT\s+Tên giấy tờ\s+Bản chính\s+Bản sao/);
    expect(pages[1]).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(pages[1]).toContain('Trang 2/2');
    expect(flatText(pdf)).toContain('Giấy tờ số 16:');
    expectTextInsideMargins(pdf);
  });

  it('prints the appointment as the public hours of the due day, and a postal dossier’s postmark as its receipt', async () => {
    const pdf = await renderReceiptSlip(
      { ...dossier, channel: 'post', postmarkedAt: vn(2025, 3, 11, 0, 0) },
      { ...ctx, returnWindow: { day: '2025-03-17', start: '14:00', end: '16:30' } },
    );
    const text = flatText(pdf);
    expect(text).toContain('4. Thời gian nhận hồ sơ: ngày 11/03/2025 (theo dấu ngày đến của bưu điện)');
    expect(text).toContain('5. Ngày hẹn trả kết quả: từ 14 giờ 00 đến 16 giờ 30, thứ Hai, ngày 17/03/2025');
    expect(pdfInfo(pdf).pages).toBe(1);
    expectTextInsideMargins(pdf);
  });
});
