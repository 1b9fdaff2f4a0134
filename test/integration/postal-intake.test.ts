import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, mustAct, waiveFeesForSlip } from '../support/dossiers';
import { flatText } from '../support/forms/pdf';

// Postal intake (Đề án IV.3.1.a, seed-requirements row 9): the receipt date is the postmark of arrival, entered at
// registration (`channel: "post"`, `postmarkedAt`); the due date counts from it. Validated, audited, printed.
// Now: Tuesday 10/03/2026 09:00. Procedure 2.000748: 3 working days.
const clock = new ManualClock(new Date('2026-03-10T09:00:00+07:00'));
let t: TestApp;
let desk: string, clerk: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  [desk, clerk] = await Promise.all([t.login('giamsat'), t.login('tn.tp')]);
});
afterAll(async () => t.close());

let n = 500;
const post = (cookie: string, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie }, payload: { procedure: '2.000748', applicant: applicant(++n), channel: 'post', ...body } });
const pdf = async (code: string, form: string) => flatText((await t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(code)}/forms/${form}.pdf`, headers: { cookie: clerk } })).rawPayload);
const dossierCount = async () => (await t.db.query('SELECT count(*)::int AS n FROM dossiers')).rows[0].n as number;

describe('a dossier sent by post', () => {
  let code: string;

  it('is registered with its postmark, audited, without a queue number', async () => {
    const r = await post(desk, { postmarkedAt: '2026-03-06' });
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json();
    code = d.code;
    expect(d).toMatchObject({ status: 'submitted', channel: 'post', postmarkedAt: '2026-03-05T17:00:00.000Z', ticket: null, dueAt: null });
    expect(d.events[0]).toMatchObject({ action: 'register', data: { channel: 'post', postmarkedAt: '2026-03-05T17:00:00.000Z' } });
    const audit = await t.db.query(`SELECT a.data, u.username FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.action = 'dossier.postmark' AND a.entity_id = $1`, [code]);
    expect(audit.rows).toEqual([{ username: 'giamsat', data: { postmarkedAt: '2026-03-05T17:00:00+00:00', channel: 'post' } }]);
  });

  it('received days later, is due 3 working days after the postmark’s day, not after today', async () => {
    const d = await mustAct(t, clerk, code, 'receive', {});
    // Fri 06/03 → Mon 09, Tue 10, Wed 11 (from today it would be Fri 13/03).
    expect(d).toMatchObject({ status: 'received', receiptDay: '2026-03-06', dueAt: '2026-03-11T10:00:00.000Z', receivedAt: '2026-03-10T02:00:00.000Z' });
    expect(d.events.at(-1)).toMatchObject({ action: 'receive', data: { dueAt: '2026-03-11T10:00:00.000Z', postmarkedAt: '2026-03-05T17:00:00.000Z' } });
  });

  it('prints the postmark on the dossier slip and as the receipt date on the appointment slip', async () => {
    expect(await pdf(code, 'slip')).toContain('Dấu ngày đến của bưu điện: ngày 06/03/2026 (thời hạn giải quyết tính từ ngày này)');
    await waiveFeesForSlip(t, code); // the slip is printed once the reception fees are settled
    const receipt = await pdf(code, 'receipt');
    expect(receipt).toContain('4. Thời gian nhận hồ sơ: ngày 06/03/2026 (theo dấu ngày đến của bưu điện)');
    expect(receipt).toContain('5. Ngày hẹn trả kết quả: từ 14 giờ 00 đến 16 giờ 30, thứ Tư, ngày 11/03/2026');
  });

  it.each([
    ['a Saturday postmark (the center opens Saturday morning): received that day, counted from Monday', '2026-03-07', '2026-03-07', '2026-03-11T10:00:00.000Z'],
    ['a Sunday postmark: received Monday', '2026-03-08', '2026-03-09', '2026-03-12T10:00:00.000Z'],
    ['a postmark with its hour, after office hours: the next day', '2026-03-05T18:10:00+07:00', '2026-03-06', '2026-03-11T10:00:00.000Z'],
  ])('received at once by the counter: %s', async (_label, postmarkedAt, receiptDay, dueAt) => {
    const r = await post(clerk, { postmarkedAt, receive: true });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ status: 'received', receiptDay, dueAt });
  });
});

describe('a wrong postmark is refused and nothing is written', () => {
  it.each([
    [{ postmarkedAt: '2026-03-11' }, 'DOSSIER_POSTMARK_FUTURE', 'Dấu ngày đến của bưu điện không được sau thời điểm hiện tại.'],
    [{ postmarkedAt: '2026-03-10T09:30:00+07:00' }, 'DOSSIER_POSTMARK_FUTURE', 'không được sau'],
    [{ postmarkedAt: '2026-02-05' }, 'DOSSIER_POSTMARK_TOO_OLD', 'sớm hơn 30 ngày'],
    [{ postmarkedAt: '2026-02-30' }, 'DOSSIER_POSTMARK_INVALID', 'Ngày 30/02/2026 không tồn tại.'],
    [{ postmarkedAt: '06/03/2026' }, 'DOSSIER_POSTMARK_INVALID', 'YYYY-MM-DD'],
    [{ postmarkedAt: '2026-03-06', channel: 'direct' }, 'DOSSIER_POSTMARK_NOT_POST', 'Chỉ hồ sơ nộp qua bưu chính'],
    [{ postmarkedAt: '2026-03-06', backEntry: { receivedAt: '2026-03-09T09:00:00+07:00', reason: 'Mất điện cả buổi sáng' } }, 'DOSSIER_POSTMARK_BACK_ENTRY', 'nhập bù'],
  ])('%j → 400 %s', async (body, code, detail) => {
    const before = await dossierCount();
    const r = await post(clerk, body);
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ code, detail: expect.stringContaining(detail) });
    expect(await dossierCount()).toBe(before);
  });
});
