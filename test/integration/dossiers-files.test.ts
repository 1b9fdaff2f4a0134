import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, getDossier, mustAct, register } from '../support/dossiers';
import { multipart, TINY_PNG } from '../support/multipart';

let t: TestApp;
let clerk: string;
beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.login('tn.tp');
});
afterAll(async () => t.close());

const PNG = TINY_PNG;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

const upload = (code: string, body: ReturnType<typeof multipart>, cookie = clerk) =>
  t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/files`, headers: { cookie, ...body.headers }, payload: body.payload });

describe('digitization', () => {
  it('uploads a PDF and a PNG for checklist items, stores them by content and serves them back', async () => {
    const d = await register(t, clerk, { applicant: applicant(501) });
    const a = await upload(d.code, multipart(PDF, 'to-khai.pdf', { checklistIndex: '0' }));
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ name: 'to-khai.pdf', mime: 'application/pdf', checklistIndex: 0, reused: false });
    const b = await upload(d.code, multipart(PNG, 'cccd.png', { checklistIndex: '1' }));
    expect(b.json().mime).toBe('image/png');
    const got = await t.app.inject({ url: `/api/v1/dossiers/${d.code}/files/${a.json().id}`, headers: { cookie: clerk } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toContain('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);
    const detail = (await getDossier(t, clerk, d.code)).json();
    expect(detail.files.map((f: { name: string }) => f.name)).toEqual(['to-khai.pdf', 'cccd.png']);
  });

  it('checks the type by content, not by name: an executable called .pdf is refused', async () => {
    const d = await register(t, clerk);
    const r = await upload(d.code, multipart(Buffer.from('MZ\x90\x00 this is not a pdf'), 'hop-le.pdf', {}, 'application/pdf'));
    expect(r.statusCode).toBe(415);
    expect(r.json().detail).toContain('Chỉ chấp nhận tệp PDF, JPEG hoặc PNG');
    expect((await getDossier(t, clerk, d.code)).json().files).toHaveLength(0);
  });

  it('refuses an unknown checklist item and an empty file', async () => {
    const d = await register(t, clerk);
    expect((await upload(d.code, multipart(PDF, 'a.pdf', { checklistIndex: '99' }))).statusCode).toBe(400);
    expect((await upload(d.code, multipart(Buffer.alloc(0), 'rong.pdf'))).statusCode).toBe(400);
  });

  it('a file stored for one dossier is reused for the same person without re-upload, but never for someone else', async () => {
    const first = await register(t, clerk, { applicant: applicant(502) });
    const f = (await upload(first.code, multipart(PNG, 'cccd-mat-truoc.png', { checklistIndex: '0' }))).json();
    const second = await register(t, clerk, { applicant: applicant(502) });
    const reusable = (await t.app.inject({ url: `/api/v1/dossiers/${second.code}/reusable-files`, headers: { cookie: clerk } })).json().items;
    expect(reusable).toEqual([expect.objectContaining({ id: f.id, fromDossier: first.code })]);
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${second.code}/files`, headers: { cookie: clerk }, payload: { reuseFileId: f.id, checklistIndex: 0 } });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ reused: true, name: 'cccd-mat-truoc.png' });
    const stranger = await register(t, clerk, { applicant: applicant(503) });
    const denied = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${stranger.code}/files`, headers: { cookie: clerk }, payload: { reuseFileId: f.id } });
    expect(denied.statusCode).toBe(404);
    const stored = await t.db.query('SELECT count(*)::int AS n FROM stored_files WHERE sha256 IN (SELECT sha256 FROM dossier_files WHERE id = $1)', [f.id]);
    expect(stored.rows[0].n).toBe(1);
  });

  it('another center cannot upload to or read the dossier files', async () => {
    const d = await register(t, clerk);
    const f = (await upload(d.code, multipart(PDF, 'x.pdf'))).json();
    const hue = await t.login('tn.tp.hue');
    expect((await upload(d.code, multipart(PDF, 'y.pdf'), hue)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.code}/files/${f.id}`, headers: { cookie: hue } })).statusCode).toBe(403);
  });

  it('the department attaches the result file at the last step', async () => {
    const d = await register(t, clerk, { procedure: '2.000992' });
    await mustAct(t, clerk, d.code, 'receive', {});
    await mustAct(t, clerk, d.code, 'transfer', {});
    const cv = await t.login('cv.tp');
    const ld = await t.login('ld.tp');
    await mustAct(t, cv, d.code, 'complete-step', {});
    await mustAct(t, ld, d.code, 'complete-step', {});
    expect((await upload(d.code, multipart(PDF, 'kq.pdf', { kind: 'result' }))).statusCode).toBe(403);
    const res = await upload(d.code, multipart(PDF, 'ket-qua.pdf', { kind: 'result' }), cv);
    expect(res.statusCode).toBe(201);
    const done = await mustAct(t, cv, d.code, 'resolve', { resultFileId: res.json().id, resultSummary: 'Bản dịch đã chứng thực' });
    expect(done.result).toMatchObject({ fileId: res.json().id });
  });
});

describe('search and lists', () => {
  it('finds by code, accent-insensitive name, citizen ID and phone; filters by status and paginates', async () => {
    const d = await register(t, clerk, { applicant: { ...applicant(601), fullName: 'Hồ Thị Xuân Hương', phone: '0935123456' } });
    const find = async (qs: string) => (await t.app.inject({ url: `/api/v1/dossiers?${qs}`, headers: { cookie: clerk } })).json();
    expect((await find(`q=${encodeURIComponent(d.code)}`)).items.map((x: { code: string }) => x.code)).toEqual([d.code]);
    expect((await find('q=ho%20thi%20xuan%20huong')).items.map((x: { code: string }) => x.code)).toContain(d.code);
    expect((await find(`idNumber=${applicant(601).idNumber}`)).items.map((x: { code: string }) => x.code)).toEqual([d.code]);
    expect((await find('phone=0935123456')).items.map((x: { code: string }) => x.code)).toEqual([d.code]);
    expect((await find('status=submitted&limit=200')).items.every((x: { status: string }) => x.status === 'submitted')).toBe(true);
    const all = await find('limit=200');
    const page1 = await find('limit=3&offset=0');
    const page2 = await find('limit=3&offset=3');
    expect(page1.total).toBe(all.total);
    expect(new Set([...page1.items, ...page2.items].map((x: { code: string }) => x.code)).size).toBe(6);
    const bad = await t.app.inject({ url: '/api/v1/dossiers?status=lost', headers: { cookie: clerk } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Trạng thái không hợp lệ');
  });

  it('the public status page shows status and appointment without personal data', async () => {
    const d = await register(t, clerk, { applicant: { ...applicant(602), fullName: 'Lê Thị Thanh Tâm' } });
    await mustAct(t, clerk, d.code, 'receive', {});
    const r = await t.app.inject({ url: `/api/v1/public/dossiers/${d.code}?verifier=0111` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ code: d.code, status: 'received', statusName: 'Đã tiếp nhận' });
    expect(r.body).not.toContain('Tâm');
    expect(r.body).not.toContain(applicant(602).idNumber);
    expect(r.body).not.toContain('Lê Thị Thanh Tâm');
  });
});
