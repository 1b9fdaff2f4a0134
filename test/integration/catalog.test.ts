import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitHours, workflowHours } from '../../src/modules/catalog/workflow';
import { readCatalogSeed } from '../../src/seed/catalog';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

describe('public catalog', () => {
  it('holds the whole seed catalog: 94 procedures over 14 fields', async () => {
    const r = (await get('/api/v1/procedures?limit=1')).json();
    expect(r.total).toBe(94);
    const fields = (await get('/api/v1/fields')).json().items;
    expect(fields).toHaveLength(14);
    expect(fields.reduce((s: number, f: { procedureCount: number }) => s + f.procedureCount, 0)).toBe(94);
    expect(fields.find((f: { code: string }) => f.code === 'TP')).toMatchObject({ no: 2, procedureCount: 17 });
  });

  it.each([
    ['dang ky ho kinh doanh', 'Đăng ký thành lập hộ kinh doanh'],
    ['ĐĂNG KÝ HỘ KINH DOANH', 'Đăng ký thành lập hộ kinh doanh'],
    ['ho kinh doanh', 'hộ kinh doanh'],
    ['khai sinh', 'khai sinh'],
    ['chung thuc ban sao', 'Chứng thực bản sao'],
    ['giay phep xay dung', 'giấy phép xây dựng'],
    ['karaoke', 'karaoke'],
  ])('accent-insensitive search "%s" finds "%s"', async (q, expected) => {
    const r = (await get(`/api/v1/procedures?q=${encodeURIComponent(q)}&limit=50`)).json();
    expect(r.total).toBeGreaterThan(0);
    expect(r.items.some((p: { name: string }) => p.name.toLowerCase().includes(expected.toLowerCase()))).toBe(true);
    // every hit contains every word of the query, folded
    const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
    for (const p of r.items) for (const w of fold(q).split(' ')) expect(fold(`${p.code} ${p.name}`) + ' ' + fold((await get(`/api/v1/procedures/${p.code}`)).json().result)).toContain(w);
  });

  it('the best match comes first', async () => {
    const r = (await get('/api/v1/procedures?q=dang%20ky%20ho%20kinh%20doanh')).json();
    expect(r.items[0].name).toMatch(/^Đăng ký thành lập hộ kinh doanh/);
  });

  it('finds nothing for nonsense; LIKE wildcards typed by the user never act as wildcards', async () => {
    expect((await get('/api/v1/procedures?q=zzqqxx')).json().total).toBe(0);
    expect((await get('/api/v1/procedures?q=zz%25')).json().total).toBe(0);
  });

  it('filters by field and pages without overlap', async () => {
    const p1 = (await get('/api/v1/procedures?field=TP&limit=10&offset=0')).json();
    const p2 = (await get('/api/v1/procedures?field=TP&limit=10&offset=10')).json();
    expect(p1.total).toBe(17);
    expect(p1.items).toHaveLength(10);
    expect(p2.items).toHaveLength(7);
    const codes = [...p1.items, ...p2.items].map((p: { code: string }) => p.code);
    expect(new Set(codes).size).toBe(17);
    expect([...p1.items, ...p2.items].every((p: { field: string }) => p.field === 'TP')).toBe(true);
  });

  it('rejects a bad page size with a Vietnamese message', async () => {
    const r = await get('/api/v1/procedures?limit=1000');
    expect(r.statusCode).toBe(400);
    expect(r.json().detail).toContain('limit tối đa 100');
  });

  it('shows a procedure in full, with sources and a workflow that adds up to its time limit', async () => {
    const seed = readCatalogSeed().procedures.find((p) => p.code === '2.000992')!;
    const p = (await get('/api/v1/procedures/2.000992')).json();
    expect(p).toMatchObject({ code: '2.000992', name: seed.name, field: 'TP', fieldName: expect.stringContaining('Tư pháp'), onlineLevel: 2 });
    expect(p.processingTime).toMatchObject({ unit: 'same_day', value: 1 });
    expect(p.fees[0]).toMatchObject({ amount: 10000, unit: 'per_dossier' });
    expect(p.source).toContain('chatbot-tthc');
    expect(p.requiredDocuments.length).toBeGreaterThan(0);
    expect(p.workflow.map((s: { role: string }) => s.role)).toEqual(['reception', 'specialist', 'department_head', 'specialist']);
  });

  it('every seeded procedure has a default workflow whose budgets equal its time limit', async () => {
    const r = await t.db.query('SELECT code, time_unit, time_value, workflow FROM procedures');
    expect(r.rows).toHaveLength(94);
    for (const row of r.rows) {
      expect(workflowHours(row.workflow), row.code).toBe(limitHours({ unit: row.time_unit, value: row.time_value }));
      expect(row.workflow.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('404 for an unknown code', async () => {
    const r = await get('/api/v1/procedures/9.999999');
    expect(r.statusCode).toBe(404);
    expect(r.json().detail).toBe('Không tìm thấy thủ tục có mã 9.999999.');
  });
});

const newProcedure = (code: string) => ({
  code, name: 'Thủ tục thử nghiệm cấp giấy xác nhận', field: 'TP', agency: 'Phòng Tư pháp', decidingAuthority: 'Trưởng phòng',
  processingTime: { unit: 'working_days', value: 3 }, fees: [{ name: 'Lệ phí', amount: 50000, unit: 'per_dossier', cap: null }],
  requiredDocuments: [{ name: 'Tờ khai', original: 1, copy: 0, mandatory: true }], result: 'Giấy xác nhận', legalBasis: ['Luật thử'],
  interAgency: [], onlineLevel: 3,
});

describe('catalog administration', () => {
  it('only catalog managers may edit', async () => {
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/procedures', payload: newProcedure('T.1') });
    expect(anon.statusCode).toBe(401);
    const clerk = await t.login('tn.tp');
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/procedures', payload: newProcedure('T.1'), headers: { cookie: clerk } });
    expect(r.statusCode).toBe(403);
    expect(r.json().detail).toBe('Bạn không có quyền thực hiện thao tác này.');
    expect((await get('/api/v1/procedures/T.1')).statusCode).toBe(404);
  });

  it('creates a procedure with a default workflow, is found by search, and audits it', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/procedures', payload: newProcedure('T.2'), headers: { cookie: admin } });
    expect(r.statusCode).toBe(201);
    expect(workflowHours(r.json().workflow)).toBe(24);
    expect((await get('/api/v1/procedures?q=thu%20nghiem%20xac%20nhan')).json().items[0].code).toBe('T.2');
    const a = await t.db.query("SELECT action FROM audit_log WHERE entity_id = 'T.2'");
    expect(a.rows.map((x) => x.action)).toEqual(['catalog.procedure.create']);
  });

  it.each([
    [{ processingTime: { unit: 'working_days', value: 0 } }, 'Thời hạn phải lớn hơn 0'],
    [{ field: 'ZZ' }, 'Lĩnh vực "ZZ" không tồn tại'],
    [{ fees: [{ name: 'Phí', amount: -1, unit: 'per_dossier', cap: null }] }, 'Số tiền không được âm'],
    [{ fees: [{ name: 'Phí', amount: 10.5, unit: 'per_dossier', cap: null }] }, 'Số tiền phải là số nguyên'],
    [{ workflow: [{ order: 1, name: 'Xử lý', role: 'specialist', unit: 'Phòng', budget: { unit: 'working_hours', value: 5 } }] }, 'phải bằng thời hạn giải quyết (24 giờ làm việc)'],
    [{ processingTime: { unit: 'working_days', value: 3, cutoff: '15:00' } }, 'chỉ áp dụng cho thủ tục giải quyết trong ngày'],
  ])('rejects invalid input %j and changes nothing', async (patch, message) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/procedures', payload: { ...newProcedure('T.3'), ...patch }, headers: { cookie: admin } });
    expect(r.statusCode).toBe(400);
    expect(r.json().detail).toContain(message);
    expect((await get('/api/v1/procedures/T.3')).statusCode).toBe(404);
  });

  it('updates a procedure but never its code', async () => {
    const body = { ...newProcedure('T.2'), name: 'Thủ tục thử nghiệm đã sửa tên' };
    const r = await t.app.inject({ method: 'PUT', url: '/api/v1/procedures/T.2', payload: body, headers: { cookie: admin } });
    expect(r.statusCode).toBe(200);
    expect(r.json().name).toBe('Thủ tục thử nghiệm đã sửa tên');
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/procedures/T.2', payload: { ...body, code: 'T.9' }, headers: { cookie: admin } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('catalog import and export', () => {
  it('JSON export → import round-trips every procedure unchanged', async () => {
    const exp = await get('/api/v1/catalog/export.json', admin);
    expect(exp.statusCode).toBe(200);
    const data = exp.json();
    expect(data.procedures.length).toBeGreaterThanOrEqual(94);
    const before = (await get('/api/v1/procedures/1.001612', admin)).json();
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/import', payload: { procedures: data.procedures }, headers: { cookie: admin } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ created: 0, updated: data.procedures.length, errors: [] });
    const after = (await get('/api/v1/procedures/1.001612', admin)).json();
    expect({ ...after, updatedAt: 0 }).toEqual({ ...before, updatedAt: 0 });
  });

  it('an import with one bad item imports nothing and lists the error', async () => {
    const r = await t.app.inject({
      method: 'POST', url: '/api/v1/catalog/import', headers: { cookie: admin },
      payload: { procedures: [newProcedure('T.10'), { ...newProcedure('T.11'), onlineLevel: 9 }] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([expect.objectContaining({ code: 'T.11' })]);
    expect((await get('/api/v1/procedures/T.10')).statusCode).toBe(404);
  });

  it('Excel export is a real workbook whose import round-trips', async () => {
    const exp = await get('/api/v1/catalog/export.xlsx', admin);
    expect(exp.statusCode).toBe(200);
    expect(exp.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Thủ tục')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Tên thủ tục');
    expect(sheet.rowCount).toBeGreaterThanOrEqual(95);
    // Edit one name in the workbook and import it back.
    sheet.eachRow((row) => {
      if (row.getCell(1).value === '2.000992') row.getCell(2).value = 'Chứng thực chữ ký người dịch (đã sửa qua Excel)';
    });
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const before = (await get('/api/v1/procedures/2.000992')).json();
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/import', payload: buf, headers: { cookie: admin, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    expect(r.statusCode, r.body.slice(0, 2000)).toBe(200);
    const after = (await get('/api/v1/procedures/2.000992')).json();
    expect(after.name).toBe('Chứng thực chữ ký người dịch (đã sửa qua Excel)');
    expect(after.fees).toEqual(before.fees);
    expect(after.requiredDocuments).toEqual(before.requiredDocuments);
    expect(after.workflow).toEqual(before.workflow);
    expect(after.legalBasis).toEqual(before.legalBasis);
  });

  it('refuses a file that only claims to be Excel', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/import', payload: Buffer.from('not a zip at all'), headers: { cookie: admin, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('CATALOG_XLSX_NOT_ZIP');
  });
});

describe('withdrawn procedures', () => {
  it('disappear from the public list but stay visible to catalog managers', async () => {
    const p = (await get('/api/v1/procedures/2.000554')).json();
    const body = { ...p, active: false };
    for (const k of ['fieldName', 'updatedAt']) delete body[k];
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/procedures/2.000554', payload: body, headers: { cookie: admin } })).statusCode).toBe(200);
    const pub = (await get('/api/v1/procedures?field=TP&limit=100&includeInactive=true')).json();
    expect(pub.items.some((x: { code: string }) => x.code === '2.000554')).toBe(false);
    const mine = (await get('/api/v1/procedures?field=TP&limit=100&includeInactive=true', admin)).json();
    expect(mine.items.find((x: { code: string }) => x.code === '2.000554').active).toBe(false);
  });
});
