import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { api, createDossier, feesUrl, pay, pdfText } from '../support/fee-fixtures';

// Issue 13 item 1: the appointment slip (giấy tiếp nhận và hẹn trả kết quả) is handed out after the fees due at
// reception are paid — or when the procedure has none, or the director waived them. Until then receipt.pdf answers
// 409 naming the amount, and the fee breakdown says why.
let t: TestApp;
let clerk: string;
let collector: string;
let director: string;
let free: string;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2025-03-14T02:00:00Z') });
  [clerk, collector, director] = await Promise.all([t.login('tn.tp'), t.login('thuphi'), t.login('giamdoc')]);
  free = (await t.db.query<{ code: string }>(`SELECT code FROM procedures WHERE jsonb_array_length(fees) = 0 AND field_code = 'TP' ORDER BY code LIMIT 1`)).rows[0].code;
});
afterAll(async () => t.close());

const slipPdf = (code: string) => api(t, clerk, 'GET', feesUrl(code, '/forms/receipt.pdf'));
const slipStanding = async (code: string) => (await api(t, clerk, 'GET', feesUrl(code, '/fees'))).json().slip;

describe('the appointment slip waits for the fees due at reception', () => {
  it('refused with the amount while 75.000 đ is owed, printed once paid', async () => {
    const d = await createDossier(t, { procedure: '2.000528' });
    const r = await slipPdf(d.code);
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'FEES_DUE_AT_RECEPTION', detail: 'Hồ sơ còn phải nộp 75.000 đ phí, lệ phí khi tiếp nhận: thu trước khi in giấy tiếp nhận và hẹn trả kết quả.' });
    expect(await slipStanding(d.code)).toEqual({ ready: false, dueAtReception: 75_000, reason: r.json().detail });

    await pay(t, collector, d.code, { method: 'cash', amount: 25_000, tendered: 25_000 });
    expect((await slipPdf(d.code)).json().detail).toContain('còn phải nộp 50.000 đ');
    await pay(t, collector, d.code, { method: 'cash', amount: 50_000, tendered: 50_000 });
    const ok = await slipPdf(d.code);
    expect(ok.statusCode).toBe(200);
    expect(pdfText(ok.rawPayload)).toContain(d.code);
    expect(await slipStanding(d.code)).toEqual({ ready: true, dueAtReception: 0, reason: null });
  });

  it('printed at once for a procedure without fees', async () => {
    const d = await createDossier(t, { procedure: free });
    expect((await slipPdf(d.code)).statusCode).toBe(200);
    expect(await slipStanding(d.code)).toMatchObject({ ready: true });
  });

  it('printed once the director waived the fees', async () => {
    const d = await createDossier(t, { procedure: '2.000528' });
    expect((await slipPdf(d.code)).statusCode).toBe(409);
    expect((await api(t, director, 'POST', feesUrl(d.code, '/fees/waive'), { reason: 'Hộ nghèo theo danh sách của UBND phường' })).statusCode).toBe(200);
    expect((await slipPdf(d.code)).statusCode).toBe(200);
  });

  it('an amount by pages not entered yet holds it back too', async () => {
    const d = await createDossier(t, { procedure: '2.000815' });
    const r = await slipPdf(d.code);
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('FEES_UNDETERMINED_AT_RECEPTION');
  });
});
