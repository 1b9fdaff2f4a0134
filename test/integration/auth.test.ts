import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { BAD_CREDENTIALS_DETAIL } from '../../src/modules/auth/login';

let t: TestApp;
const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('login and session', () => {
  it('logs in with the demo password and sets a safe session cookie', async () => {
    const r = await login('giamdoc', 'motcua-demo');
    expect(r.statusCode).toBe(200);
    const c = r.cookies.find((x) => x.name === 'motcua_sid')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite?.toLowerCase()).toBe('lax');
    expect(c.path).toBe('/');
    expect(r.json().user).toMatchObject({ username: 'giamdoc', roles: ['director'], center: { code: '000.00.15.H57', name: 'Trung tâm Hành chính công thị xã Hương Thủy' } });
  });

  it('/auth/me tells who is signed in, with center and permissions', async () => {
    const cookie = await t.login('cv.tp');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json();
    expect(me.username).toBe('cv.tp');
    expect(me.roles).toEqual(['specialist']);
    expect(me.roleNames).toEqual(['Chuyên viên phòng chuyên môn']);
    expect(me.department).toMatchObject({ code: 'TP', name: 'Phòng Tư pháp' });
    expect(me.permissions).toContain('dossiers.process');
    expect(me.permissions).not.toContain('users.manage');
  });

  it('the province role has no center', async () => {
    const cookie = await t.login('tinh');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json();
    expect(me.center).toBeNull();
    expect(me.permissions).toContain('centers.view_all');
  });

  it('rejects a wrong password or unknown user with the same 401 problem', async () => {
    for (const [u, p] of [['giamdoc', 'sai-mat-khau'], ['khong-ton-tai', 'motcua-demo']]) {
      const r = await login(u, p);
      expect(r.statusCode).toBe(401);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json()).toMatchObject({ status: 401, code: 'AUTH_INVALID_CREDENTIALS', detail: BAD_CREDENTIALS_DETAIL });
    }
  });

  it('rejects an empty body with a Vietnamese validation message', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '', password: '' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().detail).toContain('Vui lòng nhập tên đăng nhập');
  });

  it('without a session, /auth/me is 401', async () => {
    const r = await t.app.inject({ url: '/api/v1/auth/me' });
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('AUTH_REQUIRED');
  });

  it('logout ends the session', async () => {
    const cookie = await t.login('giamsat');
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('an idle session expires after 30 minutes; activity keeps it alive', async () => {
    const cookie = await t.login('thuphi');
    clock.advanceMinutes(25);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    clock.advanceMinutes(25); // 25 minutes after the last request: still alive
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    clock.advanceMinutes(31);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('lockout', () => {
  it('locks the account for 15 minutes after 5 wrong passwords, even for the right password, with the same answer as a wrong one', async () => {
    const wrong = await login('tn.gd', 'sai');
    expect(wrong.statusCode).toBe(401);
    for (let i = 2; i <= 5; i++) expect((await login('tn.gd', 'sai')).statusCode).toBe(401);
    const duringLock = await login('tn.gd', 'motcua-demo');
    // Locked, yet the answer is word for word a wrong password's: nobody learns the account is under attack.
    expect(duringLock.statusCode).toBe(401);
    expect(duringLock.json()).toEqual(wrong.json());
    clock.advanceMinutes(14);
    expect((await login('tn.gd', 'motcua-demo')).statusCode).toBe(401);
    clock.advanceMinutes(2);
    const back = await login('tn.gd', 'motcua-demo');
    expect(back.statusCode).toBe(200);
    // The owner learns what happened while they were away: 5 wrong passwords and 2 tries during the lock.
    expect(back.json().failedSignIns).toMatchObject({ count: 7 });
    expect((await login('tn.gd', 'motcua-demo')).json().failedSignIns).toBeNull();
  });

  it('parallel wrong guesses cannot get past the limit', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => login('tn.vh', 'sai')));
    expect(results.every((r) => r.statusCode === 401)).toBe(true);
    expect((await login('tn.vh', 'motcua-demo')).statusCode).toBe(401);
    const row = (await t.db.query("SELECT locked_until FROM users WHERE username = 'tn.vh'")).rows[0];
    expect(row.locked_until.getTime()).toBeGreaterThan(clock.now().getTime());
  });

  it('a successful login resets the failure count', async () => {
    for (let i = 0; i < 4; i++) await login('tn.nv', 'sai');
    expect((await login('tn.nv', 'motcua-demo')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('tn.nv', 'sai')).statusCode).toBe(401);
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const r = await t.db.query("SELECT password_hash FROM users WHERE username = 'admin'");
    expect(r.rows[0].password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(r.rows[0].password_hash).not.toContain('motcua-demo');
  });
});
