// Personal data stays in its center (issue 12, finding 1) and the public look-up needs a verifier (finding 4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels, OutboxWorker } from '../../src/modules/notifications';
import { createTestApp, type TestApp } from '../support/app';
import { getDossier, mustAct, register, waiveFeesForSlip } from '../support/dossiers';
import { pdfQrCodes, pdfText } from '../support/fee-fixtures';
import { multipart, TINY_PNG } from '../support/multipart';
import { startSmtp, type TestSmtp } from '../support/smtp';

const PUBLIC = 'https://motcua.huongthuy.gov.vn';
let t: TestApp;
let smtp: TestSmtp;
let clerkA: string; // Hương Thủy
let clerkB: string; // Huế
beforeAll(async () => {
  t = await createTestApp({ config: { publicUrl: PUBLIC } });
  [clerkA, clerkB] = await Promise.all([t.login('tn.tp'), t.login('tn.tp.hue')]);
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
const codesOf = async (qs: string, cookie: string) => (await get(`/api/v1/dossiers?${qs}&limit=50`, cookie)).json().items.map((i: { code: string }) => i.code) as string[];
const enc = encodeURIComponent;

describe('papers and applicant data stay in their center', () => {
  const ID = '046185007788';
  const real = { kind: 'person', fullName: 'Phạm Thị Hồng Nhung', idNumber: ID, dateOfBirth: '1985-07-07', phone: '0905123456', email: 'hongnhung@example.vn', address: '12 Nguyễn Tất Thành, Phú Bài' };
  const other = { kind: 'person', fullName: 'Nguyễn Văn Giả', idNumber: ID, phone: '0999888777', email: 'gia@example.vn', address: 'Huế' };
  let a: { code: string };
  let b: { code: string };
  let fileId: string;
  beforeAll(async () => {
    a = await register(t, clerkA, { applicant: real, procedure: '2.000748' });
    await mustAct(t, clerkA, a.code, 'receive', {});
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${enc(a.code)}/files`, headers: { cookie: clerkA, ...multipart(TINY_PNG, 'cccd-mat-truoc.png').headers }, payload: multipart(TINY_PNG, 'cccd-mat-truoc.png').payload });
    expect(up.statusCode, up.body).toBe(201);
    fileId = up.json().id;
    // Another center registers a dossier with the same citizen ID and other data.
    b = await register(t, clerkB, { applicant: other, procedure: '2.000748' });
  });

  it("another center is not offered, and cannot take, the citizen's papers", async () => {
    const offered = await get(`/api/v1/dossiers/${enc(b.code)}/reusable-files`, clerkB);
    expect(offered.statusCode).toBe(200);
    expect(offered.json().items).toEqual([]);
    const taken = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${enc(b.code)}/files`, headers: { cookie: clerkB }, payload: { reuseFileId: fileId } });
    expect(taken.statusCode).toBe(404);
    expect((await getDossier(t, clerkB, b.code)).json().files).toEqual([]);
  });

  it('the same center still reuses them for the same person', async () => {
    const again = await register(t, clerkA, { applicant: real, procedure: '2.000748' });
    const offered = (await get(`/api/v1/dossiers/${enc(again.code)}/reusable-files`, clerkA)).json().items;
    expect(offered).toEqual([expect.objectContaining({ id: fileId, fromDossier: a.code })]);
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${enc(again.code)}/files`, headers: { cookie: clerkA }, payload: { reuseFileId: fileId } });
    expect(r.statusCode).toBe(201);
  });

  it("the other center's registration changes nothing the first center sees or searches", async () => {
    expect(await codesOf(`q=${enc('pham thi hong nhung')}`, clerkA)).toContain(a.code);
    expect(await codesOf(`q=${enc('nguyen van gia')}`, clerkA)).not.toContain(a.code);
    expect(await codesOf(`idNumber=${ID}`, clerkA)).toContain(a.code);
    expect(await codesOf('phone=0905123456', clerkA)).toContain(a.code);
    expect(await codesOf('phone=0999888777', clerkA)).toEqual([]);
    const page = (await getDossier(t, clerkA, a.code)).json();
    expect(page.applicant).toMatchObject({ fullName: real.fullName, phone: real.phone, email: real.email, address: real.address });
    // Each center has its own applicant record; B's registration wrote only B's.
    const records = await t.db.query(`SELECT c.code, a.full_name, a.phone FROM applicants a JOIN centers c ON c.id = a.center_id WHERE a.id_number = $1 ORDER BY c.code`, [ID]);
    expect(records.rows).toEqual([
      { code: '000.00.11.H57', full_name: 'Nguyễn Văn Giả', phone: '0999888777' },
      { code: '000.00.15.H57', full_name: real.fullName, phone: real.phone },
    ]);
    // And B finds its own dossier by its own data.
    expect(await codesOf(`q=${enc('nguyen van gia')}`, clerkB)).toEqual([b.code]);
  });

  it("the printed slip and the e-mail carry the dossier's own snapshot", async () => {
    await waiveFeesForSlip(t, a.code);
    const slip = await get(`/api/v1/dossiers/${enc(a.code)}/forms/receipt.pdf`, clerkA);
    expect(slip.statusCode).toBe(200);
    const text = pdfText(slip.rawPayload);
    expect(text).toContain('Phạm Thị Hồng Nhung');
    expect(text).not.toContain('Nguyễn Văn Giả');
    const worker = new OutboxWorker({ db: t.db, channels: createChannels({ smtpUrl: smtp.url, mailFrom: 'thongbao@huongthuy.gov.vn', publicUrl: PUBLIC }) });
    await worker.runOnce();
    await smtp.waitFor(1);
    const toA = smtp.mails.find((m) => m.subject?.includes(a.code))!;
    expect(toA.to && 'text' in toA.to ? toA.to.text : '').toContain('hongnhung@example.vn');
    expect(toA.text).toContain('Phạm Thị Hồng Nhung');
    expect(toA.text).not.toContain('Giả');
  });
});

describe('the public look-up needs the slip (token) or 4 digits of the phone or citizen ID', () => {
  let d: { code: string };
  let token: string;
  beforeAll(async () => {
    d = await register(t, clerkA, { applicant: { kind: 'person', fullName: 'Lê Thị Thanh Tâm', idNumber: '046190004321', phone: '0914555678', address: 'Thủy Dương' } });
    await mustAct(t, clerkA, d.code, 'receive', {});
    token = (await t.db.query('SELECT public_token FROM dossiers WHERE code = $1', [d.code])).rows[0].public_token;
  });
  const look = (code: string, qs: string) => get(`/api/v1/public/dossiers/${enc(code)}${qs}`);

  it('every dossier has its own random token of 22 characters', async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const r = await t.db.query('SELECT count(*)::int AS n, count(DISTINCT public_token)::int AS k FROM dossiers');
    expect(r.rows[0].k).toBe(r.rows[0].n);
  });

  it.each([
    ['the QR code token', (c: string) => [c, `?t=${token}`]],
    ['the last 4 digits of the phone', (c: string) => [c, '?verifier=5678']],
    ['the last 4 digits of the citizen ID', (c: string) => [c, '?verifier=4321']],
    ['the code in lower case', (c: string) => [c.toLowerCase(), '?verifier=5678']],
    ['the code without the dots of the center prefix', (c: string) => [c.replace(/\./g, ''), '?verifier=5678']],
    ['the code without dots, in lower case', (c: string) => [c.replace(/\./g, '').toLowerCase(), `?t=${token}`]],
  ])('answers with %s: status and dates, no name', async (_label, args) => {
    const [code, qs] = args(d.code);
    const r = await look(code, qs);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      code: d.code, status: 'received', statusName: 'Đã tiếp nhận', procedure: expect.any(String), center: 'Trung tâm Hành chính công thị xã Hương Thủy',
      receivedAt: expect.any(String), dueAt: expect.any(String),
    });
    for (const personal of ['Tâm', 'Thanh', 'Lê', '046190004321', '0914', 'Thủy Dương']) expect(r.body).not.toContain(personal);
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('gives the same 404, word for word, for an unknown code and for a wrong verifier or token', async () => {
    const next = d.code.replace(/-(\d{4})$/, (_, n: string) => `-${String(Number(n) + 500).padStart(4, '0')}`);
    const answers = [
      await look(d.code, '?verifier=0000'),
      await look(d.code, '?verifier=5679'),
      await look(d.code, `?t=${token.slice(0, -1)}x`),
      await look(next, '?verifier=5678'),
      await look('000.00.99.H57-250101-0001', '?verifier=5678'),
      await look('khong-phai-ma-ho-so', '?verifier=5678'),
    ];
    for (const r of answers) {
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body).toBe(answers[0].body);
    }
    expect(answers[0].json().detail).toBe('Không tìm thấy hồ sơ khớp với mã hồ sơ và thông tin xác minh đã nhập.');
  });

  it('without a verifier, or with a malformed one, says what to enter (the same for every code)', async () => {
    const none = await look(d.code, '');
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toBe('Nhập 4 số cuối số điện thoại hoặc số CCCD của người nộp hồ sơ để xem tình trạng hồ sơ.');
    expect((await look('000.00.99.H57-250101-0001', '')).body).toBe(none.body);
    const bad = await look(d.code, '?verifier=12a4');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('4 số cuối điện thoại hoặc CCCD gồm đúng 4 chữ số');
  });

  it("the slip's QR code opens the page with the token; the printed address asks for the digits", async () => {
    await waiveFeesForSlip(t, d.code);
    const slip = await get(`/api/v1/dossiers/${enc(d.code)}/forms/receipt.pdf`, clerkA);
    const qr = pdfQrCodes(slip.rawPayload).find((s) => s.includes('/tra-cuu/'))!;
    expect(qr).toBe(`${PUBLIC}/tra-cuu/${enc(d.code)}?t=${token}`);
    const url = new URL(qr);
    const r = await look(decodeURIComponent(url.pathname.split('/').pop()!), url.search);
    expect(r.statusCode).toBe(200);
    const dossierSlip = await get(`/api/v1/dossiers/${enc(d.code)}/forms/slip.pdf`, clerkA);
    expect(pdfQrCodes(dossierSlip.rawPayload)).toContain(qr);
    expect(pdfText(dossierSlip.rawPayload, 'raw').replace(/\s+/g, '')).toContain('(nhập4sốcuốisốđiệnthoạihoặcCCCD)');
  });
});
