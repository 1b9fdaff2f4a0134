import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { action, applicant, getDossier, mustAct, register, waiveFeesForReturn } from '../support/dossiers';

// Tuesday 11/03/2025 09:00 in Hương Thủy (02:00 UTC): an ordinary working morning.
const clock = new ManualClock(new Date('2025-03-11T02:00:00Z'));
let t: TestApp;
let clerk: string, cv: string, ld: string, director: string;
beforeAll(async () => {
  t = await createTestApp({ clock });
  [clerk, cv, ld, director] = await Promise.all(['tn.tp', 'cv.tp', 'ld.tp', 'giamdoc'].map((u) => t.login(u)));
});
afterAll(async () => t.close());

describe('registration', () => {
  it('registers a dossier with a code {unit}-{yymmdd}-{NNNN} and a checklist from the procedure', async () => {
    const d = await register(t, clerk);
    expect(d.code).toMatch(/^000\.00\.15\.H57-250311-\d{4}$/);
    expect(d).toMatchObject({ status: 'submitted', statusName: 'Mới đăng ký', channel: 'direct', procedure: { code: '2.000748' }, department: { name: 'Phòng Tư pháp' } });
    expect(d.checklist.length).toBeGreaterThan(0);
    expect(d.events).toEqual([expect.objectContaining({ action: 'register', toStatus: 'submitted' })]);
    expect(d.can).toMatchObject({ receive: true, 'request-supplement': true, refuse: true, transfer: false, resolve: false, return: false });
  });

  it.each([
    [{ applicant: { ...applicant(), idNumber: '123' } }, 'Số định danh cá nhân (CCCD) phải gồm 12 chữ số'],
    [{ applicant: { ...applicant(), idNumber: undefined } }, 'Cần số định danh cá nhân'],
    [{ procedure: '' }, 'Chọn thủ tục'],
    [{ channel: 'fax' }, 'Kênh nộp'],
    [{ applicant: { ...applicant(), phone: 'abc' } }, 'Số điện thoại không hợp lệ'],
  ])('rejects %j with a Vietnamese message and creates nothing', async (patch, message) => {
    const before = (await t.db.query('SELECT count(*)::int AS n FROM dossiers')).rows[0].n;
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: clerk }, payload: { procedure: '2.000748', applicant: applicant(), channel: 'direct', ...patch } });
    expect(r.statusCode).toBe(400);
    expect(r.json().detail).toContain(message);
    expect((await t.db.query('SELECT count(*)::int AS n FROM dossiers')).rows[0].n).toBe(before);
  });

  it('404 for an unknown procedure', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: clerk }, payload: { procedure: '9.999', applicant: applicant(), channel: 'direct' } });
    expect(r.statusCode).toBe(404);
  });

  it('a specialist cannot register', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: cv }, payload: { procedure: '2.000748', applicant: applicant(), channel: 'direct' } });
    expect(r.statusCode).toBe(403);
  });

  it('reuses the applicant by citizen ID and keeps their latest phone', async () => {
    await register(t, clerk, { applicant: { ...applicant(77), phone: '0905000777' } });
    await register(t, clerk, { applicant: { ...applicant(77), phone: '0912345678' } });
    const r = await t.db.query("SELECT count(*)::int AS n, max(phone) AS phone FROM applicants WHERE id_number = $1", [applicant(77).idNumber]);
    expect(r.rows[0]).toEqual({ n: 1, phone: '0912345678' });
  });

  it('an Idempotency-Key retry returns the first dossier and creates no second one', async () => {
    const headers = { 'idempotency-key': 'retry-test-0001' };
    const [a, b] = await Promise.all([register(t, clerk, {}, headers), register(t, clerk, {}, headers)]);
    const c = await register(t, clerk, {}, headers);
    expect(b.code).toBe(a.code);
    expect(c.code).toBe(a.code);
    expect((await t.db.query('SELECT count(*)::int AS n FROM dossiers WHERE code = $1', [a.code])).rows[0].n).toBe(1);
  });

  it('a resubmit with the key after a lost answer opens the created dossier, even with a corrected field; another clerk’s key is theirs', async () => {
    const headers = { 'idempotency-key': 'lost-answer-0001' };
    const first = await register(t, clerk, {}, headers);
    const post = (cookie: string, body: object) => t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie, ...headers }, payload: { procedure: '2.000748', applicant: applicant(), channel: 'direct', ...body } });
    const corrected = await post(clerk, { note: 'sửa lỗi chính tả' });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBe('true');
    expect(corrected.json().code).toBe(first.code);
    const other = await post(await t.login('giamsat'), {});
    expect(other.statusCode).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.json().code).not.toBe(first.code);
    // A failed attempt frees the key: a bad procedure, then the right one with the same key creates the dossier.
    const retryKey = { 'idempotency-key': 'after-a-404-0001' };
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: clerk, ...retryKey }, payload: { procedure: '9.999', applicant: applicant(), channel: 'direct' } });
    expect(bad.statusCode).toBe(404);
    expect((await register(t, clerk, {}, retryKey)).status).toBe('submitted');
  });
});

describe('the whole life of a dossier', () => {
  it('receive → transfer → specialist → head → resolve → return, with due date and history', async () => {
    const d = await register(t, clerk);
    const received = await mustAct(t, clerk, d.code, 'receive', {});
    // 3 working days from Tue 11/03 → Fri 14/03 17:00.
    expect(received).toMatchObject({ status: 'received', receiptDay: '2025-03-11', dueAt: '2025-03-14T10:00:00.000Z' });
    expect(received.checklist.filter((c: { mandatory: boolean }) => c.mandatory).every((c: { presented: boolean }) => c.presented)).toBe(true);

    const again = await action(t, clerk, d.code, 'receive', {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DOSSIER_INVALID_TRANSITION');

    // Before transfer the department does not see the dossier.
    expect((await getDossier(t, cv, d.code)).statusCode).toBe(403);
    const moved = await mustAct(t, clerk, d.code, 'transfer', {});
    expect(moved).toMatchObject({ status: 'in_progress', step: { index: 1, role: 'specialist' }, holder: 'department' });

    clock.advanceMinutes(20); // sessions stay alive: each request counts as activity
    expect((await getDossier(t, cv, d.code)).json().can).toMatchObject({ 'complete-step': true, resolve: false, reject: false });
    await mustAct(t, cv, d.code, 'assign', {});
    const atHead = await mustAct(t, cv, d.code, 'complete-step', { note: 'Hồ sơ hợp lệ, trình lãnh đạo' });
    expect(atHead.step).toMatchObject({ index: 2, role: 'department_head' });
    // The specialist may not approve at the head's step.
    expect((await action(t, cv, d.code, 'complete-step', {})).statusCode).toBe(409);
    await mustAct(t, ld, d.code, 'complete-step', { note: 'Đồng ý' });
    const resolved = await mustAct(t, cv, d.code, 'resolve', { resultSummary: 'Đã cấp trích lục thay đổi hộ tịch' });
    expect(resolved).toMatchObject({ status: 'resolved', timing: 'early' });
    const ret = await mustAct(t, clerk, d.code, 'return', { method: 'counter' });
    expect(ret).toMatchObject({ status: 'returned', returnMethod: 'counter' });
    expect(ret.events.map((e: { action: string }) => e.action)).toEqual(['register', 'receive', 'transfer', 'assign', 'complete-step', 'complete-step', 'resolve', 'return']);
    const handoff = ret.events.find((e: { action: string }) => e.action === 'transfer');
    expect(handoff.data).toMatchObject({ fromStep: 0, toStep: 1, outcome: expect.stringMatching(/early|on_time/) });
    expect(Object.values(ret.can).every((v) => v === false)).toBe(true);
  });

  it('a second supplement request needs an apology and marks the dossier late', async () => {
    const d = await register(t, clerk);
    expect((await action(t, clerk, d.code, 'request-supplement', { reason: 'Thiếu giấy tờ' })).json().code).toBe('DOSSIER_MISSING_REQUIRED');
    const first = await mustAct(t, clerk, d.code, 'request-supplement', { reason: 'Thiếu giấy tờ', missing: ['Bản sao giấy khai sinh'] });
    expect(first).toMatchObject({ status: 'needs_supplement', supplementCount: 1, lateBySupplement: false });
    await mustAct(t, clerk, d.code, 'supplement', {});
    const noApology = await action(t, clerk, d.code, 'request-supplement', { reason: 'Thiếu tiếp', missing: ['Tờ khai có chữ ký'] });
    expect(noApology.statusCode).toBe(400);
    expect(noApology.json().code).toBe('DOSSIER_APOLOGY_REQUIRED');
    const second = await mustAct(t, clerk, d.code, 'request-supplement', { reason: 'Thiếu tiếp', missing: ['Tờ khai có chữ ký'], apology: 'Trung tâm xin lỗi ông/bà vì đã yêu cầu bổ sung lần thứ hai.' });
    expect(second).toMatchObject({ supplementCount: 2, lateBySupplement: true });
    await mustAct(t, clerk, d.code, 'supplement', {});
    await mustAct(t, clerk, d.code, 'receive', {});
  });

  it('receiving with a mandatory document missing is refused with the list of what is missing', async () => {
    const d = await register(t, clerk);
    const mandatory = d.checklist.find((c: { mandatory: boolean }) => c.mandatory);
    const r = await action(t, clerk, d.code, 'receive', { checklist: [{ index: mandatory.index, presented: false }] });
    expect(r.statusCode).toBe(409);
    expect(r.json().detail).toContain(mandatory.name);
    expect((await getDossier(t, clerk, d.code)).json().status).toBe('submitted');
  });

  it('refuse and withdraw need a reason and end the dossier', async () => {
    const a = await register(t, clerk);
    expect((await action(t, clerk, a.code, 'refuse', {})).json().code).toBe('DOSSIER_REASON_REQUIRED');
    expect((await mustAct(t, clerk, a.code, 'refuse', { reason: 'Không thuộc thẩm quyền của Trung tâm' })).status).toBe('refused');
    const b = await register(t, clerk);
    await mustAct(t, clerk, b.code, 'receive', {});
    expect((await mustAct(t, clerk, b.code, 'withdraw', { reason: 'Người nộp xin rút hồ sơ' })).status).toBe('withdrawn');
    expect((await action(t, clerk, b.code, 'transfer', {})).statusCode).toBe(409);
  });

  it('the head rejects with reasons; the clerk returns the whole dossier', async () => {
    const d = await register(t, clerk);
    await mustAct(t, clerk, d.code, 'receive', {});
    await mustAct(t, clerk, d.code, 'transfer', {});
    expect((await action(t, cv, d.code, 'reject', { reason: 'x' })).statusCode).toBe(403);
    const r = await mustAct(t, ld, d.code, 'reject', { reason: 'Không đủ điều kiện theo Điều 7 Nghị định 123/2015' });
    expect(r).toMatchObject({ status: 'rejected', result: { rejected: true } });
    expect((await mustAct(t, clerk, d.code, 'return', {})).status).toBe('returned');
  });

  it('send back returns the dossier to the previous step', async () => {
    const d = await register(t, clerk);
    await mustAct(t, clerk, d.code, 'receive', {});
    await mustAct(t, clerk, d.code, 'transfer', {});
    await mustAct(t, cv, d.code, 'complete-step', {});
    const back = await mustAct(t, ld, d.code, 'send-back', { reason: 'Cần thẩm định lại giấy tờ nhân thân' });
    expect(back.step.index).toBe(1);
  });

  it('return by post needs a tracking number', async () => {
    const d = await register(t, clerk, { procedure: '2.000992' });
    await mustAct(t, clerk, d.code, 'receive', {});
    await mustAct(t, clerk, d.code, 'transfer', {});
    await mustAct(t, cv, d.code, 'complete-step', {});
    await mustAct(t, ld, d.code, 'complete-step', {});
    await mustAct(t, cv, d.code, 'resolve', {});
    await waiveFeesForReturn(t, d.code);
    expect((await action(t, clerk, d.code, 'return', { method: 'post' })).json().code).toBe('DOSSIER_TRACKING_REQUIRED');
    expect((await mustAct(t, clerk, d.code, 'return', { method: 'post', trackingNumber: 'EB123456789VN' })).returnMethod).toBe('post');
  });
});

describe('races and versions', () => {
  it('two clerks receiving the same dossier at once: exactly one wins, the other gets 409', async () => {
    const d = await register(t, clerk);
    const clerk2 = await t.login('tn.tp');
    const results = await Promise.all([action(t, clerk, d.code, 'receive', {}), action(t, clerk2, d.code, 'receive', {})]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = (await getDossier(t, clerk, d.code)).json().events.filter((e: { action: string }) => e.action === 'receive');
    expect(events).toHaveLength(1);
  });

  it('ten parallel different actions made from the same version leave exactly one change', async () => {
    // Each clerk acts on what their screen showed (version 1): once one action lands, the others are stale.
    const d = await register(t, clerk);
    const bodies: [string, Record<string, unknown>][] = [['receive', {}], ['refuse', { reason: 'Không thuộc thẩm quyền' }], ['withdraw', { reason: 'Rút hồ sơ' }], ['request-supplement', { reason: 'Thiếu', missing: ['Tờ khai'] }]];
    const rs = await Promise.all(Array.from({ length: 10 }, (_, i) => action(t, clerk, d.code, bodies[i % 4][0], { ...bodies[i % 4][1], version: d.version })));
    expect(rs.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(rs.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
    const detail = (await getDossier(t, clerk, d.code)).json();
    expect(detail.version).toBe(2);
    expect(detail.events).toHaveLength(2);
  });

  it('a stale version from the client is refused', async () => {
    const d = await register(t, clerk);
    const r = await action(t, clerk, d.code, 'receive', { version: d.version + 5 });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('DOSSIER_STALE');
  });
});

describe('scoping', () => {
  it('another center cannot see or act on the dossier; another department cannot see it', async () => {
    const d = await register(t, clerk);
    const hueClerk = await t.login('tn.tp.hue');
    expect((await getDossier(t, hueClerk, d.code)).statusCode).toBe(403);
    expect((await action(t, hueClerk, d.code, 'receive', {})).statusCode).toBe(403);
    const list = (await t.app.inject({ url: '/api/v1/dossiers?limit=200', headers: { cookie: hueClerk } })).json();
    expect(list.items.every((x: { code: string }) => x.code.startsWith('000.00.11.H57'))).toBe(true);
    await mustAct(t, clerk, d.code, 'receive', {});
    await mustAct(t, clerk, d.code, 'transfer', {});
    const otherDept = await t.login('cv.dd');
    expect((await getDossier(t, otherDept, d.code)).statusCode).toBe(403);
    const inbox = (await t.app.inject({ url: '/api/v1/dossiers?inbox=1&limit=200', headers: { cookie: otherDept } })).json();
    expect(inbox.items.some((x: { code: string }) => x.code === d.code)).toBe(false);
    const mine = (await t.app.inject({ url: '/api/v1/dossiers?inbox=1&limit=200', headers: { cookie: cv } })).json();
    expect(mine.items.some((x: { code: string }) => x.code === d.code)).toBe(true);
    expect((await getDossier(t, director, d.code)).statusCode).toBe(200);
    const province = await t.login('tinh');
    expect((await getDossier(t, province, d.code)).statusCode).toBe(200);
  });
});
