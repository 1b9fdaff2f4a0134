// Online submission by a signed-in citizen (issue 15, part 2): the support desk's registration with channel
// "online", the citizen's uploads checked by content, and the clerk receiving it through the existing routes.
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

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1/citizen${url}`, payload: payload as object, headers });
const get = (url: string, cookie: string) => t.app.inject({ url: `/api/v1/citizen${url}`, headers: { cookie } });

const signIn = (contact: string) => citizenSignInByEmail(t, smtp, contact);

const submission = (procedure = 'H57-TAM-VH-02', n = 701, method = 'online') => ({
  procedure, center, applicant: { ...applicant(n), phone: '', email: '' }, delivery: { method },
});
const upload = (cookie: string, code: string, buf: Buffer, name: string, checklistIndex: number) => {
  const body = multipart(buf, name, { checklistIndex: String(checklistIndex) });
  return t.app.inject({ method: 'POST', url: `/api/v1/citizen/dossiers/${code}/files`, headers: { cookie, ...body.headers }, payload: body.payload });
};

describe('online submission', () => {
  it('registers a submitted online dossier in the center queue, with the citizen contact; the clerk sees it and the uploads', async () => {
    const me = await signIn('nop.truc.tuyen@example.vn');
    const r = await post('/dossiers', submission(), { cookie: me, 'idempotency-key': 'online-submit-0001' });
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json();
    expect(d).toMatchObject({ status: 'submitted', channel: 'online', delivery: { method: 'online' } });
    expect(d.documents.length).toBeGreaterThan(0);
    // A retry with the same key gets the same dossier, not a second one.
    const again = await post('/dossiers', submission(), { cookie: me, 'idempotency-key': 'online-submit-0001' });
    expect(again.json().code).toBe(d.code);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const row = (await t.db.query<{ channel: string; created_by: string | null; email: string }>(
      `SELECT channel, created_by, applicant->>'email' AS email FROM dossiers WHERE code = $1`, [d.code])).rows[0]!;
    expect(row).toEqual({ channel: 'online', created_by: null, email: 'nop.truc.tuyen@example.vn' });
    // It shows in "Hồ sơ của tôi".
    expect((await get('/dossiers', me)).json().items.map((i: { code: string }) => i.code)).toContain(d.code);

    const up = await upload(me, d.code, PDF, 'don-de-nghi.pdf', 0);
    expect(up.statusCode, up.body).toBe(201);
    const bad = await upload(me, d.code, Buffer.from('MZ not a document at all'), 'virus.pdf', 0);
    expect(bad.statusCode).toBe(415);
    expect(bad.json().detail).toContain('PDF, JPEG hoặc PNG');

    // The clerk finds it with the existing route, as an online dossier with the citizen's file.
    const seen = await t.app.inject({ url: `/api/v1/dossiers/${d.code}`, headers: { cookie: clerk } });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'submitted', channel: 'online' });
    expect(JSON.stringify(seen.json().files)).toContain('don-de-nghi.pdf');

    // A supplement is requested: the citizen may upload again; once received, no more.
    await mustAct(t, clerk, d.code, 'request-supplement', { reason: 'Thiếu giấy tờ', missing: ['Bản sao giấy khai sinh'] });
    const early = await post(`/dossiers/${d.code}/supplement`, {}, { cookie: me });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('tải lên giấy tờ');
    clock.advanceMinutes(30);
    expect((await upload(me, d.code, PDF, 'bo-sung.pdf', 1)).statusCode).toBe(201);
    const sup = await post(`/dossiers/${d.code}/supplement`, { note: 'Đã bổ sung' }, { cookie: me });
    expect(sup.statusCode, sup.body).toBe(200);
    expect(sup.json().status).toBe('submitted');
    // The clerk sees the supplement in the history as today's transition.
    const hist = (await t.app.inject({ url: `/api/v1/dossiers/${d.code}`, headers: { cookie: clerk } })).json();
    const byCitizen = hist.events.filter((e: { actor: string | null }) => e.actor === 'Công dân (nộp trực tuyến)').map((e: { action: string }) => e.action);
    expect(byCitizen).toEqual(['register', 'supplement']);
    // The supplement answer's history matches what is read back.
    expect(sup.json().status).toBe(hist.status);
    await mustAct(t, clerk, d.code, 'receive', {});
    expect((await upload(me, d.code, PDF, 'muon.pdf', 1)).statusCode).toBe(409);

    // Another citizen sees nothing of it.
    const other = await signIn('nguoi.khac.online@example.vn');
    expect((await upload(other, d.code, PDF, 'x.pdf', 0)).statusCode).toBe(404);
  });

  it('full path: the admin makes a procedure fully online, the citizen submits, the center resolves and returns online, the citizen downloads', async () => {
    const admin = await t.login('admin');
    const proc = (await t.app.inject({ url: '/api/v1/procedures/2.000815' })).json();
    expect(proc.online).toBeNull();
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/procedures/2.000815', headers: { cookie: admin }, payload: { ...proc, onlineLevel: 4 } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/procedures/2.000815' })).json().online).toBe('full');

    const me = await signIn('toan.trinh@example.vn');
    const r = await post('/dossiers', submission('2.000815', 704), { cookie: me });
    expect(r.statusCode, r.body).toBe(201);
    const code = r.json().code;
    expect((await upload(me, code, PDF, 'ban-chinh.pdf', 0)).statusCode).toBe(201);
    await mustAct(t, clerk, code, 'receive', {});
    await mustAct(t, clerk, code, 'transfer', {});
    const cv = await t.login('cv.tp');
    const ld = await t.login('ld.tp');
    await mustAct(t, cv, code, 'complete-step', {});
    await mustAct(t, ld, code, 'complete-step', {});
    const body = multipart(PDF, 'ket-qua.pdf', { kind: 'result' });
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/files`, headers: { cookie: cv, ...body.headers }, payload: body.payload });
    expect(up.statusCode, up.body).toBe(201);
    await mustAct(t, cv, code, 'resolve', { resultFileId: up.json().id, resultSummary: 'Đã chứng thực' });
    await mustAct(t, clerk, code, 'return', { method: 'online' });
    const file = await get(`/dossiers/${code}/result`, me);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it('the public procedure answer says whether it can be submitted online (from the online level)', async () => {
    const online = async (code: string) => (await t.app.inject({ url: `/api/v1/procedures/${code}` })).json().online;
    expect(await online('2.000748')).toBe('partial');
    expect(await online('H57-TAM-VH-02')).toBe('full');
    expect(await online('2.000992')).toBeNull();
  });

  it('refuses a procedure without online service (409, Vietnamese), a staff cookie, and no sign-in', async () => {
    const me = await signIn('khong.truc.tuyen@example.vn');
    const r = await post('/dossiers', submission('2.000992', 702), { cookie: me });
    expect(r.statusCode).toBe(409);
    expect(r.json().detail).toContain('chưa có dịch vụ công trực tuyến');
    // Partly online (level 3): submitted online, but the result is not delivered online.
    const partial = await post('/dossiers', submission('2.000748', 703, 'online'), { cookie: me });
    expect(partial.statusCode).toBe(409);
    expect(partial.json().detail).toContain('kết quả nhận tại Trung tâm');
    expect((await post('/dossiers', submission('2.000748', 703, 'counter'), { cookie: me })).statusCode).toBe(201);
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM dossiers WHERE channel = 'online'`)).rows[0];
    expect((await post('/dossiers', submission(), { cookie: clerk })).statusCode).toBe(401);
    expect((await post('/dossiers', submission(), {})).statusCode).toBe(401);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM dossiers WHERE channel = 'online'`)).rows[0]).toEqual(before);
  });
});
