import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { api, createDossier, feesUrl, pay } from '../support/fee-fixtures';

// Issue 13 item 1: a result is not handed over while fees are owed (409 naming the amount, nothing changed); a
// director may waive with a reason (audited, shown on the dossier), after which it is.
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

const resolved = (procedure: string) => createDossier(t, { procedure, status: 'resolved' });
const giveBack = (code: string, cookie = clerk) => api(t, cookie, 'POST', feesUrl(code, '/return'), { method: 'counter' });
const statusOf = async (code: string) => (await t.db.query<{ status: string }>('SELECT status FROM dossiers WHERE code = $1', [code])).rows[0].status;

describe('handing over a result', () => {
  it.each([
    ['a procedure without fees', async () => (await resolved(free)).code, 200, null],
    ['75.000 đ owed, nothing paid', async () => (await resolved('2.000528')).code, 409, 'Hồ sơ còn phải nộp 75.000 đ phí, lệ phí'],
    ['partly paid: 50.000 đ still owed', async () => {
      const d = await resolved('2.000528');
      await pay(t, collector, d.code, { method: 'cash', amount: 25_000, tendered: 25_000 });
      return d.code;
    }, 409, 'Hồ sơ còn phải nộp 50.000 đ phí, lệ phí'],
    ['paid in full', async () => {
      const d = await resolved('2.000528');
      await pay(t, collector, d.code, { method: 'cash', amount: 75_000, tendered: 100_000 });
      return d.code;
    }, 200, null],
    ['an amount by pages not entered yet', async () => (await resolved('2.000815')).code, 409, 'Phí, lệ phí của hồ sơ chưa xác định'],
  ])('%s', async (_name, make, status, message) => {
    const code = await make();
    const r = await giveBack(code);
    expect(r.statusCode, r.body).toBe(status);
    if (message) {
      expect(r.json().detail).toContain(message);
      expect(await statusOf(code)).toBe('resolved'); // nothing changed
    } else expect(await statusOf(code)).toBe('returned');
  });

  it('a director waives what is owed, with a reason; the dossier shows it and the result can go', async () => {
    const { code } = await resolved('2.000528');
    expect((await api(t, collector, 'POST', feesUrl(code, '/fees/waive'), { reason: 'Hộ nghèo theo danh sách của UBND phường' })).statusCode).toBe(403);
    const short = await api(t, director, 'POST', feesUrl(code, '/fees/waive'), { reason: 'hộ nghèo' });
    expect(short.statusCode).toBe(400);
    expect(short.json().detail).toMatch(/[ạ-ỹ]/);
    const w = await api(t, director, 'POST', feesUrl(code, '/fees/waive'), { reason: 'Hộ nghèo theo danh sách của UBND phường' });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().waiver).toMatchObject({ amount: 75_000, reason: 'Hộ nghèo theo danh sách của UBND phường', by: 'Lê Quang Mai' });
    expect((await api(t, collector, 'GET', feesUrl(code, '/fees'))).json()).toMatchObject({ due: 75_000, waiver: { amount: 75_000 } });
    const again = await api(t, director, 'POST', feesUrl(code, '/fees/waive'), { reason: 'Hộ nghèo theo danh sách của UBND phường' });
    expect(again.statusCode).toBe(409);
    const audit = await t.db.query(`SELECT data FROM audit_log WHERE action = 'fees.waiver.create' AND entity_id = $1`, [code]);
    expect(audit.rows).toEqual([{ data: { amount: 75_000, reason: 'Hộ nghèo theo danh sách của UBND phường' } }]);
    expect((await giveBack(code)).statusCode).toBe(200);
  });

  it('nothing to waive when nothing is owed', async () => {
    const { code } = await resolved(free);
    expect((await api(t, director, 'POST', feesUrl(code, '/fees/waive'), { reason: 'Không có gì để miễn thu cả' })).statusCode).toBe(409);
  });

  it('two clerks handing over the same paid result at once: one does, the other is told', async () => {
    const d = await resolved('2.000528');
    await pay(t, collector, d.code, { method: 'cash', amount: 75_000, tendered: 75_000 });
    const other = await t.login('tn.tp');
    const [a, b] = await Promise.all([giveBack(d.code), giveBack(d.code, other)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1 AND e.action = 'return'`, [d.code])).rows[0].n).toBe(1);
  });
});
