import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ManualClock } from '../../src/platform/clock';
import { createSecondApp, createTestApp, type TestApp } from '../support/app';

// Resolved sessions are kept in memory for a few seconds per instance. Whatever the cache holds, a logout, a
// deactivation or a change of roles must apply at once on this instance and within moments on another instance
// sharing the database; idle and absolute expiry must still end sessions.
const clock = new ManualClock(new Date('2025-03-11T02:00:00Z'));
let t: TestApp;
let b: Awaited<ReturnType<typeof createSecondApp>>;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ clock });
  b = await createSecondApp(t);
  admin = await t.login('admin');
});
afterAll(async () => {
  await b.close();
  await t.close();
});

const me = (app: FastifyInstance, cookie: string) => app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
const userId = async (username: string) => (await t.db.query('SELECT id FROM users WHERE username = $1', [username])).rows[0].id as string;

/** Polls `check` until it holds. The cache's own lifetime is 5 s, so a change seen within 2 s came by notification. */
async function within(ms: number, check: () => Promise<boolean>) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

describe('session cache', () => {
  it('serves repeated requests from memory, for at most its short lifetime', async () => {
    const cookie = await t.login('tn.tp');
    expect((await me(t.app, cookie)).statusCode).toBe(200);
    // Behind the application's back (no notification), the session row goes: the cached session still answers…
    await t.db.query(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'tn.tp')`);
    expect((await me(t.app, cookie)).statusCode).toBe(200);
    // …but not beyond the cache's lifetime (5 s of real time).
    expect(await within(7_000, async () => (await me(t.app, cookie)).statusCode === 401)).toBe(true);
  }, 15_000);

  it('logout ends the session at once here and within moments on another instance', async () => {
    const cookie = await t.login('tn.tc');
    expect((await me(t.app, cookie)).statusCode).toBe(200);
    expect((await me(b.app, cookie)).statusCode).toBe(200); // cached on the second instance too
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await me(t.app, cookie)).statusCode).toBe(401);
    expect(await within(2_000, async () => (await me(b.app, cookie)).statusCode === 401)).toBe(true);
  });

  it('deactivating an account ends its cached sessions on both instances', async () => {
    const cookie = await t.login('tn.dd');
    expect((await me(t.app, cookie)).statusCode).toBe(200);
    expect((await me(b.app, cookie)).statusCode).toBe(200);
    const id = await userId('tn.dd');
    expect((await b.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${id}`, headers: { cookie: admin }, payload: { active: false } })).statusCode).toBe(200);
    expect((await me(b.app, cookie)).statusCode).toBe(401);
    expect(await within(2_000, async () => (await me(t.app, cookie)).statusCode === 401)).toBe(true);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${id}`, headers: { cookie: admin }, payload: { active: true } });
  });

  it('a change of roles applies to the next request, not after the cache expires', async () => {
    const cookie = await t.login('tn.xd');
    const dossiers = () => t.app.inject({ url: '/api/v1/dossiers', headers: { cookie } });
    expect((await dossiers()).statusCode).toBe(200);
    const id = await userId('tn.xd');
    const r = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${id}`, headers: { cookie: admin }, payload: { roles: ['fee_collector'] } });
    expect(r.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie }, payload: {} })).statusCode).toBe(403);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${id}`, headers: { cookie: admin }, payload: { roles: ['reception'] } });
  });

  it('idle and absolute expiry still end a cached session', async () => {
    const cookie = await t.login('tn.ld');
    expect((await me(t.app, cookie)).statusCode).toBe(200);
    clock.advanceMinutes(31);
    expect((await me(t.app, cookie)).statusCode).toBe(401);
    const again = await t.login('tn.ld');
    for (let h = 0; h < 13; h++) {
      clock.advanceMinutes(29); // active enough never to be idle…
      await me(t.app, again);
      clock.advanceMinutes(29);
      await me(t.app, again);
    }
    expect((await me(t.app, again)).statusCode).toBe(401); // …but 12 hours is the absolute limit
  });
});
