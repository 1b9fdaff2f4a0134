import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, register, waiveFeesForSlip } from '../support/dossiers';
import { flatText } from '../support/forms/pdf';

// The center setting "sáng thứ Bảy tính vào thời hạn" (Quy chế art. 2.7, seed-requirements row 18): off by default
// (national rules); set by the administrator on one center, it moves that center's due dates, its appointment slips
// and its reports (overdue time), and nothing at another center. 2026: Tue 10/03, Thu 12/03, Sat 14/03, Mon 16/03.
const HT = '000.00.15.H57';
const HUE = '000.00.11.H57';
const clock = new ManualClock(new Date('2026-03-10T10:00:00+07:00'));
let t: TestApp;
let ht: { id: string };
const login = (u: string) => t.login(u);

beforeAll(async () => {
  t = await createTestApp({ clock });
  ht = (await t.app.inject({ url: '/api/v1/centers' })).json().items.find((c: { code: string }) => c.code === HT);
});
afterAll(async () => t.close());

const at = (local: string) => clock.set(new Date(`${local.replace(' ', 'T')}:00+07:00`));
const due = async (center: string, receivedAt: string, value: number) =>
  (await t.app.inject({ url: `/api/v1/calendar/due-date?center=${center}&unit=working_days&value=${value}&receivedAt=${encodeURIComponent(`${receivedAt.replace(' ', 'T')}:00+07:00`)}` })).json();
const patchCenter = async (payload: object) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/admin/centers/${ht.id}`, headers: { cookie: await login('admin') }, payload });
const overdueDays = async (code: string) => {
  const d = (await t.app.inject({ url: '/api/v1/dashboard', headers: { cookie: await login('giamdoc') } })).json();
  return d.mostOverdue.find((x: { code: string }) => x.code === code)?.overdueWorkingDays;
};

let late: string;

describe('with the national rules (the default)', () => {
  it('Thursday + 3 working days is Tuesday; the center says the setting is off', async () => {
    expect(await due(HT, '2026-03-12 10:00', 3)).toMatchObject({ dueAt: '2026-03-17T10:00:00.000Z', returnWindow: { day: '2026-03-17', start: '14:00', end: '16:30' } });
    const c = (await t.app.inject({ url: '/api/v1/centers' })).json().items.find((x: { code: string }) => x.code === HT);
    expect(c).toMatchObject({ saturdayMorningOpen: true, saturdayMorningCounts: false });
  });

  it('a dossier due Friday 17:00 is 2 working hours overdue on Monday at 09:00 (Saturday not counted)', async () => {
    at('2026-03-10 10:00');
    const clerk = await login('tn.tp');
    const d = await register(t, clerk, { applicant: applicant(801), receive: true });
    expect(d.dueAt).toBe('2026-03-13T10:00:00.000Z');
    late = d.code;
    at('2026-03-16 09:00');
    expect(await overdueDays(late)).toBe(0.3); // 120 min / 480
  });
});

describe('the administrator counts Saturday morning at one center', () => {
  it('PATCH sets only that field, and is audited', async () => {
    at('2026-03-16 09:00');
    const r = await patchCenter({ saturdayMorningCounts: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ code: HT, saturdayMorningOpen: true, saturdayMorningCounts: true });
    const audit = await t.db.query(`SELECT data FROM audit_log WHERE action = 'center.update' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [ht.id]);
    expect(audit.rows[0].data).toEqual({ saturdayMorningCounts: true });
    const days = (await t.app.inject({ url: `/api/v1/calendar/days?year=2026&center=${HT}` })).json();
    expect(days).toMatchObject({ saturdayMorningOpen: true, saturdayMorningCounts: true });
  });

  it('Thursday + 3 working days is Monday (row 18); + 2 is Saturday 11:30, returned 07:30–11:00; Huế keeps the national rules', async () => {
    expect(await due(HT, '2026-03-12 10:00', 3)).toMatchObject({ dueAt: '2026-03-16T10:00:00.000Z', returnWindow: { day: '2026-03-16', start: '14:00', end: '16:30' } });
    expect(await due(HT, '2026-03-12 10:00', 2)).toMatchObject({ dueAt: '2026-03-14T04:30:00.000Z', returnWindow: { day: '2026-03-14', start: '07:30', end: '11:00' } });
    expect((await due(HUE, '2026-03-12 10:00', 3)).dueAt).toBe('2026-03-17T10:00:00.000Z');
  });

  it('a dossier received on Thursday is due on Monday, and its appointment slip says so', async () => {
    at('2026-03-19 10:00');
    const clerk = await login('tn.tp');
    const d = await register(t, clerk, { applicant: applicant(802), receive: true });
    expect(d.dueAt).toBe('2026-03-23T10:00:00.000Z');
    expect(d.returnWindow).toMatchObject({ day: '2026-03-23', start: '14:00', end: '16:30' });
    await waiveFeesForSlip(t, d.code);
    const pdf = await t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(d.code)}/forms/receipt.pdf`, headers: { cookie: clerk } });
    expect(flatText(pdf.rawPayload)).toContain('5. Ngày hẹn trả kết quả: từ 14 giờ 00 đến 16 giờ 30, thứ Hai, ngày 23/03/2026');
  });

  it('the reports count the Saturday morning: the same dossier is 6.5 working hours overdue on Monday 09:00', async () => {
    at('2026-03-16 09:00');
    expect(await overdueDays(late)).toBe(0.8); // (270 + 120) min / 480
  });

  it('refuses to count Saturday morning where the center does not open then (400, nothing changed)', async () => {
    at('2026-03-16 09:30');
    const r = await patchCenter({ saturdayMorningOpen: false });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'CENTER_SATURDAY_CLOSED', detail: 'Chỉ tính sáng thứ Bảy vào thời hạn khi Trung tâm làm việc sáng thứ Bảy.' });
    const c = (await t.app.inject({ url: '/api/v1/centers' })).json().items.find((x: { code: string }) => x.code === HT);
    expect(c).toMatchObject({ saturdayMorningOpen: true, saturdayMorningCounts: true });
    const create = await t.app.inject({
      method: 'POST', url: '/api/v1/admin/centers', headers: { cookie: await login('admin') },
      payload: { code: 'T.SAT', name: 'Trung tâm thử thứ Bảy', shortName: 'TT thứ Bảy', level: 'commune', saturdayMorningOpen: false, saturdayMorningCounts: true },
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().code).toBe('CENTER_SATURDAY_CLOSED');
  });

  it('switched off again, the national rules are back', async () => {
    expect((await patchCenter({ saturdayMorningCounts: false })).statusCode).toBe(200);
    expect((await due(HT, '2026-03-12 10:00', 3)).dueAt).toBe('2026-03-17T10:00:00.000Z');
    expect((await patchCenter({ saturdayMorningOpen: false })).statusCode).toBe(200);
  });
});
