import { describe, expect, it } from 'vitest';
import { renderSupplementRequest } from './supplement-request';
import { expectOfficialPaper, expectTextInsideMargins, flat, pdfInfo, pdfText } from '../../../../test/support/forms/pdf';
import { CODE, ctx, dossier } from '../../../../test/support/forms/samples';

const missing = [
  'Bản sao hợp lệ biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh, có chữ ký của tất cả thành viên',
  'Giấy đề nghị đăng ký hộ kinh doanh: ghi đầy đủ ngành, nghề kinh doanh theo mã ngành kinh tế cấp bốn',
  'Bản sao hợp đồng thuê địa điểm kinh doanh còn hiệu lực',
];
const reason = 'Thành phần hồ sơ chưa đầy đủ theo quy định tại Điều 87 Nghị định số 01/2021/NĐ-CP.';

describe('renderSupplementRequest (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ)', () => {
  it('numbers exactly what is missing, gives the reason and whom to ask; no apology the first time', async () => {
    const pdf = await renderSupplementRequest(dossier, { ...ctx, missing, reason, requestNumber: 1 });
    const text = expectOfficialPaper(pdf);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${CODE}`);
    expect(text).toContain('(lần thứ 01)');
    expect(text).toContain('Ông/Bà: Nguyễn Thị Hồng Nhung');
    const all = flat(pdfText(pdf));
    expect(all).toContain('Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:');
    missing.forEach((m, i) => expect(all).toContain(`${i + 1}. ${m}`));
    expect(all).not.toContain('4. ');
    expect(all).toContain(`Lý do: ${reason}`);
    expect(all).toContain('liên hệ Lê Thị Thu Hà, Trung tâm Hành chính công thị xã Hương Thủy, số điện thoại 0234 3861 234');
    expect(all).toContain('NGƯỜI HƯỚNG DẪN');
    expect(all).not.toContain('xin lỗi');
    expect(pdfInfo(pdf).pages).toBe(1);
    expectTextInsideMargins(pdf);
  });

  it('adds the apology paragraph from the second request on', async () => {
    const pdf = await renderSupplementRequest(dossier, { ...ctx, missing: missing.slice(0, 1), reason, requestNumber: 2 });
    const all = flat(pdfText(pdf));
    expect(all).toContain('(lần thứ 02)');
    expect(all).toContain('Lời xin lỗi:');
    expect(all).toContain('thành thật xin lỗi Ông/Bà vì hồ sơ phải bổ sung, hoàn thiện đến lần thứ 02');
  });

  it('prints the apology it is given', async () => {
    const apology = 'Trung tâm xin lỗi Ông/Bà vì lần kiểm tra trước đã không phát hiện thiếu biên bản họp gia đình.';
    const pdf = await renderSupplementRequest(dossier, { ...ctx, missing, reason, requestNumber: 3, apology });
    const all = flat(pdfText(pdf));
    expect(all).toContain(apology);
    expect(all).toContain('(lần thứ 03)');
  });

  it('refuses a request that names nothing missing', async () => {
    await expect(renderSupplementRequest(dossier, { ...ctx, missing: ['  '], reason, requestNumber: 1 })).rejects.toMatchObject({
      code: 'SUPPLEMENT_NOTHING_MISSING',
    });
  });
});
