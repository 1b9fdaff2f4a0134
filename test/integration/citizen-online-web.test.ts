// Online submission, the parts the citizen's web pages need (issue 15 item 2): the delivery choice kept as the
// dossier's return method (and postal address) that the clerk sees, an organisation as the applicant, reuse of the
// citizen's own earlier papers ("Giấy tờ của tôi", never another citizen's), and what a supplement request asks for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { citizenSignInByEmail } from '../support/citizens';
import { applicant, mustAct } from '../support/dossiers';
import { multipart } from '../support/multipart';
import { startSmtp, type TestSmtp } from '../support/smtp';

let t: TestApp;
let smtp: TestSmtp;
let clerk: string;
let center: string;
const clock = new ManualClock(new Date('2026-03-10T09:00:00+07:00'));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PDF2 = Buffer.from('%PDF-1.4\n% ban sao giay khai sinh\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ clock, config: { smtpUrl: smtp.url, mailFrom: '"TTHCC" <no-reply@tthcc.example.vn>' } });
  clerk = await t.login('tn.tp');
  center = (await t.db.query<{ code: string }>(`SELECT c.code FROM centers c JOIN users u ON u.center_id = c.id WHERE u.username = 'tn.tp'`)).rows[0]!.code;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const post = (url: string, payload: unknown, cookie?: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/citizen${url}`, payload: payload as object, headers: cookie ? { cookie } : {} });
const get = (url: string, cookie: string) => t.app.inject({ url: `/api/v1/citizen${url}`, headers: { cookie } });
const staffView = async (code: string) => (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: { cookie: clerk } })).json();

const signIn = (contact: string) => citizenSignInByEmail(t, smtp, contact);

const submission = (n: number, delivery: Record<string, unknown>, procedure = 'H57-TAM-VH-02') => ({
  procedure, center, applicant: { ...applicant(n), phone: '', email: '' }, delivery,
});
const upload = (cookie: string, code: string, buf: Buffer, name: string, checklistIndex: number) => {
  const body = multipart(buf, name, { checklistIndex: String(checklistIndex) });
  return t.app.inject({ method: 'POST', url: `/api/v1/citizen/dossiers/${code}/files`, headers: { cookie, ...body.headers }, payload: body.payload });
};
const reuse = (cookie: string, code: string, reuseFileId: string, checklistIndex: number) => post(`/dossiers/${code}/files`, { reuseFileId, checklistIndex }, cookie);
const count = async (sql: string, values: unknown[] = []) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, values)).rows[0]!.n;

describe('the e-form prefilled from the account', () => {
  it('starts empty, then from the person the citizen wrote on their latest dossier; never from another citizen\'s', async () => {
    const me = await signIn('dien.san@example.vn');
    expect((await get('/applicant', me)).json()).toEqual({ fullName: '', idNumber: '', address: '', idNumberVerified: false });
    const a = applicant(851);
    expect((await post('/dossiers', submission(851, { method: 'counter' }), me)).statusCode).toBe(201);
    expect((await get('/applicant', me)).json()).toEqual({ fullName: a.fullName, idNumber: a.idNumber, address: a.address ?? '', idNumberVerified: false });
    const stranger = await signIn('nguoi.khac.dien.san@example.vn');
    expect((await get('/applicant', stranger)).json()).toMatchObject({ fullName: '', idNumber: '' });
    expect((await t.app.inject({ url: '/api/v1/citizen/applicant', headers: { cookie: clerk } })).statusCode).toBe(401);
  });
});

describe('delivery choice', () => {
  it('keeps "by post" with its address as the return method the clerk sees; without an address it is refused and nothing is created', async () => {
    const me = await signIn('buu.chinh@example.vn');
    const before = await count(`dossiers WHERE channel = 'online'`);
    const bad = await post('/dossiers', submission(801, { method: 'post' }), me);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('cần địa chỉ nhận');
    expect(await count(`dossiers WHERE channel = 'online'`)).toBe(before);

    const r = await post('/dossiers', submission(801, { method: 'post', address: '12 Lê Lợi, phường Phú Hội, thành phố Huế' }), me);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().delivery).toEqual({ method: 'post', address: '12 Lê Lợi, phường Phú Hội, thành phố Huế' });
    const d = await staffView(r.json().code);
    expect(d).toMatchObject({ returnMethod: 'post', returnAddress: '12 Lê Lợi, phường Phú Hội, thành phố Huế', returnedAt: null });
    const mine = (await get(`/dossiers/${r.json().code}`, me)).json();
    expect(mine).toMatchObject({ returnMethod: 'post', returnAddress: '12 Lê Lợi, phường Phú Hội, thành phố Huế' });
  });

  it('keeps "online" and "at the counter"; an address sent with another method is not kept', async () => {
    const me = await signIn('truc.tuyen.nhan@example.vn');
    const online = await post('/dossiers', submission(802, { method: 'online', address: 'không dùng' }), me);
    expect(online.statusCode, online.body).toBe(201);
    expect(online.json().delivery).toEqual({ method: 'online', address: null });
    expect(await staffView(online.json().code)).toMatchObject({ returnMethod: 'online', returnAddress: null });
    const counter = await post('/dossiers', submission(803, { method: 'counter' }), me);
    expect(await staffView(counter.json().code)).toMatchObject({ returnMethod: 'counter', returnAddress: null });
    // A dossier registered at the counter has no choice recorded until its return.
    const staff = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: clerk }, payload: { procedure: 'H57-TAM-VH-02', applicant: applicant(804) } });
    expect(staff.statusCode, staff.body).toBe(201);
    expect(await staffView(staff.json().code)).toMatchObject({ returnMethod: null, returnAddress: null });
  });
});

describe('organisation applicant', () => {
  it('submits for an organisation (name, tax code, representative) as the staff registration does; it shows in "Hồ sơ của tôi"', async () => {
    const me = await signIn('cong.ty.abc@example.vn');
    const body = {
      procedure: 'H57-TAM-VH-02', center, delivery: { method: 'counter' },
      applicant: { kind: 'organization', orgName: 'Công ty TNHH Hương Giang Xanh', taxCode: '3301234567', fullName: 'Nguyễn Văn Đại diện', idNumber: '046201000555', address: '5 Hùng Vương, Huế' },
    };
    const noName = await post('/dossiers', { ...body, applicant: { ...body.applicant, orgName: undefined } }, me);
    expect(noName.statusCode).toBe(400);
    expect(noName.body).toContain('Cần tên tổ chức');
    const badTax = await post('/dossiers', { ...body, applicant: { ...body.applicant, taxCode: '12345' } }, me);
    expect(badTax.statusCode).toBe(400);
    expect(badTax.body).toContain('Mã số thuế');
    const r = await post('/dossiers', body, me);
    expect(r.statusCode, r.body).toBe(201);
    const d = await staffView(r.json().code);
    expect(d.applicant).toMatchObject({ kind: 'organization', orgName: 'Công ty TNHH Hương Giang Xanh', taxCode: '3301234567', fullName: 'Nguyễn Văn Đại diện', email: 'cong.ty.abc@example.vn' });
    expect((await get('/dossiers', me)).json().items.map((i: { code: string }) => i.code)).toContain(r.json().code);
  });
});

describe('reuse of the citizen\'s own papers', () => {
  it('lists "Giấy tờ của tôi" from the citizen\'s earlier dossiers and attaches one by reference; another citizen\'s file is never listed nor attachable', async () => {
    const a = await signIn('dung.lai.a@example.vn');
    const b = await signIn('dung.lai.b@example.vn');
    const first = (await post('/dossiers', submission(811, { method: 'online' }), a)).json().code;
    const up = await upload(a, first, PDF, 'cccd-mat-truoc.pdf', 0);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().reused).toBe(false);
    const bFirst = (await post('/dossiers', submission(812, { method: 'online' }), b)).json().code;
    const bUp = await upload(b, bFirst, PDF2, 'giay-cua-b.pdf', 0);
    expect(bUp.statusCode).toBe(201);

    const mine = (await get('/files', a)).json().items;
    expect(mine.map((f: { name: string }) => f.name)).toEqual(['cccd-mat-truoc.pdf']);
    expect(mine[0]).toMatchObject({ id: up.json().id, dossier: first, mime: 'application/pdf', size: PDF.length });
    expect(typeof mine[0].document).toBe('string');
    expect((await get('/files', b)).json().items.map((f: { name: string }) => f.name)).toEqual(['giay-cua-b.pdf']);

    clock.advanceMinutes(5);
    const second = (await post('/dossiers', submission(811, { method: 'online' }), a)).json().code;
    const r = await reuse(a, second, up.json().id, 1);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ name: 'cccd-mat-truoc.pdf', reused: true, checklistIndex: 1, size: PDF.length });
    // The clerk sees it on the new dossier as a reused paper; the content is the same stored file.
    const files = (await staffView(second)).files;
    expect(files).toEqual([expect.objectContaining({ name: 'cccd-mat-truoc.pdf', reused: true, checklistIndex: 1 })]);
    const dl = await t.app.inject({ url: `/api/v1/dossiers/${second}/files/${files[0].id}`, headers: { cookie: clerk } });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);

    // B cannot take A's file, not even knowing its id: 404 as if it did not exist, and nothing is attached.
    const before = await count('dossier_files');
    const stolen = await reuse(b, bFirst, up.json().id, 1);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().detail).toContain('Giấy tờ của tôi');
    expect(await count('dossier_files')).toBe(before);
    // Nor attach to A's dossier, nor read A's list.
    expect((await reuse(b, second, bUp.json().id, 0)).statusCode).toBe(404);
    expect(JSON.stringify((await get('/files', b)).json())).not.toContain('cccd-mat-truoc');
    // A file of the same dossier or an unknown id: refused; a bad body: 400 in Vietnamese.
    expect((await reuse(a, second, r.json().id, 0)).statusCode).toBe(404);
    expect((await reuse(a, second, '00000000-0000-4000-8000-000000000000', 0)).statusCode).toBe(404);
    const junk = await post(`/dossiers/${second}/files`, { reuseFileId: 'x' }, a);
    expect(junk.statusCode).toBe(400);
    expect(junk.json().detail).toContain('Chưa chọn tệp');
    expect((await reuse(a, second, up.json().id, 99)).statusCode).toBe(400);
    expect(await count('dossier_files')).toBe(before);
    // Without signing in: 401.
    expect((await t.app.inject({ url: '/api/v1/citizen/files' })).statusCode).toBe(401);
  });
});

describe('supplement request on the citizen\'s dossier page', () => {
  it('shows what was asked while it waits, and after the citizen supplements shows the new status and the change in the history', async () => {
    const me = await signIn('bo.sung.web@example.vn');
    const code = (await post('/dossiers', submission(821, { method: 'online' }), me)).json().code;
    expect((await upload(me, code, PDF, 'don.pdf', 0)).statusCode).toBe(201);
    let view = (await get(`/dossiers/${code}`, me)).json();
    expect(view.supplementRequest).toBeNull();
    expect(view.documents.length).toBeGreaterThan(1);
    expect(view.files).toEqual([expect.objectContaining({ name: 'don.pdf', checklistIndex: 0 })]);

    clock.advanceMinutes(10);
    await mustAct(t, clerk, code, 'request-supplement', { reason: 'Bản chụp mờ', missing: ['Bản sao giấy khai sinh', 'Ảnh chân dung 4x6'] });
    view = (await get(`/dossiers/${code}`, me)).json();
    expect(view.status).toBe('needs_supplement');
    expect(view.supplementRequest).toMatchObject({ reason: 'Bản chụp mờ', missing: ['Bản sao giấy khai sinh', 'Ảnh chân dung 4x6'] });

    clock.advanceMinutes(10);
    expect((await upload(me, code, PDF2, 'khai-sinh.pdf', 1)).statusCode).toBe(201);
    const sent = await post(`/dossiers/${code}/supplement`, { note: 'Đã bổ sung bản sao' }, me);
    expect(sent.statusCode, sent.body).toBe(200);
    view = (await get(`/dossiers/${code}`, me)).json();
    expect(view.status).toBe('submitted');
    expect(view.supplementRequest).toBeNull();
    expect(view.timeline.map((e: { status: string }) => e.status)).toEqual(['submitted', 'needs_supplement', 'submitted']);
    expect(view.timeline[1].note).toBe('Bản chụp mờ');
    expect(view.timeline[2].note).toBe('Đã nộp bổ sung hồ sơ: Đã bổ sung bản sao');
    expect(view.files.map((f: { name: string }) => f.name)).toEqual(['don.pdf', 'khai-sinh.pdf']);
  });

  it('a department\'s request for a supplement is shown and answered the same way', async () => {
    const me = await signIn('bo.sung.phong@example.vn');
    const code = (await post('/dossiers', submission(822, { method: 'online' }), me)).json().code;
    expect((await upload(me, code, PDF, 'don.pdf', 0)).statusCode).toBe(201);
    await mustAct(t, clerk, code, 'receive', {});
    await mustAct(t, clerk, code, 'transfer', {});
    clock.advanceMinutes(10);
    await mustAct(t, await t.login('cv.vh'), code, 'request-supplement-by-department', { reason: 'Phòng cần thêm giấy tờ', missing: ['Hợp đồng thuê địa điểm'] });
    const view = (await get(`/dossiers/${code}`, me)).json();
    expect(view.status).toBe('paused');
    expect(view.supplementRequest).toMatchObject({ reason: 'Phòng cần thêm giấy tờ', missing: ['Hợp đồng thuê địa điểm'] });
    expect((await post(`/dossiers/${code}/supplement`, {}, me)).statusCode).toBe(409);
    clock.advanceMinutes(10);
    expect((await upload(me, code, PDF2, 'hop-dong.pdf', 1)).statusCode).toBe(201);
    const sent = await post(`/dossiers/${code}/supplement`, {}, me);
    expect(sent.statusCode, sent.body).toBe(200);
    // Back to the department, as when the applicant brings the papers to the counter.
    expect(sent.json().status).toBe('in_progress');
    expect((await get(`/dossiers/${code}`, me)).json().supplementRequest).toBeNull();
  });
});
