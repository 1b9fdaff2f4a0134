import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';

// Kiosk tickets: gap-free numbering under concurrent kiosks, ranges and prefixes, service groups, validation in
// Vietnamese, the phone follow page and the estimated wait.
const HT = '000.00.15.H57'; // Hương Thủy: a counter per field, every reception clerk assigned
const HUE = '000.00.11.H57'; // Huế: only counter 2 (TP) has a clerk

let t: TestApp;
let clock: ManualClock;
const cookies = new Map<string, string>();
let counters: Map<number, string>;

async function as(user: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  if (user && !cookies.has(user)) cookies.set(user, await t.login(user));
  const send = () => t.app.inject({ method, url, headers: user ? { cookie: cookies.get(user)! } : {}, ...(payload ? { payload } : {}) });
  let r = await send();
  if (user && r.statusCode === 401) {
    cookies.set(user, await t.login(user));
    r = await send();
  }
  return r;
}
const issue = (body: object) => as(null, 'POST', '/api/v1/queue/tickets', { center: HT, ...body });
const setDay = (iso: string) => clock.set(new Date(iso));

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2025-03-10T07:30:00+07:00') });
  clock = t.clock as ManualClock;
  const list = (await as(null, 'GET', `/api/v1/queue/counters?center=${HT}`)).json().items;
  counters = new Map(list.map((c: { number: number; id: string }) => [c.number, c.id]));
});
afterAll(async () => t.close());

describe('numbering', () => {
  it('gives 20 concurrent kiosks 20 different numbers with no gap, from the field range (field 2 → 2001…)', async () => {
    setDay('2025-03-11T07:30:00+07:00');
    const rs = await Promise.all(Array.from({ length: 20 }, () => issue({ field: 'TP' })));
    expect(rs.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const numbers = rs.map((r) => r.json().number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => 2001 + i));
    const seq = await t.db.query(`SELECT last_value FROM queue_sequences WHERE queue_code = 'TP' AND day = '2025-03-11'`);
    expect(seq.rows[0].last_value).toBe(20);
    // The kiosk ticket carries what the printed slip needs.
    const any = rs[0].json();
    expect(any).toMatchObject({ field: 'TP', counters: [2], centerName: 'Trung tâm Hành chính công thị xã Hương Thủy', followUrl: `/queue/follow/${any.id}` });
    expect(any.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('numbers another field in its own range, and starts again the next day', async () => {
    setDay('2025-03-11T08:00:00+07:00');
    expect((await issue({ field: 'DD' })).json()).toMatchObject({ number: 11001, displayNumber: '11001', fieldName: 'Đất đai', counters: [11] });
    expect((await issue({ field: 'dd' })).json().number).toBe(11002);
    setDay('2025-03-12T07:30:00+07:00');
    expect((await issue({ field: 'DD' })).json().number).toBe(11001);
    expect((await issue({ field: 'TP' })).json().number).toBe(2001);
  });

  it('uses the prefix and range a center sets, and service groups with their own numbers', async () => {
    const admin = 'admin';
    const r = await as(admin, 'PUT', '/api/v1/queue/settings', {
      center: HT, priorityStreakLimit: 3, recallLimit: 3, defaultServiceMinutes: 10,
      numbering: [{ field: 'TC', prefix: 'C', rangeStart: 500 }],
      groups: [{ code: 'GDX', name: 'Đất đai – Xây dựng', fields: ['DD', 'XD'], prefix: 'G', rangeStart: 900 }],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().groups).toEqual([{ code: 'GDX', name: 'Đất đai – Xây dựng', fields: ['DD', 'XD'], prefix: 'G', rangeStart: 900 }]);
    setDay('2025-03-13T07:30:00+07:00');
    expect((await issue({ field: 'TC' })).json()).toMatchObject({ number: 501, displayNumber: 'C501' });
    const g = (await issue({ field: 'GDX' })).json();
    expect(g).toMatchObject({ number: 901, displayNumber: 'G901', field: 'GDX', fieldName: 'Đất đai – Xây dựng', counters: [9, 11] });
    // The land counter calls the group ticket (it serves one of the group's fields).
    const call = await as('tn.dd', 'POST', `/api/v1/queue/counters/${counters.get(11)}/call-next`);
    expect(call.statusCode).toBe(200);
    expect(call.json().ticket).toMatchObject({ id: g.id, displayNumber: 'G901', group: 'GDX', counter: { number: 11 } });
    const kiosk = (await as(null, 'GET', `/api/v1/queue/kiosk?center=${HT}`)).json();
    expect(kiosk.queues[0]).toMatchObject({ code: 'GDX', kind: 'group', available: true });
    expect(kiosk.priorities.map((p: { code: string }) => p.code)).toEqual(['elderly', 'disability', 'pregnant', 'small_child']);
    // Settings are the administrator's: a director may not change them.
    expect((await as('giamdoc', 'PUT', '/api/v1/queue/settings', { center: HT, priorityStreakLimit: 1, recallLimit: 1, defaultServiceMinutes: 5 })).statusCode).toBe(403);
  });
});

describe('validation', () => {
  it.each([
    [{ field: undefined }, 400, 'Thiếu lĩnh vực (field)'],
    [{ field: 'ZZ' }, 400, 'Lĩnh vực "ZZ" không tồn tại.'],
    [{ field: 'TP', phone: '12345' }, 400, 'Số điện thoại không hợp lệ (ví dụ 0912345678)'],
    [{ field: 'TP', priority: 'vip' }, 400, 'Đối tượng ưu tiên không hợp lệ. Chọn một trong: Người cao tuổi, Người khuyết tật, Phụ nữ mang thai, Người đi cùng trẻ nhỏ.'],
    [{ field: 'TP', center: 'khong-co' }, 404, 'Không tìm thấy Trung tâm "khong-co".'],
    [{ field: 'DD', center: HUE }, 409, 'Lĩnh vực này hiện không có quầy phục vụ.'],
  ])('%j → %i %s', async (body, status, message) => {
    const r = await issue(body);
    expect(r.statusCode).toBe(status);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().detail).toContain(message);
  });

  it('takes a ticket at the second center for the field its clerk serves', async () => {
    const r = await issue({ field: 'TP', center: HUE, priority: 'pregnant' });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ priority: 'pregnant', counters: [2], centerName: 'Trung tâm Hành chính công thành phố Huế' });
  });
});

describe('follow page and estimated wait', () => {
  it('shows the position, a wait from today’s service times, and the counter once called', async () => {
    setDay('2025-03-14T08:00:00+07:00');
    const gd = counters.get(3)!;
    const tickets = [];
    for (let i = 0; i < 4; i++) tickets.push((await issue({ field: 'GD' })).json());
    // No service finished today: the center's default of 10 minutes a person.
    expect(tickets.map((x) => [x.ahead, x.estimatedWaitMinutes])).toEqual([[0, 0], [1, 10], [2, 20], [3, 30]]);

    await as('tn.gd', 'POST', `/api/v1/queue/counters/${gd}/call-next`);
    clock.advanceMinutes(6);
    expect((await as('tn.gd', 'POST', `/api/v1/queue/counters/${gd}/finish`)).json().ticket).toMatchObject({ id: tickets[0].id, status: 'done' });
    await as('tn.gd', 'POST', `/api/v1/queue/counters/${gd}/call-next`);
    await as('tn.gd', 'POST', `/api/v1/queue/counters/${gd}/start`);
    clock.advanceMinutes(4);
    // Calling the next one finishes the ticket being served (4 minutes).
    const third = await as('tn.gd', 'POST', `/api/v1/queue/counters/${gd}/call-next`);
    expect(third.json().closed).toMatchObject({ id: tickets[1].id, status: 'done' });

    const follow = (await as(null, 'GET', `/api/v1/queue/tickets/${tickets[3].id}`)).json();
    expect(follow).toMatchObject({ status: 'waiting', ahead: 0, counters: [3], displayNumber: '3004', counter: null });
    const fifth = (await issue({ field: 'GD' })).json();
    expect(fifth).toMatchObject({ ahead: 1, estimatedWaitMinutes: 5 }); // mean of 6 and 4 minutes, one open counter

    const called = (await as(null, 'GET', `/api/v1/queue/tickets/${tickets[2].id}`)).json();
    expect(called).toMatchObject({ status: 'called', ahead: 0, estimatedWaitMinutes: 0, counter: { number: 3 } });
    expect((await as(null, 'GET', '/api/v1/queue/tickets/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await as(null, 'GET', '/api/v1/queue/tickets/2001')).json().detail).toContain('Mã không hợp lệ');
  });

  it('counts every waiting priority ticket ahead of a regular one, and earlier ones of the same class', async () => {
    setDay('2025-03-15T07:30:00+07:00');
    const kinds = [undefined, undefined, 'elderly', undefined, 'pregnant'];
    const ahead = [];
    for (const priority of kinds) {
      ahead.push((await issue({ field: 'VH', ...(priority ? { priority } : {}) })).json().ahead);
      clock.advanceMinutes(1);
    }
    expect(ahead).toEqual([0, 1, 0, 3, 1]);
  });

  it('lists the counters with their fields, staff and current ticket', async () => {
    const list = (await as('tn.gd', 'GET', `/api/v1/queue/counters?center=${HT}`)).json().items;
    expect(list).toHaveLength(15);
    const c3 = list.find((c: { number: number }) => c.number === 3);
    expect(c3).toMatchObject({ fields: ['GD'], status: 'open', staff: { fullName: expect.any(String) }, current: { displayNumber: '3003', status: 'called' } });
    const hue = (await as(null, 'GET', `/api/v1/queue/counters?center=${HUE}`)).json().items;
    expect(hue.filter((c: { status: string }) => c.status === 'open').map((c: { number: number }) => c.number)).toEqual([2]);
  });
});
