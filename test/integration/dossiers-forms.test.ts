import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { flatText, pdfInfo } from '../support/forms/pdf';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, mustAct, register, waiveFeesForSlip } from '../support/dossiers';

// Wednesday 12/03/2025 09:00 in Hương Thủy.
const clock = new ManualClock(new Date('2025-03-12T02:00:00Z'));
let t: TestApp;
let clerk: string, cv: string, ld: string, director: string;
beforeAll(async () => {
  t = await createTestApp({ clock });
  [clerk, cv, ld, director] = await Promise.all(['tn.tp', 'cv.tp', 'ld.tp', 'giamdoc'].map((u) => t.login(u)));
});
afterAll(async () => t.close());

const form = async (code: string, name: string, cookie = clerk) => t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(code)}/forms/${name}.pdf`, headers: { cookie } });
const text = async (code: string, name: string, cookie = clerk) => {
  const r = await form(code, name, cookie);
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  expect(r.headers['content-type']).toContain('application/pdf');
  return flatText(r.rawPayload);
};

describe('statutory forms of a dossier', () => {
  it('dossier slip and receipt-and-appointment slip carry the code, the applicant and the appointment', async () => {
    const d = await register(t, clerk, { applicant: { ...applicant(701), fullName: 'Nguyễn Thị Hồng Nhung' } });
    const slip = await text(d.code, 'slip');
    expect(slip).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(slip).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(slip).toContain(d.code);
    expect(slip).toContain('Nguyễn Thị Hồng Nhung');
    expect(slip).toContain('UBND THỊ XÃ HƯƠNG THỦY');
    expect((await form(d.code, 'receipt')).statusCode).toBe(409); // not received yet
    await mustAct(t, clerk, d.code, 'receive', {});
    await waiveFeesForSlip(t, d.code); // the slip is printed once the reception fees are settled
    const receipt = await text(d.code, 'receipt');
    expect(receipt).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(receipt).toContain('Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch');
    // 3 working days from Wed 12/03 → Mon 17/03 17:00 (the legal deadline), printed as the afternoon public hours.
    expect(receipt).toContain('5. Ngày hẹn trả kết quả: từ 14 giờ 00 đến 16 giờ 30, thứ Hai, ngày 17/03/2025');
    // Decree 30/2020: a leading zero only for January and February.
    expect(receipt).toContain('Hương Thủy, ngày 12 tháng 3 năm 2025');
  });

  it('supplement request lists exactly what is missing; refusal gives the reasons', async () => {
    const d = await register(t, clerk);
    expect((await form(d.code, 'supplement')).statusCode).toBe(409);
    await mustAct(t, clerk, d.code, 'request-supplement', { reason: 'Hồ sơ chưa đầy đủ', missing: ['Bản sao Giấy khai sinh có chứng thực', 'Tờ khai ký đủ họ tên'] });
    const s = await text(d.code, 'supplement');
    expect(s).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(s).toContain('Bản sao Giấy khai sinh có chứng thực');
    expect(s).toContain('Tờ khai ký đủ họ tên');
    await mustAct(t, clerk, d.code, 'refuse', { reason: 'Yêu cầu không thuộc thẩm quyền giải quyết của UBND cấp huyện' });
    const r = await text(d.code, 'refusal');
    expect(r).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(r).toContain('Yêu cầu không thuộc thẩm quyền giải quyết của UBND cấp huyện');
  });

  it('apology with the new appointment after an extension; control slip with one row per hand-off', async () => {
    const d = await register(t, clerk);
    await mustAct(t, clerk, d.code, 'receive', {});
    await mustAct(t, clerk, d.code, 'transfer', {});
    expect((await form(d.code, 'apology')).statusCode).toBe(409);
    await mustAct(t, cv, d.code, 'complete-step', { note: 'Trình ký' });
    await mustAct(t, director, d.code, 'extend', { reason: 'Cần xác minh thêm thông tin hộ tịch', newDueAt: '2025-03-20T17:00:00+07:00' });
    const a = await text(d.code, 'apology');
    expect(a).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(a).toContain('Cần xác minh thêm thông tin hộ tịch');
    expect(a).toContain('20/03/2025');
    expect(a).toContain('17/03/2025');
    await mustAct(t, ld, d.code, 'complete-step', {});
    await mustAct(t, cv, d.code, 'resolve', {});
    const c = await text(d.code, 'control', director);
    expect(c).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(c).toContain('Phòng Tư pháp');
    expect(c).toContain('Bộ phận Tiếp nhận và Trả kết quả');
    expect(c).toMatch(/Trước hạn|Đúng hạn/);
  });

  it('the specialist prints the control slip of a dossier in their department; another center cannot', async () => {
    const d = await register(t, clerk);
    await mustAct(t, clerk, d.code, 'receive', {});
    await mustAct(t, clerk, d.code, 'transfer', {});
    expect((await form(d.code, 'control', cv)).statusCode).toBe(200);
    expect((await form(d.code, 'control', await t.login('tn.tp.hue'))).statusCode).toBe(403);
  });

  it('an unknown form is a 400', async () => {
    const d = await register(t, clerk);
    const r = await t.app.inject({ url: `/api/v1/dossiers/${d.code}/forms/hack.pdf`, headers: { cookie: clerk } });
    expect(r.statusCode).toBe(400);
  });
});

describe('tracking book', () => {
  it('lists the received dossiers of a period as PDF and Excel', async () => {
    const r = await t.app.inject({ url: '/api/v1/dossiers/tracking-book/book.pdf?from=2025-03-01&to=2025-03-31', headers: { cookie: clerk } });
    expect(r.statusCode).toBe(200);
    // A long code may wrap after a hyphen in its narrow column.
    const txt = flatText(r.rawPayload).replace(/- /g, '-');
    expect(txt).toContain('SỔ THEO DÕI HỒ SƠ');
    const received = (await t.db.query("SELECT code FROM dossiers WHERE received_at IS NOT NULL AND code LIKE '000.00.15.H57-%'")).rows;
    expect(received.length).toBeGreaterThan(0);
    for (const { code } of received) expect(txt).toContain(code);
    const info = pdfInfo(r.rawPayload);
    expect(info.pages).toBeGreaterThanOrEqual(1);
    expect(info.width).toBeGreaterThan(info.height); // landscape
    const x = await t.app.inject({ url: '/api/v1/dossiers/tracking-book/book.xlsx?from=2025-03-01&to=2025-03-31', headers: { cookie: clerk } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    for (const { code } of received) expect(cells).toContain(code);
  });

  it('rejects a reversed range', async () => {
    const r = await t.app.inject({ url: '/api/v1/dossiers/tracking-book/book.pdf?from=2025-03-31&to=2025-03-01', headers: { cookie: clerk } });
    expect(r.statusCode).toBe(400);
  });
});
