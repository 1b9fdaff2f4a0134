import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessOf } from '../../src/http/access';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('HTTP edge', () => {
  it('health answers ok with the database checked', async () => {
    const r = await t.app.inject({ url: '/api/v1/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('an unknown API path is a Vietnamese problem+json 404', async () => {
    const r = await t.app.inject({ url: '/api/v1/khong-co' });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().detail).toBe('Không có đường dẫn GET /api/v1/khong-co.');
  });

  it('malformed JSON is a 400 without a stack trace', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().detail).toBe('Nội dung JSON không hợp lệ.');
    expect(r.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('serves the OpenAPI document and browsable docs', async () => {
    const doc = await t.app.inject({ url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const p of ['/api/v1/health', '/api/v1/auth/login', '/api/v1/procedures', '/api/v1/procedures/{code}', '/api/v1/calendar/due-date', '/api/v1/calendar/days']) {
      expect(Object.keys(spec.paths)).toContain(p);
    }
    const ui = await t.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('sends basic security headers', async () => {
    const r = await t.app.inject({ url: '/api/v1/health' });
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('every API route declares who may call it', () => {
  it('without a session, every write route except login/logout and the kiosk answers 401 and no route answers 500', async () => {
    const spec = (await t.app.inject({ url: '/api/docs/json' })).json();
    // Login/logout, the kiosk that issues queue tickets to anyone in the hall, gateways, a citizen's VNPay request.
    // The SMS gateway's inbound webhook and delivery reports carry their own bearer token (403 without it); Zalo's
    // webhook is signed (checked after its body is read).
    const publicWrites = ['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/queue/tickets', '/api/v1/sms/inbound', '/api/v1/sms/status', '/api/v1/zalo/webhook',
      // A citizen asks for a VNPay URL with the dossier's proof (token or 4 digits), not a session.
      '/api/v1/public/dossiers/{code}/payments/vnpay', '/api/v1/public/evaluations/{token}',
      // A citizen's feedback or complaint, with contact details (rate-limited like every public write).
      '/api/v1/public/feedback',
      // Anyone holding a signed result checks it against the verification page (a file upload, read-only).
      '/api/v1/public/verify/{id}',
      // A citizen asks for a one-time code and signs in with it (rate-limited per address and per contact).
      '/api/v1/citizen/auth/otp', '/api/v1/citizen/auth/verify',
      // A paired evaluation tablet records the rating with its device key (header), as a kiosk takes a ticket.
      '/api/v1/public/evaluation-tablet/answers'];
    let checked = 0;
    for (const [path, ops] of Object.entries(spec.paths as Record<string, Record<string, unknown>>)) {
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-0000-0000-000000000000');
      for (const method of Object.keys(ops)) {
        const r = await t.app.inject({ method: method.toUpperCase() as 'GET', url, ...(method === 'get' ? {} : { payload: {} }) });
        expect(r.statusCode, `${method} ${path}`).toBeLessThan(500);
        if (method !== 'get' && !publicWrites.includes(path)) expect(r.statusCode, `${method} ${path}`).toBe(401);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('refuses to start when a route has no access rule', async () => {
    const { buildApp } = await import('../../src/http/app');
    const { loadConfig } = await import('../../src/config');
    const app = await buildApp({ db: t.db, clock: t.clock, config: loadConfig({ MOTCUA_LOG_LEVEL: 'silent' }) }, { logger: false });
    await expect(
      app.register(async (api) => {
        api.get('/oops', async () => 'x');
      }, { prefix: '/api/v1' }),
    ).rejects.toThrow(/declares no access rule/);
    await app.close().catch(() => undefined);
  });

  it('the access helper reads the declaration', () => {
    expect(accessOf({ access: { public: true } })).toEqual({ public: true });
    expect(accessOf({})).toBeUndefined();
  });
});
