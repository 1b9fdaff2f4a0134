// Citizen sign-in with VNeID through OpenID Connect (issue 15, part 1) against a real local OpenID Connect provider
// issuing the national portal's claims: the full authorization code flow, the same citizen session as the one-time
// code, the dossiers found by the verified identity number, and every way the sign-in can fail leaving no session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, register } from '../support/dossiers';
import { browseProvider, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';

const PUBLIC_URL = 'http://motcua.test';
const REDIRECT = `${PUBLIC_URL}/api/v1/citizen/auth/oidc/callback`;
const CLIENT = { clientId: 'motcua-huongthuy', clientSecret: 'test-client-secret-0123456789' };

const AN = { TechID: 'tech-an', SoDinhDanh: '046080000001', HoVaTen: 'Nguyễn Văn An', NgayThangNamSinh: '19800102', SoDienThoai: '0987000333', LoaiTaiKhoan: '1' };
const ACCOUNTS = {
  an: AN,
  // The same person after the provider reissued the subject: the identity number links it to the same account.
  'an-new-sub': { ...AN, TechID: 'tech-an-2' },
  // The subject An's account is linked to, with another identity number: never merged into An's account.
  'an-other-number': { ...AN, TechID: 'tech-an-2', SoDinhDanh: '046080000099' },
  noid: { TechID: 'tech-noid', HoVaTen: 'Không Số', LoaiTaiKhoan: '1' },
  binh: { TechID: 'tech-binh', SoDinhDanh: '046080000002', HoVaTen: 'Trần Thị Bình', SoDienThoai: '0912000222' },
  cuong: { TechID: 'tech-cuong', SoDinhDanh: '046080000003', HoVaTen: 'Hồ Văn Cường' },
};

let t: TestApp;
let provider: TestOidcProvider;
let clerk: string;
let anDossier: string;
let otherDossier: string;

beforeAll(async () => {
  provider = await startOidcProvider({ ...CLIENT, redirectUri: REDIRECT, accounts: ACCOUNTS });
  t = await createTestApp({ config: { publicUrl: PUBLIC_URL, oidc: { issuer: provider.issuer, ...CLIENT, name: 'VNeID' } } });
  clerk = await t.login('tn.tp');
  anDossier = (await register(t, clerk, { applicant: { ...applicant(1), phone: '0905000111' } })).code;
  otherDossier = (await register(t, clerk, { applicant: { ...applicant(2), fullName: 'Lê Văn Khác', phone: '0935000444' } })).code;
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

const cookieOf = (r: { cookies: { name: string; value: string }[] }, name: string) => r.cookies.find((c) => c.name === name && c.value !== '');

/** Starts a sign-in at our server and lets the provider log in (or refuse): the address it sends the browser back to. */
async function prepare(who: string | 'deny') {
  if (who === 'deny') provider.deny(); else provider.as(who);
  const start = await t.app.inject({ url: '/api/v1/citizen/auth/oidc/start' });
  expect(start.statusCode, start.body).toBe(302);
  const login = cookieOf(start, 'motcua_oidc_login')!;
  expect(login).toBeDefined();
  const authorize = new URL(start.headers.location as string);
  expect(authorize.origin).toBe(provider.issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('state')).toBeTruthy();
  expect(authorize.searchParams.get('nonce')).toBeTruthy();
  expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT);
  return { back: await browseProvider(authorize.href, REDIRECT), cookie: `motcua_oidc_login=${login.value}` };
}

/** A whole sign-in: `prepare`, then our callback's answer. */
async function signIn(who: string | 'deny', tamper: (cb: URL) => URL = (u) => u, loginCookie?: (c: string) => string) {
  const prepared = await prepare(who);
  const back = tamper(prepared.back);
  const cookie = prepared.cookie;
  const r = await t.app.inject({ url: `${back.pathname}${back.search}`, headers: { cookie: loginCookie ? loginCookie(cookie) : cookie } });
  return { r, back, cookie };
}

function session(r: Awaited<ReturnType<typeof signIn>>['r']): string {
  expect(r.statusCode, r.body).toBe(302);
  expect(r.headers.location).toBe('/cong-dan');
  const c = cookieOf(r, 'motcua_citizen_sid');
  expect(c).toBeDefined();
  return `motcua_citizen_sid=${c!.value}`;
}

function refused(r: Awaited<ReturnType<typeof signIn>>['r'], loi: string) {
  expect(r.statusCode, r.body).toBe(302);
  expect(r.headers.location).toBe(`/cong-dan?loi=${loi}`);
  expect(cookieOf(r, 'motcua_citizen_sid')).toBeUndefined();
}

const citizenCount = async () => Number((await t.db.query('SELECT count(*) FROM citizen_sessions')).rows[0].count);

describe('VNeID sign-in', () => {
  it('announces itself with its name', async () => {
    const r = await t.app.inject({ url: '/api/v1/citizen/auth/oidc' });
    expect(r.json()).toEqual({ enabled: true, name: 'VNeID' });
  });

  it('signs the citizen in through the provider, with the same session as the one-time code, and shows the dossiers of the verified number', async () => {
    const { r } = await signIn('an');
    const cookie = session(r);
    const me = await t.app.inject({ url: '/api/v1/citizen/me', headers: { cookie } });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ signInMethod: 'oidc', idNumberVerified: true, idNumber: '046******001', fullName: 'Nguyễn Văn An', contact: '0987***333', contactKind: 'phone' });
    const list = await t.app.inject({ url: '/api/v1/citizen/dossiers', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    const codes = list.json().items.map((d: { code: string }) => d.code);
    expect(codes).toContain(anDossier);
    expect(codes).not.toContain(otherDossier);
    // The e-form starts from the verified name and identity number (the citizen's own, unmasked for them only).
    const prefill = await t.app.inject({ url: '/api/v1/citizen/applicant', headers: { cookie } });
    expect(prefill.json()).toMatchObject({ fullName: 'Nguyễn Văn An', idNumber: '046080000001', idNumberVerified: true });
    const other = await t.app.inject({ url: `/api/v1/citizen/dossiers/${encodeURIComponent(otherDossier)}`, headers: { cookie } });
    expect(other.statusCode).toBe(404);
    const own = await t.app.inject({ url: `/api/v1/citizen/dossiers/${encodeURIComponent(anDossier)}`, headers: { cookie } });
    expect(own.statusCode, own.body).toBe(200);
    // The citizen session never opens a staff route.
    expect((await t.app.inject({ url: '/api/v1/dossiers', headers: { cookie } })).statusCode).toBe(401);
    // Signing out ends it like any citizen session.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/citizen/auth/logout', headers: { cookie }, payload: {} })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/citizen/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('finds the same account again, by subject and by the verified identity number', async () => {
    const meOf = async (who: string) => (await t.app.inject({ url: '/api/v1/citizen/me', headers: { cookie: session((await signIn(who)).r) } })).json();
    const first = await meOf('an');
    expect((await meOf('an')).id).toBe(first.id);
    expect((await meOf('an-new-sub')).id).toBe(first.id);
    const accounts = await t.db.query("SELECT id FROM citizen_accounts WHERE id_number = '046080000001'");
    expect(accounts.rows).toHaveLength(1);
  });

  it('never merges an identity number into another person\'s account', async () => {
    const before = await citizenCount();
    // The subject linked to An's account (tech-an-2 since the last test) arrives with another number: refused.
    refused((await signIn('an-other-number')).r, 'mismatch');
    expect(await citizenCount()).toBe(before);
    expect((await t.db.query("SELECT count(*)::int AS n FROM citizen_accounts WHERE id_number = '046080000099'")).rows[0].n).toBe(0);
  });

  it('a new account does not take over the phone of an existing one-time-code account', async () => {
    await t.db.query(`INSERT INTO citizen_accounts (contact, contact_kind, created_at) VALUES ('84912000222', 'phone', now())`);
    const cookie = session((await signIn('binh')).r);
    const me = (await t.app.inject({ url: '/api/v1/citizen/me', headers: { cookie } })).json();
    expect(me).toMatchObject({ contact: null, contactKind: null, idNumber: '046******002', signInMethod: 'oidc' });
    const otp = await t.db.query("SELECT id, id_number FROM citizen_accounts WHERE contact = '84912000222'");
    expect(otp.rows[0].id).not.toBe(me.id);
    expect(otp.rows[0].id_number).toBeNull();
  });

  it('two first sign-ins of one person at the same moment make one account', async () => {
    const a = await prepare('cuong');
    const b = await prepare('cuong');
    const [ra, rb] = await Promise.all([a, b].map((p) => t.app.inject({ url: `${p.back.pathname}${p.back.search}`, headers: { cookie: p.cookie } })));
    const ids = await Promise.all([ra!, rb!].map(async (r) => (await t.app.inject({ url: '/api/v1/citizen/me', headers: { cookie: session(r) } })).json().id));
    expect(ids[0]).toBe(ids[1]);
    expect((await t.db.query("SELECT count(*)::int AS n FROM citizen_accounts WHERE id_number = '046080000003'")).rows[0].n).toBe(1);
  });

  it('refuses an identity without a 12-digit identity number', async () => {
    refused((await signIn('noid')).r, 'no-id');
  });

  it('the citizen refusing consent comes back with the reason and no session', async () => {
    const before = await citizenCount();
    refused((await signIn('deny')).r, 'denied');
    expect(await citizenCount()).toBe(before);
  });

  it('a forged state, a missing browser cookie or a replayed answer opens no session', async () => {
    const before = await citizenCount();
    const forged = await signIn('an', (u) => { const x = new URL(u); x.searchParams.set('state', 'forged-state'); return x; });
    refused(forged.r, 'state');
    // The answer arrives in a browser that did not start the sign-in (login CSRF).
    refused((await signIn('an', (u) => u, () => 'motcua_oidc_login=someone-else')).r, 'expired');
    refused((await signIn('an', (u) => u, () => '')).r, 'state');
    // The same answer twice: the first opens a session, the second is refused.
    const ok = await signIn('an');
    session(ok.r);
    const again = await t.app.inject({ url: `${ok.back.pathname}${ok.back.search}`, headers: { cookie: ok.cookie } });
    refused(again, 'expired');
    expect(await citizenCount()).toBe(before + 1);
  });

  it('a staff cookie never opens a citizen route, nor a sign-in', async () => {
    expect((await t.app.inject({ url: '/api/v1/citizen/me', headers: { cookie: clerk } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/citizen/dossiers', headers: { cookie: clerk } })).statusCode).toBe(401);
    const r = await t.app.inject({ url: '/api/v1/citizen/auth/oidc/callback?code=x&state=y', headers: { cookie: clerk } });
    refused(r, 'state');
  });
});

describe('VNeID sign-in switched off', () => {
  let off: TestApp;
  beforeAll(async () => { off = await createTestApp(); });
  afterAll(async () => { await off?.close(); });

  it('offers no button and its routes answer 404 in Vietnamese', async () => {
    expect((await off.app.inject({ url: '/api/v1/citizen/auth/oidc' })).json()).toEqual({ enabled: false, name: 'VNeID' });
    for (const url of ['/api/v1/citizen/auth/oidc/start', '/api/v1/citizen/auth/oidc/callback?code=a&state=b']) {
      const r = await off.app.inject({ url });
      expect(r.statusCode).toBe(404);
      expect(r.json().detail ?? r.json().title).toMatch(/chưa bật đăng nhập bằng tài khoản định danh/);
    }
  });
});

describe('VNeID sign-in with the provider unreachable', () => {
  let down: TestApp;
  beforeAll(async () => {
    // A port nothing listens on: the provider's metadata cannot be read.
    const gone = await startOidcProvider({ ...CLIENT, redirectUri: REDIRECT, accounts: {} });
    const issuer = gone.issuer;
    await gone.close();
    down = await createTestApp({ config: { publicUrl: PUBLIC_URL, oidc: { issuer, ...CLIENT, name: 'VNeID' } } });
  });
  afterAll(async () => { await down?.close(); });

  it('sends the citizen back with the reason and keeps no half-done sign-in', async () => {
    const r = await down.app.inject({ url: '/api/v1/citizen/auth/oidc/start' });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe('/cong-dan?loi=provider');
    expect((await down.db.query('SELECT count(*)::int AS n FROM citizen_oidc_logins')).rows[0].n).toBe(0);
  });
});

describe('VNeID sign-in settings', () => {
  const env = { MOTCUA_OIDC_ISSUER: 'https://xacthuc.example.gov.vn/oauth2/token', MOTCUA_OIDC_CLIENT_ID: 'motcua', MOTCUA_OIDC_CLIENT_SECRET: 'secret-0123456789', MOTCUA_PUBLIC_URL: 'https://motcua.example.gov.vn' };
  it('all three with the public address turn it on, named VNeID unless told', () => {
    expect(loadConfig(env).oidc).toEqual({ issuer: env.MOTCUA_OIDC_ISSUER, clientId: 'motcua', clientSecret: 'secret-0123456789', name: 'VNeID' });
    expect(loadConfig({ ...env, MOTCUA_OIDC_NAME: 'Cổng DVCQG' }).oidc?.name).toBe('Cổng DVCQG');
    expect(loadConfig({}).oidc).toBeUndefined();
  });
  it.each([
    ['no secret', { ...env, MOTCUA_OIDC_CLIENT_SECRET: undefined }],
    ['no public address for the return', { ...env, MOTCUA_PUBLIC_URL: undefined }],
    ['plain http to another host', { ...env, MOTCUA_OIDC_ISSUER: 'http://xacthuc.example.gov.vn' }],
  ])('refuses to start with %s', (_name, e) => {
    expect(() => loadConfig(e)).toThrow(/MOTCUA_OIDC_ISSUER/);
  });
  it('plain http only to this machine (a local test provider)', () => {
    expect(loadConfig({ ...env, MOTCUA_OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidc?.issuer).toBe('http://127.0.0.1:4000');
  });
});
