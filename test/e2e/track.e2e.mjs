// The public status page (/tra-cuu): a code typed by hand asks for the last 4 digits of the applicant's phone or
// citizen ID (an accessible form, in Vietnamese); the QR code of the receipt slip opens the status at once; no
// personal data either way; it fits a 375 px phone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, closeBrowser, payReceptionFees, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

// A citizen ID nobody else in this run has, ending in 2468 (neither the wrong nor the right answer below).
const ID_NUMBER = `0461${String(Date.now()).slice(-4)}2468`;
const APPLICANT = { kind: 'person', fullName: 'Võ Thị Kim Liên', idNumber: ID_NUMBER, phone: '0935246810', address: '3 Trưng Nữ Vương, Thủy Dương' };
let code;
let qrUrl;

/** The QR codes of a PDF, read as a phone would: the page rendered, then decoded (poppler-utils, zbar-tools). */
function qrCodesOf(pdf) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'track-qr-'));
  try {
    fs.writeFileSync(path.join(dir, 'slip.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', path.join(dir, 'slip.pdf'), path.join(dir, 'page')]);
    const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => path.join(dir, f));
    return execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', ...pages], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

before(async () => {
  const login = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tn.tp', password: 'motcua-demo' }) });
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const reg = await fetch(`${BASE}/api/v1/dossiers`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ procedure: '2.000748', channel: 'direct', applicant: APPLICANT }) });
  assert.equal(reg.status, 201);
  code = (await reg.json()).code;
  const rec = await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/receive`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
  assert.equal(rec.status, 200);
  await payReceptionFees(code, 25_000); // the slip is handed out once the 25.000 đ due at reception is paid
  const slip = await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/forms/receipt.pdf`, { headers: { cookie } });
  assert.equal(slip.status, 200);
  qrUrl = qrCodesOf(Buffer.from(await slip.arrayBuffer())).find((s) => s.includes('/tra-cuu/'));
  assert.match(qrUrl, /\/tra-cuu\/[^?]+\?t=[A-Za-z0-9_-]{22}$/);
});

const noPersonalData = async (page) => {
  const text = await page.locator('main, body').first().innerText();
  for (const personal of ['Võ', 'Kim Liên', '0935246810', ID_NUMBER, 'Trưng Nữ Vương']) assert.ok(!text.includes(personal), `no "${personal}" on the public page`);
};

test('a code typed by hand asks for 4 digits; a wrong answer says so; the right one shows the status', { timeout: 60_000 }, (t) =>
  withPage(t, async (page) => {
    await page.goto(`${BASE}/tra-cuu/${encodeURIComponent(code)}`);
    const form = page.getByTestId('track-verify');
    await form.waitFor();
    const field = page.getByLabel('4 số cuối số điện thoại hoặc số CCCD của người nộp');
    await field.waitFor();
    // The field is focused, its hint is announced with it.
    assert.equal(await field.evaluate((el) => el === document.activeElement), true);
    const described = (await field.getAttribute('aria-describedby')).split(' ');
    assert.match(await page.locator(`[id="${described[0]}"]`).innerText(), /4 chữ số cuối của số điện thoại hoặc số căn cước công dân/);
    assert.equal(await page.getByTestId('track-result').count(), 0);
    await noPersonalData(page);
    await readmeShot(page, 'track-verifier.png');

    await field.fill('12');
    await page.getByTestId('track-verify-submit').click();
    assert.match(await page.getByRole('alert').innerText(), /Nhập đúng 4 chữ số/);
    await field.fill('0000');
    await field.press('Enter');
    const error = page.getByTestId('track-verify-error');
    await error.getByText(`Không tìm thấy hồ sơ có mã ${code} với 4 số đã nhập`).waitFor();
    assert.equal(await page.getByLabel('4 số cuối số điện thoại hoặc số CCCD của người nộp').getAttribute('aria-invalid'), 'true');

    await page.getByLabel('4 số cuối số điện thoại hoặc số CCCD của người nộp').fill('6810');
    await page.getByTestId('track-verify-submit').click();
    const result = page.getByTestId('track-result');
    await result.getByText('Đã tiếp nhận').first().waitFor();
    assert.ok((await result.innerText()).includes(code));
    await noPersonalData(page);
  }));

test("the slip's QR code opens the status at once", { timeout: 60_000 }, (t) =>
  withPage(t, async (page) => {
    const u = new URL(qrUrl);
    await page.goto(`${BASE}${u.pathname}${u.search}`);
    const result = page.getByTestId('track-result');
    await result.getByText('Đã tiếp nhận').first().waitFor();
    assert.equal(await page.getByTestId('track-verify').count(), 0);
    // The road so far: the received step is the current one, the ones before it are done.
    assert.equal(await result.locator('.track-step[aria-current="step"] .track-step-title').innerText(), 'Tiếp nhận');
    await noPersonalData(page);
    await readmeShot(page, 'track-result.png');
  }));

test('on a 375 px phone: the code in lower case without dots, then the 4 digits', { timeout: 60_000 }, (t) =>
  withPage(t, { viewport: { width: 375, height: 812 }, isMobile: true }, async (page) => {
    await page.goto(`${BASE}/tra-cuu`);
    const box = page.getByPlaceholder('Nhập mã hồ sơ');
    await box.fill(code.replace(/\./g, '').toLowerCase());
    await box.press('Enter');
    const field = page.getByLabel('4 số cuối số điện thoại hoặc số CCCD của người nộp');
    await field.waitFor();
    assert.equal(await field.getAttribute('inputmode'), 'numeric');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await readmeShot(page, 'track-verifier-phone.png');
    await field.fill('6810');
    await field.press('Enter');
    await page.getByTestId('track-result').getByText('Đã tiếp nhận').first().waitFor();
    await noPersonalData(page);
  }));

test('the header leads to the look-up, and the site opens on the installation’s own center', { timeout: 30_000 }, (t) =>
  withPage(t, async (page) => {
    await page.goto(`${BASE}/`);
    // The demo's own center is Hương Thủy (set up first), though "thành phố Huế" sorts before it.
    await page.locator('.public-header .brand-place', { hasText: 'thị xã Hương Thủy' }).waitFor();
    await page.locator('.public-nav').getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
    await page.waitForURL(/\/tra-cuu$/);
  }));
