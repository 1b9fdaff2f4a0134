// The papers of the return counter: which case applies and what it prints — the satisfaction form with every
// result, the apology for a late result or a missed appointment (with or without an extension), and the
// "not eligible" letter for a rejected dossier.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { flatText } from '../support/forms/pdf';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, mustAct, register } from '../support/dossiers';
import { pdfQrCodes } from '../support/fee-fixtures';

// Wednesday 12/03/2025 09:00 in Hương Thủy; procedure 2.000748 takes 3 working days → due Mon 17/03 17:00.
const START = new Date('2025-03-12T02:00:00Z');
const clock = new ManualClock(START);
let t: TestApp;
let clerk: string, cv: string, ld: string;
/** Sessions end after 30 idle minutes of the manual clock: sign in again after every jump. */
const signIn = async () => {
  [clerk, cv, ld] = await Promise.all(['tn.tp', 'cv.tp', 'ld.tp'].map((u) => t.login(u)));
};
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t.close());
beforeEach(async () => {
  clock.set(START);
  await signIn();
});

const at = async (iso: string) => {
  clock.set(new Date(iso));
  await signIn();
};
const form = (code: string, name: string, cookie = clerk) => t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(code)}/forms/${name}.pdf`, headers: { cookie } });
async function text(code: string, name: string, cookie = clerk) {
  const r = await form(code, name, cookie);
  expect(r.statusCode, `${name}: ${r.body.slice(0, 300)}`).toBe(200);
  expect(r.headers['content-type']).toContain('application/pdf');
  return flatText(r.rawPayload);
}
async function returnCase(code: string) {
  const r = await t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(code)}/return-case`, headers: { cookie: clerk } });
  expect(r.statusCode).toBe(200);
  return r.json() as { case: string; documents: string[] };
}

/** Registered, received and handed to the department at 12/03 09:00, at step 1 (specialist). */
async function atDepartment(n: number) {
  const d = await register(t, clerk, { applicant: { ...applicant(n), fullName: 'Phan Thị Ngọc Ánh' } });
  await mustAct(t, clerk, d.code, 'receive', {});
  await mustAct(t, clerk, d.code, 'transfer', {});
  return d.code as string;
}
async function resolve(code: string) {
  await mustAct(t, cv, code, 'complete-step', {});
  await mustAct(t, ld, code, 'complete-step', {});
  await mustAct(t, cv, code, 'resolve', { resultSummary: 'Trích lục đã ký' });
}

describe('return counter papers', () => {
  it('on time: result and the satisfaction form; no apology, no rejection letter', async () => {
    const code = await atDepartment(801);
    await at('2025-03-14T03:00:00Z'); // Fri 14/03 10:00
    await resolve(code);
    const rc = await returnCase(code);
    expect(rc.case).toBe('on_time');
    expect(rc.documents).toEqual(['result', 'evaluation']);
    const ev = await text(code, 'evaluation');
    expect(ev).toContain('PHIẾU ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG');
    // Issue 14: the QR is the dossier's single-use rating link, and the note says so.
    const { url } = (await t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(code)}/evaluation-link`, headers: { cookie: clerk } })).json() as { url: string };
    expect(pdfQrCodes((await form(code, 'evaluation')).rawPayload)).toEqual([url]);
    expect(ev).toContain('đánh giá trực tuyến bằng mã QR ở góc trên (dùng một lần)');
    expect(ev).toContain(code);
    expect(ev).toContain('Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch');
    expect(ev).toContain('Ngày tiếp nhận: 12/03/2025');
    expect(ev).toContain('Ngày hẹn trả kết quả: 17/03/2025');
    expect(ev).toContain('Ngày có kết quả: 14/03/2025');
    expect(ev).toMatch(/So với ngày hẹn: (Đúng hạn|Trước hạn)/);
    expect(ev).toContain('Rất hài lòng');
    expect(ev).toContain('Không hài lòng');
    expect(ev).toContain('Thái độ phục vụ của cán bộ, công chức, viên chức');
    expect((await form(code, 'apology')).statusCode).toBe(409);
    expect((await form(code, 'rejection')).statusCode).toBe(409);
  });

  it('resolved after the due date without an extension: the apology for the late result prints', async () => {
    const code = await atDepartment(802);
    expect((await form(code, 'evaluation')).statusCode).toBe(409); // no result yet
    await at('2025-03-18T03:00:00Z'); // Tue 18/03 10:00, a day late
    await resolve(code);
    const rc = await returnCase(code);
    expect(rc.case).toBe('late');
    expect(rc.documents).toEqual(['result', 'apology', 'evaluation']);
    const a = await text(code, 'apology');
    expect(a).toContain('PHIẾU XIN LỖI');
    expect(a).toContain('(Về việc trả kết quả giải quyết hồ sơ chậm so với ngày hẹn)');
    expect(a).toContain('Kính gửi: Ông/Bà Phan Thị Ngọc Ánh');
    expect(a).toContain('Thời hạn trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 17/03/2025.');
    expect(a).toContain('đã được giải quyết xong vào 10 giờ 00 phút, ngày 18/03/2025, chậm so với thời hạn hẹn trả kết quả.');
    expect(a).toContain('Phòng Tư pháp thành thật xin lỗi Ông/Bà');
    expect(a).not.toContain('HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(await text(code, 'evaluation')).toContain('So với ngày hẹn: Quá hạn');
    // Still printable after the handover.
    await mustAct(t, clerk, code, 'return', {});
    expect((await form(code, 'apology')).statusCode).toBe(200);
  });

  it('appointment missed, not extended: the apology with the date the department proposed in time', async () => {
    const code = await atDepartment(803);
    await at('2025-03-14T03:00:00Z');
    await mustAct(t, cv, code, 'report-late', { reason: 'Chờ UBND xã xác minh nơi cư trú', proposedDueAt: '2025-03-20T17:00:00+07:00' });
    expect((await form(code, 'apology')).statusCode).toBe(409); // not late yet
    await at('2025-03-17T10:30:00Z'); // Mon 17/03 17:30, past the due date
    const rc = await returnCase(code);
    expect(rc.case).toBe('not_resolved');
    expect(rc.documents).toEqual(['apology', 'extension']);
    const a = await text(code, 'apology');
    expect(a).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(a).toContain('chưa được giải quyết xong. Lý do: Chờ UBND xã xác minh nơi cư trú.');
    expect(a).toContain('hẹn trả kết quả giải quyết hồ sơ vào: 17 giờ 00 phút, ngày 20/03/2025.');
    expect((await form(code, 'evaluation')).statusCode).toBe(409);
  });

  it('appointment missed with no warning: the new date is left for the clerk to write in', async () => {
    const code = await atDepartment(804);
    await at('2025-03-18T02:00:00Z');
    const a = await text(code, 'apology');
    expect(a).toContain('hẹn trả kết quả giải quyết hồ sơ vào: …… giờ …… phút, ngày ……/……/………');
  });

  it('rejected: the not-eligible letter with the reasons and the documents handed back; evaluation refused', async () => {
    const code = await atDepartment(805);
    expect((await form(code, 'rejection')).statusCode).toBe(409);
    await at('2025-03-13T07:00:00Z');
    await mustAct(t, ld, code, 'reject', { reason: 'Người yêu cầu không có quyền yêu cầu cải chính hộ tịch của người khác.\nThiếu văn bản ủy quyền hợp lệ.' });
    const rc = await returnCase(code);
    expect(rc.case).toBe('rejected');
    expect(rc.documents).toEqual(['rejection']);
    const r = await text(code, 'rejection');
    expect(r).toContain('THÔNG BÁO');
    expect(r).toContain('Về việc hồ sơ không đủ điều kiện giải quyết');
    expect(r).toContain('Ngày 13/03/2025, sau khi thẩm định, Phòng Tư pháp xác định hồ sơ của Ông/Bà không đủ điều kiện giải quyết');
    expect(r).toContain('Người yêu cầu không có quyền yêu cầu cải chính hộ tịch của người khác.');
    expect(r).toContain('Thiếu văn bản ủy quyền hợp lệ.');
    expect(r).toContain('gửi trả lại toàn bộ hồ sơ Ông/Bà đã nộp');
    expect(r).toContain('NGƯỜI NHẬN LẠI HỒ SƠ');
    expect((await form(code, 'evaluation')).statusCode).toBe(409);
    await mustAct(t, clerk, code, 'return', {});
    expect((await form(code, 'rejection')).statusCode).toBe(200);
  });

  it('the department prints the rejection of its own dossier; another center cannot', async () => {
    const code = await atDepartment(806);
    await mustAct(t, ld, code, 'reject', { reason: 'Không thuộc thẩm quyền.' });
    expect((await form(code, 'rejection', ld)).statusCode).toBe(200);
    expect((await form(code, 'rejection', await t.login('tn.tp.hue'))).statusCode).toBe(403);
  });
});
