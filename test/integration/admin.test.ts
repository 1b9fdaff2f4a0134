import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
let huongThuy: { id: string; code: string };
let hue: { id: string; code: string };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const centers = (await t.app.inject({ url: '/api/v1/centers' })).json().items;
  huongThuy = centers.find((c: { code: string }) => c.code === '000.00.15.H57');
  hue = centers.find((c: { code: string }) => c.code === '000.00.11.H57');
});
afterAll(async () => t.close());

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('demo organisation', () => {
  it('has two centers of Thừa Thiên Huế', async () => {
    expect(huongThuy).toMatchObject({ name: 'Trung tâm Hành chính công thị xã Hương Thủy', level: 'district', saturdayMorningOpen: true });
    expect(hue).toMatchObject({ name: 'Trung tâm Hành chính công thành phố Huế' });
  });

  it.each([['000.00.15.H57'], ['000.00.11.H57']])('center %s has 14 departments and 15 counters, two for the Police', async (code) => {
    const c = code === huongThuy.code ? huongThuy : hue;
    const deps = (await req('GET', `/api/v1/admin/centers/${c.id}/departments`, admin)).json().items;
    expect(deps).toHaveLength(14);
    expect(deps.find((d: { code: string }) => d.code === 'TP').name).toBe('Phòng Tư pháp');
    const counters = (await req('GET', `/api/v1/admin/centers/${c.id}/counters`, admin)).json().items;
    expect(counters).toHaveLength(15);
    expect(counters.filter((x: { fieldCodes: string[] }) => x.fieldCodes.includes('CA'))).toHaveLength(2);
    for (const f of ['YT', 'TP', 'GD', 'VH', 'LD', 'NV', 'NN', 'MT', 'XD', 'TC', 'DD', 'CA', 'TH', 'BH']) {
      expect(counters.some((x: { fieldCodes: string[] }) => x.fieldCodes.includes(f)), f).toBe(true);
    }
  });

  it('has the demo accounts of the issue, one trio per field', async () => {
    const users = (await req('GET', '/api/v1/admin/users?limit=200', admin)).json();
    const names = users.items.map((u: { username: string }) => u.username);
    for (const u of ['admin', 'giamdoc', 'phogiamdoc', 'giamsat', 'thuphi', 'tinh']) expect(names).toContain(u);
    for (const f of ['yt', 'tp', 'gd', 'vh', 'ld', 'nv', 'nn', 'mt', 'xd', 'tc', 'dd', 'ca', 'th', 'bh']) {
      for (const p of ['tn', 'cv', 'ld']) expect(names).toContain(`${p}.${f}`);
    }
  });
});

describe('users', () => {
  it('only administrators manage users', async () => {
    const director = await t.login('giamdoc');
    expect((await req('GET', '/api/v1/admin/users', director)).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/admin/users' })).statusCode).toBe(401);
  });

  it('searches users accent-insensitively', async () => {
    const all = (await req('GET', '/api/v1/admin/users?limit=200', admin)).json().items;
    const someone = all.find((u: { username: string }) => u.username === 'cv.tp');
    const folded = someone.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd');
    const r = (await req('GET', `/api/v1/admin/users?q=${encodeURIComponent(folded)}`, admin)).json();
    expect(r.items.map((u: { username: string }) => u.username)).toContain('cv.tp');
  });

  it('creates a specialist placed in a department, who can then log in', async () => {
    const deps = (await req('GET', `/api/v1/admin/centers/${huongThuy.id}/departments`, admin)).json().items;
    const tp = deps.find((d: { code: string }) => d.code === 'TP');
    const r = await req('POST', '/api/v1/admin/users', admin, { username: 'cv.tp2', fullName: 'Trần Thị Bích', password: 'mat-khau-moi-1', roles: ['specialist'], centerId: huongThuy.id, departmentId: tp.id });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ username: 'cv.tp2', department: { code: 'TP' }, center: { code: huongThuy.code } });
    await expect(t.login('cv.tp2', 'mat-khau-moi-1')).resolves.toContain('motcua_sid=');
    const audit = await t.db.query("SELECT action FROM audit_log WHERE action = 'user.create' AND data->>'username' = 'cv.tp2'");
    expect(audit.rowCount).toBe(1);
  });

  it.each([
    [{ username: 'giamdoc' }, 409, 'đã được dùng'],
    [{ password: 'ngan' }, 400, 'Mật khẩu tối thiểu 8 ký tự'],
    [{ roles: ['vua'] }, 400, 'Vai trò không tồn tại'],
    [{ roles: ['reception'], centerId: null }, 400, 'cần được gán cho một Trung tâm'],
    [{ roles: ['specialist'], departmentId: null }, 400, 'cần được gán cho một phòng chuyên môn'],
    [{ username: 'có dấu' }, 400, 'chữ không dấu'],
  ])('rejects %j', async (patch, status, message) => {
    const body = { username: 'moi.user', fullName: 'Lê Văn Mới', password: 'mat-khau-dai-du', roles: ['reception'], centerId: huongThuy.id, departmentId: null, ...patch };
    const r = await req('POST', '/api/v1/admin/users', admin, body);
    expect(r.statusCode).toBe(status);
    expect(r.json().detail).toContain(message);
  });

  it('refuses a department of another center', async () => {
    const deps = (await req('GET', `/api/v1/admin/centers/${hue.id}/departments`, admin)).json().items;
    const r = await req('POST', '/api/v1/admin/users', admin, { username: 'lech.tt', fullName: 'Lê Văn Lệch', password: 'mat-khau-dai-du', roles: ['specialist'], centerId: huongThuy.id, departmentId: deps[0].id });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('USER_DEPARTMENT_OTHER_CENTER');
  });

  it('deactivating an account ends its sessions; unlock clears a lockout', async () => {
    const cookie = await t.login('tn.mt');
    const list = (await req('GET', '/api/v1/admin/users?q=tn.mt', admin)).json().items;
    const id = list.find((u: { username: string }) => u.username === 'tn.mt').id;
    expect((await req('PATCH', `/api/v1/admin/users/${id}`, admin, { active: false })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const denied = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'tn.mt', password: 'motcua-demo' } });
    expect(denied.statusCode).toBe(403);
    await req('PATCH', `/api/v1/admin/users/${id}`, admin, { active: true });
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'tn.mt', password: 'sai' } });
    const locked = (await req('GET', '/api/v1/admin/users?q=tn.mt', admin)).json().items[0];
    expect(locked.lockedUntil).not.toBeNull();
    expect((await req('PATCH', `/api/v1/admin/users/${id}`, admin, { unlock: true })).json().lockedUntil).toBeNull();
    await expect(t.login('tn.mt')).resolves.toContain('motcua_sid=');
  });

  it('an administrator cannot lock themselves out', async () => {
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: admin } })).json();
    const r = await req('PATCH', `/api/v1/admin/users/${me.id}`, admin, { active: false });
    expect(r.statusCode).toBe(400);
  });
});

describe('centers, departments, counters', () => {
  it('creates a commune-level center with a department and a counter; duplicates are 409', async () => {
    const c = await req('POST', '/api/v1/admin/centers', admin, { code: '000.00.99.H57', name: 'Trung tâm Phục vụ hành chính công phường Phú Bài', shortName: 'TTPVHCC Phú Bài', level: 'commune' });
    expect(c.statusCode).toBe(201);
    const id = c.json().id;
    expect((await req('POST', '/api/v1/admin/centers', admin, { code: '000.00.99.H57', name: 'Trùng mã Trung tâm', shortName: 'Trùng', level: 'commune' })).statusCode).toBe(409);
    const d = await req('POST', `/api/v1/admin/centers/${id}/departments`, admin, { code: 'TP', name: 'Bộ phận Tư pháp – Hộ tịch', fieldCodes: ['TP'] });
    expect(d.statusCode).toBe(201);
    const k = await req('POST', `/api/v1/admin/centers/${id}/counters`, admin, { number: 1, name: 'Quầy 1 – Tư pháp', fieldCodes: ['tp'] });
    expect(k.statusCode).toBe(201);
    expect(k.json().fieldCodes).toEqual(['TP']);
    expect((await req('POST', `/api/v1/admin/centers/${id}/counters`, admin, { number: 1, name: 'Quầy trùng', fieldCodes: ['TP'] })).statusCode).toBe(409);
    const bad = await req('POST', `/api/v1/admin/centers/${id}/counters`, admin, { number: 2, name: 'Quầy 2', fieldCodes: ['ZZ'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('ZZ');
    const p = await req('PATCH', `/api/v1/admin/counters/${k.json().id}`, admin, { fieldCodes: ['TP', 'NV'] });
    expect(p.json().fieldCodes).toEqual(['TP', 'NV']);
  });

  it('switches Saturday mornings off for a center', async () => {
    const r = await req('PATCH', `/api/v1/admin/centers/${hue.id}`, admin, { saturdayMorningOpen: false });
    expect(r.statusCode).toBe(200);
    expect(r.json().saturdayMorningOpen).toBe(false);
    expect(r.json().name).toBe('Trung tâm Hành chính công thành phố Huế');
  });

  it('non-administrators cannot change the organisation', async () => {
    const director = await t.login('giamdoc');
    expect((await req('PATCH', `/api/v1/admin/centers/${huongThuy.id}`, director, { name: 'Đổi tên trái phép' })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/centers' })).json().items.find((c: { id: string }) => c.id === huongThuy.id).name).toBe('Trung tâm Hành chính công thị xã Hương Thủy');
  });
});

describe('audit log scoping', () => {
  it('a director sees only their own center; the province sees all; a clerk sees none', async () => {
    await req('PATCH', `/api/v1/admin/centers/${hue.id}`, admin, { phone: '0234 000 000' });
    const director = await t.login('giamdoc');
    const mine = (await req('GET', '/api/v1/admin/audit?limit=200', director)).json().items;
    expect(mine.every((a: { entityId: string | null; action: string }) => a.entityId !== hue.id)).toBe(true);
    expect((await req('GET', `/api/v1/admin/audit?center=${hue.id}`, director)).statusCode).toBe(403);
    const province = await t.login('tinh');
    const all = (await req('GET', `/api/v1/admin/audit?center=${hue.id}`, province)).json().items;
    expect(all.some((a: { action: string }) => a.action === 'center.update')).toBe(true);
    const clerk = await t.login('tn.tp');
    expect((await req('GET', '/api/v1/admin/audit', clerk)).statusCode).toBe(403);
  });
});
