import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';

// Outside the center's public hours (by its calendar: weekends, holidays, the Saturday-morning setting, the
// administrators' days off) the kiosk issues no ticket and says when the center opens; the reception screen learns
// whether a receipt now counts now or at the next opening. 2026: Tue 10/03; Sat 14/03; Tết off Sat 14/02–Sun 22/02.
const HT = '000.00.15.H57';
const HUE = '000.00.11.H57';
const clock = new ManualClock(new Date('2026-03-10T09:00:00+07:00'));
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login('admin');
});
afterAll(async () => t.close());

const at = (local: string) => clock.set(new Date(`${local.replace(' ', 'T')}:00+07:00`));
const issue = (center = HT) => t.app.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload: { center, field: 'TP' } });
const kiosk = async (center = HT) => (await t.app.inject({ url: `/api/v1/queue/kiosk?center=${center}` })).json();
const opening = async (center = HT) => {
  const r = await t.app.inject({ url: `/api/v1/calendar/opening?center=${center}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

describe('the kiosk in and out of public hours', () => {
  it.each([
    // now, ticket issued?, the next public session the kiosk shows
    ['2026-03-10 07:29', false, '2026-03-10 07:30', 'Trung tâm mở cửa lại lúc 07 giờ 30, thứ Ba, ngày 10/03/2026.'],
    ['2026-03-10 07:30', true, '2026-03-10 14:00', null],
    ['2026-03-10 12:15', false, '2026-03-10 14:00', 'Trung tâm mở cửa lại lúc 14 giờ 00, thứ Ba, ngày 10/03/2026.'],
    ['2026-03-10 16:30', false, '2026-03-11 07:30', 'Trung tâm mở cửa lại lúc 07 giờ 30, thứ Tư, ngày 11/03/2026.'],
    ['2026-03-13 18:00', false, '2026-03-14 07:30', 'Trung tâm mở cửa lại lúc 07 giờ 30, thứ Bảy, ngày 14/03/2026.'],
    ['2026-03-14 10:00', true, '2026-03-16 07:30', null],
    ['2026-03-14 11:00', false, '2026-03-16 07:30', 'Trung tâm mở cửa lại lúc 07 giờ 30, thứ Hai, ngày 16/03/2026.'],
    ['2026-03-15 09:00', false, '2026-03-16 07:30', 'Trung tâm mở cửa lại lúc 07 giờ 30, thứ Hai, ngày 16/03/2026.'],
    ['2026-02-13 17:00', false, '2026-02-23 07:30', 'Trung tâm mở cửa lại lúc 07 giờ 30, thứ Hai, ngày 23/02/2026.'],
    ['2026-02-18 09:00', false, '2026-02-23 07:30', 'Trung tâm mở cửa lại lúc 07 giờ 30, thứ Hai, ngày 23/02/2026.'],
  ])('%s: ticket %s, next session %s', async (now, issued, next, message) => {
    at(now);
    const k = await kiosk();
    expect(k.open).toBe(issued);
    expect(`${k.next.day} ${k.next.start}`).toBe(next);
    const r = await issue();
    if (issued) {
      expect(r.statusCode, r.body).toBe(201);
      expect(k.closesAt).not.toBeNull();
    } else {
      expect(r.statusCode).toBe(409);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json()).toMatchObject({ code: 'QUEUE_CENTER_CLOSED', detail: `Trung tâm đang ngoài giờ tiếp công dân nên chưa cấp số thứ tự. ${message}` });
      expect(k.closesAt).toBeNull();
    }
  });

  it('issues nothing when closed: no number is used up', async () => {
    at('2026-03-17 06:00');
    expect((await issue()).statusCode).toBe(409);
    at('2026-03-17 07:30');
    expect((await issue()).json().displayNumber).toBe('2001');
  });

  it('follows the center’s calendar: a center closed on Saturdays, and a day off the administrator adds', async () => {
    at('2026-03-20 09:00');
    admin = await t.login('admin'); // the clock moved past the session's idle limit
    const hue = (await t.app.inject({ url: '/api/v1/centers' })).json().items.find((c: { code: string }) => c.code === HUE);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/centers/${hue.id}`, headers: { cookie: admin }, payload: { saturdayMorningOpen: false } })).statusCode).toBe(200);
    at('2026-03-21 09:00');
    expect((await issue(HUE)).json().detail).toContain('07 giờ 30, thứ Hai, ngày 23/03/2026');
    expect((await issue(HT)).statusCode).toBe(201); // Hương Thủy opens on Saturday mornings
    admin = await t.login('admin');
    const off = await t.app.inject({ method: 'POST', url: '/api/v1/admin/calendar/overrides', headers: { cookie: admin }, payload: { date: '2026-03-24', kind: 'day_off', reason: 'Trung tâm nghỉ để bảo trì hệ thống', center: HT } });
    expect(off.statusCode, off.body).toBe(201);
    at('2026-03-24 09:00');
    expect((await issue(HT)).json().detail).toContain('07 giờ 30, thứ Tư, ngày 25/03/2026');
    expect((await issue(HUE)).statusCode).toBe(201);
  });
});

describe('GET /calendar/opening', () => {
  it('in office hours: open to the public, a receipt counts now', async () => {
    at('2026-03-10 09:00');
    const o = await opening();
    expect(o).toMatchObject({ open: true, current: { day: '2026-03-10', start: '07:30', end: '11:00' }, next: { day: '2026-03-10', start: '14:00' }, office: { open: true, receiptAt: '2026-03-10T02:00:00.000Z' } });
  });

  it('in office hours outside public hours (11:15): closed to the public, a receipt still counts now', async () => {
    at('2026-03-10 11:15');
    expect(await opening()).toMatchObject({ open: false, current: null, office: { open: true, receiptAt: '2026-03-10T04:15:00.000Z' } });
  });

  it('after office hours: a receipt counts at the next opening (the reception screen warns)', async () => {
    at('2026-03-13 17:30');
    expect(await opening()).toMatchObject({ open: false, next: { day: '2026-03-14', start: '07:30', end: '11:00' }, office: { open: false, receiptAt: '2026-03-14T00:00:00.000Z' } });
  });

  it('404 for an unknown center, 400 without one', async () => {
    expect((await t.app.inject({ url: '/api/v1/calendar/opening?center=KHONG-CO' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/calendar/opening' })).statusCode).toBe(400);
  });
});
