import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_CREDENTIALS_DETAIL } from '../../src/modules/auth/login';
import type { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';

// Issue 12, finding 3 and two-factor sign-in: one answer for unknown, wrong and locked; limits per address and per
// username (429 + Retry-After); the owner sees the failures; every sign-in event audited; TOTP for directors.
let t: TestApp;
let clock: ManualClock;
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-10T09:00:00+07:00'), config: { rateLimitFactor: 1 } });
  clock = t.clock as ManualClock;
});
afterAll(async () => t.close());

const login = (username: string, password: string, from = '10.1.0.1', extra: object = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...extra }, remoteAddress: from });

describe('login answers and limits', () => {
  it('answers an unknown user, a wrong password and a locked account with the same status and body', async () => {
    const unknown = await login('khong-co-ai', 'motcua-demo', '10.2.0.1');
    const wrong = await login('cv.tc', 'sai', '10.2.0.2');
    for (let i = 0; i < 4; i++) await login('cv.tc', 'sai', `10.2.1.${i}`);
    const locked = await login('cv.tc', 'motcua-demo', '10.2.0.3');
    for (const r of [unknown, wrong, locked]) {
      expect(r.statusCode).toBe(401);
      expect(r.json()).toEqual({ ...unknown.json() });
      expect(r.json().detail).toBe(BAD_CREDENTIALS_DETAIL);
    }
  });

  it('limits sign-in attempts per client address: 429 with Retry-After and a Vietnamese problem', async () => {
    const from = '10.3.0.1';
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await login(`nobody-${i}`, 'x', from)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    const limited = await login('nobody-x', 'x', from);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(limited.json().detail).toMatch(/^Quá nhiều yêu cầu .* thử lại sau \d+ giây\.$/);
    // Another address is not affected.
    expect((await login('nobody-y', 'x', '10.3.0.2')).statusCode).toBe(401);
  });

  it('limits attempts per username from any number of addresses', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await login('khong-ai-ca', 'x', `10.4.${i}.1`)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('audits sign-in, failure, lock and sign-out', async () => {
    for (let i = 0; i < 5; i++) await login('cv.dd', 'sai', `10.5.0.${i}`);
    clock.advanceMinutes(16);
    const ok = await login('cv.dd', 'motcua-demo', '10.5.1.1');
    expect(ok.statusCode).toBe(200);
    const cookie = `motcua_sid=${ok.cookies.find((c) => c.name === 'motcua_sid')!.value}`;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    const rows = (await t.db.query<{ action: string; reason: string | null }>(
      `SELECT a.action, a.data->>'reason' AS reason FROM audit_log a JOIN users u ON u.id::text = a.entity_id
        WHERE u.username = 'cv.dd' AND a.action LIKE 'auth.%' ORDER BY a.id`)).rows;
    expect(rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.locked', 'auth.login', 'auth.logout']);
    const unknown = (await t.db.query(`SELECT data FROM audit_log WHERE action = 'auth.login_failed' AND data->>'username' = 'khong-co-ai'`)).rows;
    expect(unknown[0].data).toMatchObject({ reason: 'unknown_user', ip: '10.2.0.1' });
  });
});

describe('two-factor sign-in (TOTP)', () => {
  let cookie: string;
  let secret: string;
  const codeAt = (at: Date) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at.getTime() });
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: { cookie } });

  it('a director is asked to enrol; enrols with the QR code and a first code; gets ten recovery codes', async () => {
    cookie = await t.login('phogiamdoc');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json();
    expect(me.twoFactor).toEqual({ enabled: false, required: true });
    expect((await post('/api/v1/auth/two-factor/setup', { password: 'sai' })).statusCode).toBe(400);
    const setup = await post('/api/v1/auth/two-factor/setup', { password: 'motcua-demo' });
    expect(setup.statusCode).toBe(200);
    secret = setup.json().secret;
    expect(setup.json().uri).toMatch(/^otpauth:\/\/totp\/motcua:phogiamdoc\?/);
    // Stored encrypted, never the secret itself.
    const stored = (await t.db.query(`SELECT secret_enc FROM user_totp t JOIN users u ON u.id = t.user_id WHERE u.username = 'phogiamdoc'`)).rows[0].secret_enc;
    expect(stored).not.toContain(secret);
    expect((await post('/api/v1/auth/two-factor/enable', { code: '000000' })).statusCode).toBe(400);
    const enabled = await post('/api/v1/auth/two-factor/enable', { code: codeAt(clock.now()) });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().recoveryCodes).toHaveLength(10);
    (globalThis as { recovery?: string[] }).recovery = enabled.json().recoveryCodes;
  });

  it('then asks for the code after the password; a wrong or reused code fails; a recovery code works once', async () => {
    clock.advanceMinutes(1);
    const noCode = await login('phogiamdoc', 'motcua-demo', '10.6.0.1');
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('AUTH_TOTP_REQUIRED');
    expect((await login('phogiamdoc', 'motcua-demo', '10.6.0.1', { totp: '123456' })).json().code).toBe('AUTH_TOTP_INVALID');
    const code = codeAt(clock.now());
    const ok = await login('phogiamdoc', 'motcua-demo', '10.6.0.1', { totp: code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().failedSignIns).toMatchObject({ count: 1 }); // the wrong code counted
    // The same code again, inside its 30 s: refused (no replay).
    expect((await login('phogiamdoc', 'motcua-demo', '10.6.0.1', { totp: code })).json().code).toBe('AUTH_TOTP_INVALID');
    // A wrong password with a right code is still a wrong password.
    clock.advanceMinutes(1);
    expect((await login('phogiamdoc', 'sai', '10.6.0.1', { totp: codeAt(clock.now()) })).json().code).toBe('AUTH_INVALID_CREDENTIALS');
    const recovery = (globalThis as { recovery?: string[] }).recovery!;
    const viaRecovery = await login('phogiamdoc', 'motcua-demo', '10.6.0.2', { recoveryCode: recovery[0]!.toLowerCase() });
    expect(viaRecovery.statusCode).toBe(200);
    expect(viaRecovery.json().usedRecoveryCode).toBe(true);
    expect((await login('phogiamdoc', 'motcua-demo', '10.6.0.2', { recoveryCode: recovery[0] })).json().code).toBe('AUTH_TOTP_INVALID');
    const state = (await t.app.inject({ url: '/api/v1/auth/two-factor', headers: { cookie: `motcua_sid=${viaRecovery.cookies.find((c) => c.name === 'motcua_sid')!.value}` } })).json();
    expect(state).toEqual({ enabled: true, required: true, recoveryCodesLeft: 9 });
  });

  it('is turned off only with the password, and audited both ways', async () => {
    clock.advanceMinutes(1);
    const signedIn = await login('phogiamdoc', 'motcua-demo', '10.6.1.1', { totp: codeAt(clock.now()) });
    expect(signedIn.statusCode).toBe(200);
    cookie = `motcua_sid=${signedIn.cookies.find((c) => c.name === 'motcua_sid')!.value}`;
    expect((await post('/api/v1/auth/two-factor/disable', { password: 'sai' })).statusCode).toBe(400);
    expect((await post('/api/v1/auth/two-factor/disable', { password: 'motcua-demo' })).statusCode).toBe(204);
    expect((await login('phogiamdoc', 'motcua-demo', '10.6.1.2')).statusCode).toBe(200);
    const actions = (await t.db.query(`SELECT action FROM audit_log WHERE action LIKE 'auth.two_factor.%' ORDER BY id`)).rows.map((r) => r.action);
    expect(actions).toEqual(['auth.two_factor.enable', 'auth.two_factor.disable']);
  });
});

describe('an administrator resets a lost second factor', () => {
  it('turns two-factor sign-in off for another user, audited', async () => {
    const cookie = await t.login('giamdoc');
    const setup = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/two-factor/setup', headers: { cookie }, payload: { password: 'motcua-demo' } })).json();
    const code = new TOTP({ secret: Secret.fromBase32(setup.secret) }).generate({ timestamp: clock.now().getTime() });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/two-factor/enable', headers: { cookie }, payload: { code } })).statusCode).toBe(200);
    clock.advanceMinutes(1);
    expect((await login('giamdoc', 'motcua-demo', '10.7.0.1')).json().code).toBe('AUTH_TOTP_REQUIRED');
    const admin = await t.login('admin');
    const id = (await t.db.query(`SELECT id FROM users WHERE username = 'giamdoc'`)).rows[0].id;
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${id}`, headers: { cookie: admin }, payload: { resetTwoFactor: true } })).statusCode).toBe(200);
    expect((await login('giamdoc', 'motcua-demo', '10.7.0.2')).statusCode).toBe(200);
  });
});
