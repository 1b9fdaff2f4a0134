import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { trackChanges } from '../support/db-changes';

// Issue 13 item 7: a center's office and public hours are set on a screen, not in SQL, and the kiosk answers by them.
const HT = '000.00.15.H57';
const clock = new ManualClock(new Date('2026-03-10T10:00:00+07:00')); // Tuesday, inside the default public hours
let t: TestApp;
let director: string;
let collector: string;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  [director, collector, admin] = await Promise.all([t.login('giamdoc'), t.login('thuphi'), t.login('admin')]);
});
afterAll(async () => t.close());

const kiosk = async () => (await t.app.inject({ url: `/api/v1/queue/kiosk?center=${HT}` })).json();
const put = (cookie: string, body: object) => t.app.inject({ method: 'PUT', url: '/api/v1/calendar/hours', headers: { cookie }, payload: body });

describe("the center's hours", () => {
  it('the director changes the public hours; the kiosk answers by them at once; audited', async () => {
    const before = await t.app.inject({ url: '/api/v1/calendar/hours', headers: { cookie: director } });
    expect(before.json()).toMatchObject({ center: { code: HT }, own: false, publicHours: [{ start: '07:30', end: '11:00' }, { start: '14:00', end: '16:30' }] });
    expect((await kiosk()).open).toBe(true);

    const r = await put(director, { officeHours: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }], publicHours: [{ start: '07:30', end: '09:30' }, { start: '14:00', end: '16:30' }] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ own: true, publicHours: [{ start: '07:30', end: '09:30' }, { start: '14:00', end: '16:30' }] });
    const k = await kiosk();
    expect(k.open).toBe(false);
    expect(`${k.next.day} ${k.next.start}`).toBe('2026-03-10 14:00');
    const audit = await t.db.query(`SELECT data FROM audit_log WHERE action = 'center.hours.update'`);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].data.publicHours).toEqual([{ start: '07:30', end: '09:30' }, { start: '14:00', end: '16:30' }]);

    // Back to the usual hours: open again.
    expect((await put(director, { officeHours: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }], publicHours: [{ start: '07:30', end: '11:00' }, { start: '14:00', end: '16:30' }] })).statusCode).toBe(200);
    expect((await kiosk()).open).toBe(true);
  });

  it('refuses bad hours in Vietnamese and changes nothing; a fee collector may not; the administrator names the center', async () => {
    const changes = await trackChanges(t);
    const mark = await changes.mark();
    const outside = await put(director, { officeHours: [{ start: '07:00', end: '11:30' }], publicHours: [{ start: '07:30', end: '12:00' }] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().detail).toBe('Giờ tiếp công dân 07:30–12:00 phải nằm trong giờ làm việc.');
    const reversed = await put(director, { officeHours: [{ start: '11:30', end: '07:00' }], publicHours: [{ start: '07:30', end: '09:00' }] });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().detail).toMatch(/[ạ-ỹ]/);
    const badTime = await put(director, { officeHours: [{ start: '7h', end: '11:30' }], publicHours: [{ start: '07:30', end: '09:00' }] });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().detail).toContain('HH:MM');
    expect((await put(collector, { officeHours: [{ start: '07:00', end: '11:30' }], publicHours: [{ start: '07:30', end: '09:00' }] })).statusCode).toBe(403);
    expect((await put(admin, { officeHours: [{ start: '07:00', end: '11:30' }], publicHours: [{ start: '07:30', end: '09:00' }] })).statusCode).toBe(400);
    expect(await changes.since(mark)).toEqual([]);
    const named = await put(admin, { center: HT, officeHours: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }], publicHours: [{ start: '07:30', end: '11:00' }, { start: '14:00', end: '16:30' }] });
    expect(named.statusCode, named.body).toBe(200);
  });
});
