import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPublicPostLimited } from '../../src/http/rate-limits';
import { createTestApp, workingMorningClock, type TestApp } from '../support/app';

// Issue 12, findings 4 (look-up limit), 9 (cross-site requests, headers) and 10 (public endpoints, paired kiosks).
const HT = '000.00.15.H57';
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ clock: workingMorningClock(), config: { rateLimitFactor: 1, publicUrl: 'https://motcua.huongthuy.gov.vn', boardFrameAncestors: ['https://cong.huongthuy.gov.vn'] } });
  admin = await t.login('admin');
});
afterAll(async () => t.close());

describe('cross-site requests (finding 9)', () => {
  const patch = (headers: Record<string, string>) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/queue/settings', headers: { cookie: admin, ...headers }, payload: {} });
  const countAudit = async () => Number((await t.db.query('SELECT count(*) FROM audit_log')).rows[0].count);

  it('refuses a state-changing request whose Origin or Referer is another site, and changes nothing', async () => {
    const before = await countAudit();
    for (const headers of [{ origin: 'https://evil.example' }, { referer: 'https://evil.example/page' }, { origin: 'null' }]) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: admin, ...headers } });
      expect(r.statusCode, JSON.stringify(headers)).toBe(403);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json()).toMatchObject({ code: 'CROSS_SITE_REQUEST' });
      expect(r.json().detail).toMatch(/trang web khác/);
    }
    expect(await countAudit()).toBe(before);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: admin } })).statusCode).toBe(200); // still signed in
  });

  it('lets through the app itself, its public address, and programs that send no Origin', async () => {
    for (const headers of [{ origin: 'http://localhost:80' }, { origin: 'https://motcua.huongthuy.gov.vn' }, {}, { referer: 'https://motcua.huongthuy.gov.vn/console' }]) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { host: 'localhost:80', ...headers }, payload: { username: 'tn.tp', password: 'motcua-demo' } });
      expect(r.statusCode, JSON.stringify(headers)).toBe(200);
    }
    expect((await patch({ origin: 'https://evil.example' })).statusCode).toBe(403);
    // GET is never refused for its origin (links from anywhere work).
    expect((await t.app.inject({ url: '/api/v1/procedures?limit=1', headers: { origin: 'https://evil.example' } })).statusCode).toBe(200);
  });
});

describe('headers (finding 9)', () => {
  it('a content security policy without inline scripts, framing refused', async () => {
    const r = await t.app.inject({ url: '/api/v1/health' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['strict-transport-security']).toBeUndefined(); // plain HTTP here
  });

  it('the display board may be framed by the configured site only', async () => {
    const r = await t.app.inject({ url: `/board/${HT}` });
    expect(String(r.headers['content-security-policy'])).toContain('frame-ancestors https://cong.huongthuy.gov.vn');
    expect(r.headers['x-frame-options']).toBeUndefined();
  });

  it('no-store on every authenticated or personal answer', async () => {
    const staff = ['/api/v1/auth/me', '/api/v1/dossiers?limit=1', '/api/v1/dashboard', '/api/v1/admin/users', '/api/v1/queue/kiosk-devices'];
    for (const url of staff) {
      const r = await t.app.inject({ url, headers: { cookie: admin } });
      expect(r.statusCode, url).toBeLessThan(500);
      expect(r.headers['cache-control'], url).toBe('no-store');
    }
    const r = await t.app.inject({ url: '/api/v1/public/dossiers/000.00.15.H57-260310-0001?verifier=1234' });
    expect(r.headers['cache-control']).toBe('no-store');
  });
});

describe('HSTS behind an HTTPS proxy', () => {
  it('is sent when the request came over HTTPS', async () => {
    const p = await createTestApp({ config: { trustProxy: true } });
    try {
      const r = await p.app.inject({ url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect((await p.app.inject({ url: '/api/v1/health' })).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await p.close();
    }
  });
});

describe('public endpoints (findings 4 and 10)', () => {
  it('limits public look-ups per client', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) {
      codes.push((await t.app.inject({ url: `/api/v1/public/dossiers/000.00.15.H57-260310-${String(i).padStart(4, '0')}?verifier=0000`, remoteAddress: '10.9.0.1' })).statusCode);
    }
    expect(codes.slice(0, 30).every((c) => c === 404)).toBe(true);
    expect(codes[30]).toBe(429);
  });

  it('300 anonymous tickets in a burst: most refused; a paired kiosk still gets its tickets', async () => {
    const issue = (headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload: { center: HT, field: 'TP' }, remoteAddress: '10.10.0.1', headers });
    const burst = await Promise.all(Array.from({ length: 300 }, () => issue()));
    const issued = burst.filter((r) => r.statusCode === 201).length;
    expect(issued).toBe(10);
    expect(burst.filter((r) => r.statusCode === 429).length).toBe(290);

    const paired = await t.app.inject({ method: 'POST', url: '/api/v1/queue/kiosk-devices', headers: { cookie: admin }, payload: { center: HT, name: 'Kiosk sảnh chính' } });
    expect(paired.statusCode).toBe(201);
    const { key, device } = paired.json();
    expect(key).toMatch(/^kiosk_/);
    expect(JSON.stringify((await t.db.query('SELECT * FROM kiosk_devices')).rows)).not.toContain(key); // only its hash
    const fromKiosk = await Promise.all(Array.from({ length: 30 }, () => issue({ 'x-kiosk-key': key })));
    expect(fromKiosk.every((r) => r.statusCode === 201)).toBe(true);
    expect((await issue({ 'x-kiosk-key': 'kiosk_not-a-real-key-000000000' })).statusCode).toBe(429);

    const list = (await t.app.inject({ url: `/api/v1/queue/kiosk-devices?center=${HT}`, headers: { cookie: admin } })).json().items;
    expect(list).toEqual([expect.objectContaining({ id: device.id, name: 'Kiosk sảnh chính', revokedAt: null })]);
    expect(list[0].lastSeenAt).not.toBeNull();
    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/queue/kiosk-devices/${device.id}/revoke`, headers: { cookie: admin }, payload: { center: HT } });
    expect(revoked.statusCode).toBe(200);
    expect((await issue({ 'x-kiosk-key': key })).statusCode).toBe(429);
    const audited = (await t.db.query(`SELECT action FROM audit_log WHERE action LIKE 'queue.kiosk.%' ORDER BY id`)).rows.map((r) => r.action);
    expect(audited).toEqual(['queue.kiosk.pair', 'queue.kiosk.revoke']);
  });

  it('a clerk of one center cannot pair kiosks (centers.manage)', async () => {
    const clerk = await t.login('tn.tp');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/queue/kiosk-devices', headers: { cookie: clerk }, payload: { name: 'x' } })).statusCode).toBe(403);
  });

  it('the server refuses to start with a public POST that names no rate limit', () => {
    expect(() => checkPublicPostLimited({ method: 'POST', url: '/api/v1/public/anything', config: { access: { public: true } }, handler: () => undefined } as never)).toThrow(/declares no rate limit/);
    expect(() => checkPublicPostLimited({ method: 'POST', url: '/api/v1/public/anything', config: { access: { public: true }, rateLimit: false }, handler: () => undefined } as never)).not.toThrow();
  });
});
