import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => t.close());

const due = async (q: Record<string, string | number>) => {
  const qs = new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return t.app.inject({ url: `/api/v1/calendar/due-date?${qs}` });
};

describe('GET /calendar/due-date', () => {
  // Expected values worked out by hand from the rules and the 2025/2026 announced schedules.
  it.each([
    ['Wed 18:30 counts as Thursday; 1 working day → Fri 17:00', '2025-03-12T18:30:00+07:00', 'working_days', 1, '2025-03-13', '2025-03-14T10:00:00.000Z'],
    ['Mon 09:00 + 5 working days → next Mon 17:00', '2025-03-10T09:00:00+07:00', 'working_days', 5, '2025-03-10', '2025-03-17T10:00:00.000Z'],
    ['before Tết 2025: Fri 24/01 + 3 → Wed 05/02 (Tết 27–31/01 off)', '2025-01-24T09:00:00+07:00', 'working_days', 3, '2025-01-24', '2025-02-05T10:00:00.000Z'],
    ['30/4 break 2025: Tue 29/04 + 2 → Tue 06/05 (30/4, 1/5, 2/5 off)', '2025-04-29T10:00:00+07:00', 'working_days', 2, '2025-04-29', '2025-05-06T10:00:00.000Z'],
    ['make-up Saturday 26/04/2025 counts: Fri 25/04 + 1 → Sat 26/04 17:00', '2025-04-25T10:00:00+07:00', 'working_days', 1, '2025-04-25', '2025-04-26T10:00:00.000Z'],
    ['same day, morning → 16:30', '2025-03-11T09:15:00+07:00', 'same_day', 1, '2025-03-11', '2025-03-11T09:30:00.000Z'],
    ['same day, afternoon → next morning 11:00', '2025-03-11T14:00:00+07:00', 'same_day', 1, '2025-03-11', '2025-03-12T04:00:00.000Z'],
    ['same day, Friday afternoon → Saturday 11:00 (Saturday morning open)', '2025-03-14T14:00:00+07:00', 'same_day', 1, '2025-03-14', '2025-03-15T04:00:00.000Z'],
    ['4 working hours across lunch: 10:00 → 16:00 (1.5 h before, 2.5 h after)', '2025-03-11T10:00:00+07:00', 'working_hours', 4, '2025-03-11', '2025-03-11T09:00:00.000Z'],
    ['received at 02:00 UTC instant written in Z', '2025-03-12T02:00:00Z', 'working_days', 1, '2025-03-12', '2025-03-13T10:00:00.000Z'],
  ])('%s', async (_label, receivedAt, unit, value, receiptDay, dueAt) => {
    const r = await due({ receivedAt, unit, value });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ receiptDay, dueAt });
  });

  it('same day with a 15:00 cut-off: 14:59 → same day 17:00, 15:01 → next working day 17:00', async () => {
    expect((await due({ receivedAt: '2025-03-11T14:59:00+07:00', unit: 'same_day', value: 1, cutoff: '15:00' })).json().dueAt).toBe('2025-03-11T10:00:00.000Z');
    expect((await due({ receivedAt: '2025-03-11T15:01:00+07:00', unit: 'same_day', value: 1, cutoff: '15:00' })).json().dueAt).toBe('2025-03-12T10:00:00.000Z');
  });

  it.each([
    [{ receivedAt: 'hôm qua', unit: 'working_days', value: 1 }, 'ISO 8601'],
    [{ receivedAt: '2025-03-12T18:30:00', unit: 'working_days', value: 1 }, 'kèm múi giờ'],
    [{ receivedAt: '2025-02-30T10:00:00+07:00', unit: 'working_days', value: 1 }, 'không hợp lệ'],
    [{ receivedAt: '2025-03-12T10:00:00+07:00', unit: 'weeks', value: 1 }, 'Đơn vị thời hạn'],
    [{ receivedAt: '2025-03-12T10:00:00+07:00', unit: 'working_days', value: 0 }, 'Thời hạn phải lớn hơn 0'],
    [{ receivedAt: '2025-03-12T10:00:00+07:00', unit: 'working_days', value: 2.5 }, 'Thời hạn phải là số nguyên'],
    [{ receivedAt: '2025-03-12T10:00:00+07:00', unit: 'working_days', value: 5000 }, ''],
    [{ unit: 'working_days', value: 1 }, 'receivedAt'],
  ])('400 with a clear message for %j', async (q, message) => {
    const r = await due(q as Record<string, string | number>);
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().detail).toContain(message);
  });

  it('404 for an unknown center', async () => {
    const r = await due({ receivedAt: '2025-03-12T10:00:00+07:00', unit: 'working_days', value: 1, center: 'KHONG-CO' });
    expect(r.statusCode).toBe(404);
  });

  it('a center that closes on Saturday mornings moves a Saturday receipt to Monday', async () => {
    const centers = (await t.app.inject({ url: '/api/v1/centers' })).json().items;
    const hue = centers.find((c: { code: string }) => c.code === '000.00.11.H57');
    const sat = { receivedAt: '2025-03-15T09:00:00+07:00', unit: 'same_day', value: 1 };
    expect((await due({ ...sat, center: hue.code })).json().receiptDay).toBe('2025-03-15');
    await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/centers/${hue.id}`, headers: { cookie: admin }, payload: { saturdayMorningOpen: false } });
    const r = (await due({ ...sat, center: hue.id })).json();
    expect(r.receiptDay).toBe('2025-03-17');
    expect(r.center.code).toBe('000.00.11.H57');
    // The other center still opens.
    expect((await due({ ...sat, center: '000.00.15.H57' })).json().receiptDay).toBe('2025-03-15');
  });
});

describe('GET /calendar/days', () => {
  it('lists the 2025 days off and the make-up day with their source', async () => {
    const r = (await t.app.inject({ url: '/api/v1/calendar/days?year=2025' })).json();
    const byDate = new Map(r.items.map((d: { date: string }) => [d.date, d]));
    expect(byDate.get('2025-01-27')).toMatchObject({ kind: 'day_off', source: 'announced' });
    expect(byDate.get('2025-05-02')).toMatchObject({ kind: 'day_off', source: 'announced' });
    expect(byDate.get('2025-04-26')).toMatchObject({ kind: 'makeup', source: 'announced' });
    expect(r.items.filter((d: { kind: string; weekend: boolean }) => d.kind === 'day_off' && !d.weekend)).toHaveLength(12);
    // The Saturdays inside Tết 2025 (25/01, 01/02) are closed, unlike an ordinary Saturday morning.
    expect(byDate.get('2025-01-25')).toMatchObject({ kind: 'day_off', weekend: true });
    expect(byDate.get('2025-02-01')).toMatchObject({ kind: 'day_off', weekend: true });
    expect(byDate.has('2025-03-15')).toBe(false);
    expect(r.saturdayMorningOpen).toBe(true);
  });

  it('computes a year without an announced schedule from the statutory rules (Tết 2029 from the lunar calendar)', async () => {
    const r = (await t.app.inject({ url: '/api/v1/calendar/days?year=2029' })).json();
    const off = r.items.filter((d: { kind: string }) => d.kind === 'day_off').map((d: { date: string }) => d.date);
    // Tết Kỷ Dậu: mùng 1 = Tue 13/02/2029, giao thừa Mon 12/02 → 12–16/02 off.
    for (const d of ['2029-01-01', '2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15', '2029-02-16', '2029-04-30', '2029-05-01']) expect(off).toContain(d);
    expect(r.items.every((d: { source: string }) => d.source === 'statutory')).toBe(true);
  });

  it('400 for a year out of range', async () => {
    expect((await t.app.inject({ url: '/api/v1/calendar/days?year=1800' })).statusCode).toBe(400);
  });
});

describe('administrators change the calendar', () => {
  it('adding a day off moves due dates; removing it restores them; both are audited', async () => {
    const q = { receivedAt: '2025-03-10T09:00:00+07:00', unit: 'working_days', value: 5 };
    expect((await due(q)).json().dueAt).toBe('2025-03-17T10:00:00.000Z');
    const add = await t.app.inject({ method: 'POST', url: '/api/v1/admin/calendar/overrides', headers: { cookie: admin }, payload: { date: '2025-03-12', kind: 'day_off', reason: 'Nghỉ theo thông báo của UBND tỉnh (thử)' } });
    expect(add.statusCode).toBe(201);
    expect((await due(q)).json().dueAt).toBe('2025-03-18T10:00:00.000Z');
    const days = (await t.app.inject({ url: '/api/v1/calendar/days?year=2025' })).json().items;
    expect(days.find((d: { date: string }) => d.date === '2025-03-12')).toMatchObject({ kind: 'day_off', source: 'admin', overrideId: add.json().id });
    const twice = await t.app.inject({ method: 'POST', url: '/api/v1/admin/calendar/overrides', headers: { cookie: admin }, payload: { date: '2025-03-12', kind: 'day_off', reason: 'Lặp lại lần nữa' } });
    expect(twice.statusCode).toBe(409);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/calendar/overrides/${add.json().id}`, headers: { cookie: admin }, payload: { reason: 'Thông báo đã được thu hồi' } });
    expect(del.statusCode).toBe(204);
    expect((await due(q)).json().dueAt).toBe('2025-03-17T10:00:00.000Z');
    const audit = await t.db.query("SELECT action FROM audit_log WHERE entity = 'calendar_override' ORDER BY id");
    expect(audit.rows.map((r) => r.action)).toEqual(['calendar.override.add', 'calendar.override.remove']);
    const history = (await t.app.inject({ url: '/api/v1/admin/calendar/overrides?year=2025', headers: { cookie: admin } })).json().items;
    expect(history[0]).toMatchObject({ date: '2025-03-12', removedReason: 'Thông báo đã được thu hồi', createdBy: 'admin' });
  });

  it('a make-up Saturday counts as a working day', async () => {
    const q = { receivedAt: '2025-03-14T09:00:00+07:00', unit: 'working_days', value: 1 };
    expect((await due(q)).json().dueAt).toBe('2025-03-17T10:00:00.000Z');
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/admin/calendar/overrides', headers: { cookie: admin }, payload: { date: '2025-03-15', kind: 'working_day', reason: 'Làm bù theo quyết định (thử)' } });
    expect(r.statusCode).toBe(201);
    expect((await due(q)).json().dueAt).toBe('2025-03-15T10:00:00.000Z');
  });

  it.each([
    [{ date: '2025-02-30', kind: 'day_off', reason: 'Ngày không tồn tại' }, 400],
    [{ date: '2025-03-20', kind: 'day_off', reason: 'x' }, 400],
    [{ date: '2025-03-20', kind: 'holiday', reason: 'Loại không hợp lệ' }, 400],
  ])('rejects %j', async (payload, status) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/admin/calendar/overrides', headers: { cookie: admin }, payload });
    expect(r.statusCode).toBe(status);
  });

  it('only calendar managers may change it', async () => {
    const director = await t.login('giamdoc');
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/admin/calendar/overrides', headers: { cookie: director }, payload: { date: '2025-03-21', kind: 'day_off', reason: 'Không có quyền' } });
    expect(r.statusCode).toBe(403);
  });
});
