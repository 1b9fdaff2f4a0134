import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { action, getDossier, mustAct, register } from '../support/dossiers';

// Thursday 24/04/2025 09:00 in Hương Thủy, just before the 30/4–1/5 holidays (30/4, 1/5, 2/5 off; Saturday 26/04 is
// a make-up working day).
const clock = new ManualClock(new Date('2025-04-24T02:00:00Z'));
let t: TestApp;
let clerk: string, cv: string, ld: string, director: string;
const relogin = async () => {
  [clerk, cv, ld, director] = await Promise.all(['tn.tp', 'cv.tp', 'ld.tp', 'giamdoc'].map((u) => t.login(u)));
};
beforeAll(async () => {
  t = await createTestApp({ clock });
  await relogin();
});
afterAll(async () => t.close());

async function inProgress(procedure = '2.000748') {
  const d = await register(t, clerk, { procedure });
  await mustAct(t, clerk, d.code, 'receive', {});
  return mustAct(t, clerk, d.code, 'transfer', {});
}

describe('due dates at receipt', () => {
  it('3 working days from Thu 24/04/2025 counts the make-up Saturday: Fri 25, Sat 26, Mon 28 → 28/04 17:00', async () => {
    const d = await inProgress();
    expect(d.dueAt).toBe('2025-04-28T10:00:00.000Z');
  });

  it('15 working days skip the 30/4–2/5 holidays: Thu 24/04 → Mon 19/05', async () => {
    const d = await register(t, clerk, { procedure: '2.000806' });
    expect((await mustAct(t, clerk, d.code, 'receive', {})).dueAt).toBe('2025-05-19T10:00:00.000Z');
  });

  it('a limit the law counts in calendar days that ends on a day off moves to the next working day', async () => {
    // H57-TAM-NV-02: 10 calendar days. Thu 24/04 + 10 = Sun 04/05 → Mon 05/05 17:00.
    const nv = await t.login('tn.nv');
    const d = await register(t, nv, { procedure: 'H57-TAM-NV-02' });
    expect((await mustAct(t, nv, d.code, 'receive', {})).dueAt).toBe('2025-05-05T10:00:00.000Z');
  });
});

describe('pause and resume', () => {
  it('a department supplement request pauses the clock; the paused working time is added back', async () => {
    clock.set(new Date('2025-04-24T02:00:00Z'));
    await relogin();
    const d = await inProgress();
    expect(d.dueAt).toBe('2025-04-28T10:00:00.000Z');
    clock.set(new Date('2025-04-24T08:00:00Z')); // Thu 15:00
    await relogin();
    const paused = await mustAct(t, cv, d.code, 'request-supplement-by-department', { reason: 'Cần bản sao trích lục', missing: ['Bản sao trích lục hộ tịch'] });
    expect(paused).toMatchObject({ status: 'paused', holder: 'applicant', pausedAt: '2025-04-24T08:00:00.000Z' });
    // The applicant comes back on Tuesday 06/05 at 08:00: paused Thu 15:00–17:00 (2 h), Fri 25 (8 h), Sat 26 make-up
    // (8 h), Mon 28 (8 h), Tue 29 (8 h), [30/4, 1/5, 2/5 off], Mon 05/05 (8 h), Tue 06/05 07:00–08:00 (1 h) = 43 h.
    clock.set(new Date('2025-05-06T01:00:00Z'));
    await relogin();
    expect((await getDossier(t, clerk, d.code)).json().can.supplement).toBe(true);
    const resumed = await mustAct(t, clerk, d.code, 'supplement', {});
    // Old due Mon 28/04 17:00 + 43 working hours: Tue 29 (8) → 35 left; Mon 05/05 (8) → 27; Tue 06 (8) → 19;
    // Wed 07 (8) → 11; Thu 08 (8) → 3; Fri 09/05 07:00 + 3 h → 10:00.
    expect(resumed).toMatchObject({ status: 'in_progress', pausedAt: null, dueAt: '2025-05-09T03:00:00.000Z', step: { index: 1 } });
    const ev = resumed.events.at(-1);
    expect(ev.data).toMatchObject({ previousDueAt: '2025-04-28T10:00:00.000Z', dueAt: '2025-05-09T03:00:00.000Z' });
  });
});

describe('late notice and extension', () => {
  it('the department reports late before the due date; the center extends once, keeping the original date', async () => {
    clock.set(new Date('2025-03-10T02:00:00Z')); // Mon 10/03 09:00
    await relogin();
    const d = await inProgress(); // due Thu 13/03 17:00
    expect(d.dueAt).toBe('2025-03-13T10:00:00.000Z');
    const late = await mustAct(t, cv, d.code, 'report-late', { reason: 'Chờ xác minh của cơ quan khác', proposedDueAt: '2025-03-18T17:00:00+07:00' });
    expect(late.lateNotice).toMatchObject({ reason: 'Chờ xác minh của cơ quan khác', proposedDueAt: '2025-03-18T10:00:00.000Z' });
    expect((await action(t, cv, d.code, 'extend', { reason: 'x', newDueAt: '2025-03-18T17:00:00+07:00' })).statusCode).toBe(403);
    const ext = await mustAct(t, director, d.code, 'extend', { reason: 'Xin lỗi vì chậm trễ, hẹn lại', newDueAt: '2025-03-18T17:00:00+07:00' });
    expect(ext).toMatchObject({ dueAt: '2025-03-18T10:00:00.000Z', originalDueAt: '2025-03-13T10:00:00.000Z', extensionReason: 'Xin lỗi vì chậm trễ, hẹn lại' });
    const twice = await action(t, director, d.code, 'extend', { reason: 'Lần nữa', newDueAt: '2025-03-20T17:00:00+07:00' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('DOSSIER_ALREADY_EXTENDED');
    // Settled after the original date but before the new one: still late (extension does not make it on time).
    clock.set(new Date('2025-03-17T02:00:00Z'));
    await relogin();
    await mustAct(t, cv, d.code, 'complete-step', {});
    await mustAct(t, ld, d.code, 'complete-step', {});
    const res = await mustAct(t, cv, d.code, 'resolve', {});
    expect(res.status).toBe('resolved');
    const row = (await t.db.query('SELECT settled_at > original_due_at AS late FROM dossiers WHERE code = $1', [d.code])).rows[0];
    expect(row.late).toBe(true);
  });

  it('a late notice after the due date is refused', async () => {
    clock.set(new Date('2025-03-10T02:00:00Z'));
    await relogin();
    const d = await inProgress();
    clock.set(new Date('2025-03-14T02:00:00Z')); // past Thu 13/03 17:00
    await relogin();
    const r = await action(t, cv, d.code, 'report-late', { reason: 'Muộn', proposedDueAt: '2025-03-20T17:00:00+07:00' });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('DOSSIER_LATE_NOTICE_TOO_LATE');
    expect((await getDossier(t, clerk, d.code)).json().timing).toBe('overdue');
    const overdue = (await t.app.inject({ url: '/api/v1/dossiers?overdue=1&limit=200', headers: { cookie: director } })).json();
    expect(overdue.items.some((x: { code: string }) => x.code === d.code)).toBe(true);
  });
});

describe('back-entry after an outage', () => {
  it('records a paper dossier with its real receipt time, due date from that time, flagged and audited', async () => {
    clock.set(new Date('2025-03-12T03:00:00Z')); // Wed 10:00, the software is back
    await relogin();
    const d = await register(t, clerk, { backEntry: { receivedAt: '2025-03-11T08:15:00+07:00', reason: 'Mất điện toàn Trung tâm sáng 11/03, tiếp nhận trên giấy' } });
    expect(d).toMatchObject({ status: 'received', receivedAt: '2025-03-11T01:15:00.000Z', dueAt: '2025-03-14T10:00:00.000Z', backEntry: true });
    expect(d.code).toMatch(/-250311-/);
    expect(d.events.every((e: { flagged: boolean }) => e.flagged)).toBe(true);
    // Same instant for both events: the timeline still reads register, then receive.
    expect(d.events.map((e: { action: string }) => e.action)).toEqual(['register', 'receive']);
    const audit = await t.db.query("SELECT data FROM audit_log WHERE action = 'dossier.back_entry' AND entity_id = $1", [d.code]);
    expect(audit.rows[0].data.reason).toContain('Mất điện');
  });

  it.each([
    [{ receivedAt: '2025-03-13T08:00:00+07:00', reason: 'Mất điện, tiếp nhận trên giấy' }, 'tương lai'],
    [{ receivedAt: '2025-01-02T08:00:00+07:00', reason: 'Mất điện, tiếp nhận trên giấy' }, '30 ngày'],
    [{ receivedAt: '2025-03-11T08:00:00+07:00', reason: 'ngắn' }, 'tối thiểu 10 ký tự'],
  ])('rejects %j', async (backEntry, message) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: clerk }, payload: { procedure: '2.000748', applicant: { fullName: 'Trần Văn Bình', idNumber: '046080009999' }, backEntry } });
    expect(r.statusCode).toBe(400);
    expect(r.json().detail).toContain(message);
  });
});

describe('daily sequence under load', () => {
  it('50 concurrent registrations get numbers 1..50 of the day with no gap and no duplicate', async () => {
    clock.set(new Date('2025-06-02T02:00:00Z')); // a fresh day: Mon 02/06/2025
    await relogin();
    const clerks = await Promise.all(['tn.tp', 'tn.tc', 'tn.dd', 'tn.xd', 'giamsat'].map((u) => t.login(u)));
    const rs = await Promise.all(Array.from({ length: 50 }, (_, i) => register(t, clerks[i % clerks.length])));
    const numbers = rs.map((d) => Number(d.code.slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(rs.map((d) => d.code)).size).toBe(50);
    expect(rs.every((d) => d.code.includes('-250602-'))).toBe(true);
    const received = await Promise.all(rs.map((d, i) => mustAct(t, clerks[i % 4], d.code, 'receive', {})));
    expect(received.every((d) => d.status === 'received')).toBe(true);
  });
});

describe('return scenarios at the counter', () => {
  const rc = async (code: string) => (await t.app.inject({ url: `/api/v1/dossiers/${code}/return-case`, headers: { cookie: clerk } })).json();
  it('on time, late, not yet resolved and rejected each say what to print', async () => {
    clock.set(new Date('2025-03-10T02:00:00Z')); // Mon 10/03 09:00; 3 working days → Thu 13/03 17:00
    await relogin();
    const onTime = await inProgress();
    const late = await inProgress();
    const pending = await inProgress();
    const rejected = await inProgress();
    expect(await rc(pending.code)).toMatchObject({ case: 'not_resolved', documents: ['apology', 'extension'] });
    for (const d of [onTime]) {
      await mustAct(t, cv, d.code, 'complete-step', {});
      await mustAct(t, ld, d.code, 'complete-step', {});
      await mustAct(t, cv, d.code, 'resolve', {});
    }
    await mustAct(t, ld, rejected.code, 'reject', { reason: 'Không đủ điều kiện' });
    clock.set(new Date('2025-03-14T02:00:00Z')); // Fri 14/03: past the due date
    await relogin();
    await mustAct(t, cv, late.code, 'complete-step', {});
    await mustAct(t, ld, late.code, 'complete-step', {});
    await mustAct(t, cv, late.code, 'resolve', {});
    expect(await rc(onTime.code)).toMatchObject({ case: 'on_time', documents: ['result', 'evaluation'] });
    expect(await rc(late.code)).toMatchObject({ case: 'late', documents: ['result', 'apology', 'evaluation'] });
    expect(await rc(rejected.code)).toMatchObject({ case: 'rejected', documents: ['rejection'] });
    expect((await getDossier(t, clerk, late.code)).json().timing).toBe('late');
  });
});
