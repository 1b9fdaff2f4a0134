// Signed results (issue 13, item 6): a department head signs the result PDF (PAdES) with a key sealed in the
// database; pdfsig (poppler) finds the signature valid and a changed byte invalid; the QR code inside the signed
// file opens the public verification page, which shows hash, signer and time (no applicant data) and checks an
// uploaded file by its content.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { secretKeyFor } from '../../src/platform/secret-key';
import { createTestCa, issueSignerP12 } from '../../src/modules/signing/ca';
import { storeSigningKey } from '../../src/modules/signing/keys';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, mustAct, register } from '../support/dossiers';
import { pdfInfo, pdfQrCodes } from '../support/fee-fixtures';
import { flatText } from '../support/forms/pdf';
import { multipart, TINY_PNG } from '../support/multipart';

// Wednesday 12/03/2025 09:00 in Hương Thủy (office hours).
const clock = new ManualClock(new Date('2025-03-12T02:00:00Z'));
const BASE = 'https://motcua.example.vn';
let t: TestApp;
let clerk: string, cv: string, ld: string, ldOther: string, clerkHue: string;

beforeAll(async () => {
  t = await createTestApp({ clock, config: { publicUrl: BASE } });
  [clerk, cv, ld, ldOther, clerkHue] = await Promise.all(['tn.tp', 'cv.tp', 'ld.tp', 'ld.tc', 'tn.tp.hue'].map((u) => t.login(u)));
});
afterAll(async () => t?.close());

const url = (code: string, rest: string) => `/api/v1/dossiers/${encodeURIComponent(code)}${rest}`;
const sign = (code: string, cookie = ld) => t.app.inject({ method: 'POST', url: url(code, '/sign-result'), headers: { cookie }, payload: {} });
const resultPdf = (code: string, cookie = clerk) => t.app.inject({ url: url(code, '/result.pdf'), headers: { cookie } });
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** What pdfsig (poppler-utils) says about the PDF's signatures. */
function pdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'signing-'));
  try {
    const file = path.join(dir, 'signed.pdf');
    writeFileSync(file, pdf);
    try {
      return execFileSync('pdfsig', [file], { encoding: 'utf8' });
    } catch (e) {
      // pdfsig exits non-zero when a signature does not verify; its report is still on stdout.
      return String((e as { stdout?: string }).stdout ?? '');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function atDepartment(n: number) {
  const d = await register(t, clerk, { applicant: { ...applicant(n), fullName: 'Phan Thị Ngọc Ánh', phone: '0905123456' } });
  await mustAct(t, clerk, d.code, 'receive', {});
  await mustAct(t, clerk, d.code, 'transfer', {});
  return d.code as string;
}
async function resolved(n: number, body: Record<string, unknown> = { resultSummary: 'Cấp bản sao trích lục khai sinh (bản chính) cho bà Phan Thị Ngọc Ánh.' }) {
  const code = await atDepartment(n);
  await mustAct(t, cv, code, 'complete-step', {});
  await mustAct(t, ld, code, 'complete-step', {});
  await mustAct(t, cv, code, 'resolve', body);
  return code;
}

describe('signing a result', () => {
  let code: string;
  let signed: Buffer;
  let sig: { id: string; verifyUrl: string; sha256: string; fileId: string; signerName: string; signerTitle: string; unitName: string; signedAt: string };

  it('a specialist may not sign (403); the head sees that they can', async () => {
    code = await resolved(901);
    expect((await sign(code, cv)).statusCode).toBe(403);
    // The head of another department (who does not even see the dossier).
    expect((await sign(code, ldOther)).statusCode).toBe(403);
    const state = (await t.app.inject({ url: url(code, '/signature'), headers: { cookie: ld } })).json();
    expect(state).toEqual({ signature: null, canSign: true });
    expect((await t.app.inject({ url: url(code, '/signature'), headers: { cookie: clerk } })).json().canSign).toBe(false);
    expect((await resultPdf(code)).statusCode).toBe(404);
  });

  it('the head signs: a printed result with the QR, signed PAdES, valid for pdfsig; it becomes the result', async () => {
    const r = await sign(code);
    expect(r.statusCode, r.body).toBe(201);
    sig = r.json();
    const { rows: [head] } = await t.db.query<{ full_name: string }>(`SELECT full_name FROM users WHERE username = 'ld.tp'`);
    expect(sig.signerName).toBe(head.full_name);
    expect(sig.signerTitle).toBe('Trưởng phòng');
    expect(sig.unitName).toBe('Phòng Tư pháp');
    expect(sig.signedAt).toBe('2025-03-12T02:00:00.000Z');
    expect(sig.verifyUrl).toBe(`${BASE}/xac-thuc/${sig.id}`);

    const pdf = await resultPdf(code);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    signed = pdf.rawPayload;
    if (process.env.MOTCUA_KEEP_SIGNED) writeFileSync(process.env.MOTCUA_KEEP_SIGNED, signed);
    expect(sha256(signed)).toBe(sig.sha256);

    const report = pdfsig(signed);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain(`Signer Certificate Common Name: ${head.full_name}`);
    expect(report).toContain('Total document signed');

    const text = flatText(signed);
    expect(text).toContain('KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain('Cấp bản sao trích lục khai sinh (bản chính) cho bà Phan Thị Ngọc Ánh.');
    expect(text).toContain('(Đã ký số)');
    expect(text).toContain('THÔNG TIN CHỮ KÝ SỐ VÀ XÁC THỰC VĂN BẢN');
    expect(text).toContain(`Thời gian ký: 12/03/2025 09:00`);
    // The QR codes (on the result and on the verification page) open the verification page.
    expect(pdfQrCodes(signed)).toEqual([sig.verifyUrl, sig.verifyUrl]);
    expect(pdfInfo(signed).pages).toBe(2);

    const d = (await t.app.inject({ url: url(code, ''), headers: { cookie: clerk } })).json();
    expect(d.result.fileId).toBe(sig.fileId);
    expect(d.result.signed).toBe(true);
    expect(d.files.find((f: { id: string }) => f.id === sig.fileId)).toMatchObject({ kind: 'result', mime: 'application/pdf' });
    const state = (await t.app.inject({ url: url(code, '/signature'), headers: { cookie: clerk } })).json();
    expect(state).toEqual({ signature: sig, canSign: false });
  });

  it('a changed byte makes the signature invalid', () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/Producer');
    expect(at).toBeGreaterThan(0);
    tampered[at + 12] ^= 0x01; // a letter of the producer's name, inside the signed range
    const report = pdfsig(tampered);
    expect(report).toContain('Signature Validation:');
    expect(report).not.toContain('Signature is Valid');
  });

  it('signing twice is refused (409) and changes nothing', async () => {
    const again = await sign(code);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SIGNING_ALREADY_SIGNED');
    expect((await t.db.query('SELECT 1 FROM signed_results WHERE dossier_id = (SELECT id FROM dossiers WHERE code = $1)', [code])).rowCount).toBe(1);
  });

  it('the public verification page shows hash, signer and time, no applicant data', async () => {
    const r = await t.app.inject({ url: `/api/v1/public/verify/${sig.id}` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: sig.id, sha256: sig.sha256, signerName: sig.signerName, signerTitle: 'Trưởng phòng', unitName: 'Phòng Tư pháp',
      centerName: 'Trung tâm Hành chính công thị xã Hương Thủy', signedAt: sig.signedAt, size: signed.length });
    for (const secret of ['Phan Thị Ngọc Ánh', '0905123456', '046080000901', code]) expect(r.body).not.toContain(secret);
    expect((await t.app.inject({ url: '/api/v1/public/verify/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/public/verify/abc' })).statusCode).toBe(400);
  });

  it('a citizen uploads a file: the signed one matches, a changed one does not, an image is refused', async () => {
    const check = (file: Buffer) => t.app.inject({ method: 'POST', url: `/api/v1/public/verify/${sig.id}`, ...multipart(file, 'ket-qua.pdf') });
    const same = await check(signed);
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual({ matches: true, sha256: sig.sha256, expectedSha256: sig.sha256 });
    const changed = Buffer.from(signed);
    changed[changed.length - 10] ^= 0x20;
    const other = await check(changed);
    expect(other.statusCode).toBe(200);
    expect(other.json().matches).toBe(false);
    expect(other.json().sha256).toBe(sha256(changed));
    const png = await check(TINY_PNG);
    expect(png.statusCode).toBe(415);
    expect(png.json().detail).toContain('PDF');
  });

  it('the key and the CA key are sealed in the database, never in clear', async () => {
    const { rows: [k] } = await t.db.query<{ p12_enc: string; passphrase_enc: string; subject: string }>(
      `SELECT p12_enc, passphrase_enc, subject FROM signing_keys k JOIN users u ON u.id = k.user_id WHERE u.username = 'ld.tp'`);
    expect(k.p12_enc).toMatch(/^v1\./);
    expect(k.passphrase_enc).toMatch(/^v1\./);
    expect(k.p12_enc).not.toContain('MII'); // the start of a DER file in base64
    const { rows: [ca] } = await t.db.query<{ key_enc: string; cert_pem: string }>('SELECT key_enc, cert_pem FROM signing_ca');
    expect(ca.key_enc).toMatch(/^v1\./);
    expect(ca.key_enc).not.toContain('PRIVATE KEY');
    expect(ca.cert_pem).toContain('BEGIN CERTIFICATE');
  });
});

describe('an uploaded result PDF', () => {
  it('is signed as it is, with the verification page after its pages', async () => {
    const code = await atDepartment(902);
    // Any real PDF will do as the department's result: the dossier's own slip.
    const source = (await t.app.inject({ url: url(code, '/forms/slip.pdf'), headers: { cookie: clerk } })).rawPayload;
    const up = await t.app.inject({ method: 'POST', url: url(code, '/files'), headers: { cookie: cv, ...multipart(source, 'quyet-dinh.pdf', { kind: 'result' }).headers },
      payload: multipart(source, 'quyet-dinh.pdf', { kind: 'result' }).payload });
    expect(up.statusCode, up.body).toBe(201);
    await mustAct(t, cv, code, 'complete-step', {});
    await mustAct(t, ld, code, 'complete-step', {});
    await mustAct(t, cv, code, 'resolve', { resultSummary: 'Quyết định kèm theo', resultFileId: up.json().id });
    const r = await sign(code);
    expect(r.statusCode, r.body).toBe(201);
    const pdf = (await resultPdf(code)).rawPayload;
    expect(pdfsig(pdf)).toContain('Signature Validation: Signature is Valid.');
    expect(pdfInfo(pdf).pages).toBe(pdfInfo(source).pages + 1);
    const text = flatText(pdf);
    expect(text).toContain(flatText(source).slice(0, 40));
    expect(text).toContain('THÔNG TIN CHỮ KÝ SỐ VÀ XÁC THỰC VĂN BẢN');
    const d = (await t.app.inject({ url: url(code, ''), headers: { cookie: clerk } })).json();
    expect(d.result).toMatchObject({ fileId: r.json().fileId, unsignedFileId: up.json().id, signed: true });
    // The unsigned file stays with the dossier's files.
    expect(d.files.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining([up.json().id, r.json().fileId]));
  });
});

describe('a result uploaded as an image', () => {
  it('is printed on the result paper, then signed', async () => {
    const code = await atDepartment(907);
    const { payload, headers } = multipart(TINY_PNG, 'ket-qua.png', { kind: 'result' });
    const up = await t.app.inject({ method: 'POST', url: url(code, '/files'), headers: { cookie: cv, ...headers }, payload });
    expect(up.statusCode, up.body).toBe(201);
    await mustAct(t, cv, code, 'complete-step', {});
    await mustAct(t, ld, code, 'complete-step', {});
    await mustAct(t, cv, code, 'resolve', { resultSummary: 'Kết quả là bản chụp kèm theo', resultFileId: up.json().id });
    expect((await sign(code)).statusCode).toBe(201);
    const pdf = (await resultPdf(code)).rawPayload;
    expect(pdfsig(pdf)).toContain('Signature Validation: Signature is Valid.');
    expect(flatText(pdf)).toContain('Kết quả là bản chụp kèm theo');
    // The image is drawn on the first page (pdfimages lists it beside the QR code).
    const sizes = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', '-'], { input: pdf, encoding: 'utf8' }).trim().split('\n').slice(2)
      .map((l) => l.trim().split(/\s+/).slice(3, 5).join('x'));
    expect(sizes).toContain('1x1'); // the uploaded 1 × 1 PNG, beside the QR code
  });
});

describe('refusals', () => {
  it('a dossier still being processed: 409, nothing written', async () => {
    const code = await atDepartment(903);
    const r = await sign(code);
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('SIGNING_NOT_RESOLVED');
    expect(r.json().detail).toContain('đã có kết quả');
    expect((await t.db.query(`SELECT 1 FROM signed_results s JOIN dossiers d ON d.id = s.dossier_id WHERE d.code = $1`, [code])).rowCount).toBe(0);
  });

  it('a dossier of another center: 404 for signing, the signature and the result', async () => {
    const hue = await register(t, clerkHue);
    expect((await sign(hue.code)).statusCode).toBe(404);
    expect((await t.app.inject({ url: url(hue.code, '/signature'), headers: { cookie: ld } })).statusCode).toBe(404);
    const code = await resolved(904);
    expect((await sign(code)).statusCode).toBe(201);
    expect((await resultPdf(code, clerkHue)).statusCode).toBe(404);
  });

  it('a returned dossier can no longer be signed (409)', async () => {
    const code = await resolved(905);
    await mustAct(t, clerk, code, 'return', {});
    const r = await sign(code);
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('SIGNING_NOT_RESOLVED');
  });
});

describe('outside demo mode', () => {
  it('a head without a configured key gets 409; a .p12 imported for them signs, sealed in the database', async () => {
    const prod = await createTestApp({ clock, config: { publicUrl: BASE, demo: false } });
    try {
      const [c, s, h] = await Promise.all(['tn.tp', 'cv.tp', 'ld.tp'].map((u) => prod.login(u)));
      const d = await register(prod, c, { applicant: applicant(906) });
      for (const [who, a] of [[c, 'receive'], [c, 'transfer'], [s, 'complete-step'], [h, 'complete-step']] as const) await mustAct(prod, who, d.code, a, {});
      await mustAct(prod, s, d.code, 'resolve', { resultSummary: 'Đã cấp' });
      const none = await prod.app.inject({ method: 'POST', url: url(d.code, '/sign-result'), headers: { cookie: h }, payload: {} });
      expect(none.statusCode).toBe(409);
      expect(none.json().code).toBe('SIGNING_NO_KEY');
      expect((await prod.db.query('SELECT 1 FROM signing_ca')).rowCount).toBe(0); // no test CA outside demo mode

      // The signer's own certificate, from a CA the app knows nothing about (as a licensed CA's .p12 would be).
      const ca = createTestCa('Tổ chức chứng thực khác', clock.now());
      const { p12 } = issueSignerP12(ca, { name: 'Lê Thị Thanh Bình', title: 'Trưởng phòng', unit: 'Phòng Tư pháp' }, 'mật-khẩu-p12', clock.now());
      const { rows: [u] } = await prod.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'ld.tp'`);
      await expect(storeSigningKey(prod.db, secretKeyFor(prod.app.deps.config), u.id, p12, 'sai', 'Trưởng phòng', clock.now())).rejects.toThrow();
      await storeSigningKey(prod.db, secretKeyFor(prod.app.deps.config), u.id, p12, 'mật-khẩu-p12', 'Phó Trưởng phòng', clock.now());
      const ok = await prod.app.inject({ method: 'POST', url: url(d.code, '/sign-result'), headers: { cookie: h }, payload: {} });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().signerTitle).toBe('Phó Trưởng phòng');
      const pdf = (await prod.app.inject({ url: url(d.code, '/result.pdf'), headers: { cookie: h } })).rawPayload;
      const report = pdfsig(pdf);
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Signer Certificate Common Name: Lê Thị Thanh Bình');
      const { rows: [k] } = await prod.db.query<{ p12_enc: string; passphrase_enc: string }>('SELECT p12_enc, passphrase_enc FROM signing_keys WHERE user_id = $1', [u.id]);
      expect(k.p12_enc.startsWith('v1.') && !k.p12_enc.includes(p12.toString('base64').slice(0, 40))).toBe(true);
      expect(k.passphrase_enc).not.toContain('mật-khẩu-p12');
    } finally {
      await prod.close();
    }
  });
});
