// Signed results (issue 13 item 6) in the browser: the department head signs a resolved dossier's result from the
// dossier page, which then shows "Đã ký số" with signer, time and the signed PDF; the public verification page
// (/xac-thuc/<id>, the QR code's address) shows hash, signer and time without the applicant, on a 390 px phone and
// a desktop, and tells whether an uploaded file is the signed one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, closeBrowser, loginViaApi, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

const APPLICANT = { kind: 'person', fullName: 'Trương Thị Mỹ Duyên', idNumber: `0462${String(Date.now()).slice(-4)}1357`, phone: '0935111222', address: '12 Lê Lợi, Phú Bài' };
let code;

async function as(username) {
  const r = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'motcua-demo' }) });
  assert.equal(r.status, 200);
  const cookie = r.headers.getSetCookie()[0].split(';')[0];
  return async (action, body = {}) => {
    const a = await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/${action}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(a.status, 200, `${action}: ${await a.text()}`);
  };
}

before(async () => {
  const login = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tn.tp', password: 'motcua-demo' }) });
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const reg = await fetch(`${BASE}/api/v1/dossiers`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ procedure: '2.000748', channel: 'direct', applicant: APPLICANT }) });
  assert.equal(reg.status, 201);
  code = (await reg.json()).code;
  const clerk = await as('tn.tp');
  await clerk('receive');
  await clerk('transfer');
  await (await as('cv.tp'))('complete-step');
  await (await as('ld.tp'))('complete-step');
  await (await as('cv.tp'))('resolve', { resultSummary: 'Cấp trích lục thay đổi hộ tịch cho bà Trương Thị Mỹ Duyên.' });
});

let verifyPath;
let signedPdf;

test('the head signs the result from the dossier page; the page shows "Đã ký số" and the signed PDF', { timeout: 90_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaApi(page, 'ld.tp');
    await page.goto(`${BASE}/console/dossiers/${encodeURIComponent(code)}`);
    await page.getByTestId('sign-result').click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Ký số kết quả' }).click();
    const box = page.getByTestId('signature-box');
    await box.getByText('Đã ký số', { exact: true }).waitFor({ timeout: 30_000 });
    assert.match(await box.innerText(), / – Trưởng phòng, Phòng Tư pháp/);
    assert.match(await box.innerText(), /\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await readmeShot(page, 'dossier-signed.png');
    const href = await page.getByTestId('signed-result-link').getAttribute('href');
    const pdf = await page.request.get(`${BASE}${href}`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    signedPdf = await pdf.body();
    assert.equal(signedPdf.subarray(0, 5).toString(), '%PDF-');
    const verify = await box.getByRole('link', { name: 'Trang xác thực' }).getAttribute('href');
    verifyPath = new URL(verify).pathname;
    assert.match(verifyPath, /^\/xac-thuc\/[0-9a-f-]{36}$/);
  }));

for (const [name, viewport, shot] of [['phone', { width: 390, height: 844 }, 'verify-mobile.png'], ['desktop', { width: 1366, height: 900 }, 'verify-desktop.png']]) {
  test(`the public verification page on a ${name}: hash, signer, time; the signed file matches, a changed one does not`, { timeout: 60_000 }, (t) =>
    withPage(t, { viewport, isMobile: name === 'phone' }, async (page) => {
      await page.goto(`${BASE}${verifyPath}`);
      const hash = page.getByTestId('verify-sha256');
      await hash.waitFor();
      assert.match(await hash.innerText(), /^[0-9a-f]{64}$/);
      const text = await page.locator('body').innerText();
      assert.match(text, /Trưởng phòng/);
      assert.match(text, /Phòng Tư pháp/);
      for (const personal of ['Trương Thị Mỹ Duyên', 'Mỹ Duyên', APPLICANT.phone, APPLICANT.idNumber, code]) assert.ok(!text.includes(personal), `no "${personal}" on the public page`);
      const input = page.locator('input[type=file]');
      await input.setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: signedPdf });
      await page.getByTestId('verify-result').getByText('Tệp khớp').waitFor();
      await readmeShot(page, shot, { fullPage: name === 'phone' });
      const changed = Buffer.from(signedPdf);
      changed[changed.length - 20] ^= 0x20;
      await input.setInputFiles({ name: 'ket-qua-sua.pdf', mimeType: 'application/pdf', buffer: changed });
      await page.getByTestId('verify-result').getByText('KHÔNG khớp').waitFor();
    }));
}
