// Paying a dossier online on a 390 px phone: the signed-in citizen's dossier and the public look-up page show what is
// owed and the VietQR code of exactly that amount, the dossier code as the transfer content; then the citizen pays by
// VNPay through the local gateway scripts/e2e.mjs starts (test/support/vnpay-sim.ts): the gateway calls the app's IPN,
// sends the browser back, and the dossier owes nothing, with the receipt the IPN issued.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, closeBrowser, readmeShot, withPage, sessionCookie } from './support.mjs';

after(closeBrowser);

const SINK = process.env.E2E_SMS_SINK;
const PHONE = `096${String(Date.now()).slice(-7)}`;
const PHONE_INTL = `+84${PHONE.slice(1)}`;
let code;

before(async () => {
  const cookie = await sessionCookie('tn.tp');
  const applicant = { kind: 'person', fullName: 'Lê Thị Hồng Nhung', idNumber: `0461${String(Date.now()).slice(-8)}`, phone: PHONE, address: '8 Nguyễn Tất Thành, Phú Bài' };
  const reg = await fetch(`${BASE}/api/v1/dossiers`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ procedure: '2.000748', channel: 'direct', applicant }) });
  assert.equal(reg.status, 201);
  code = (await reg.json()).code;
  const rec = await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/receive`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
  assert.equal(rec.status, 200);
});

/** The VietQR box: amount owed, the image, the transfer facts and the note that staff confirm it. */
async function checkBox(page) {
  const box = page.getByTestId('vnpay-pay');
  await box.waitFor();
  const text = await box.innerText();
  assert.match(text, /Còn phải nộp: 25\.000 đ/);
  assert.match(text, /Chuyển khoản bằng mã VietQR/);
  assert.match(text, /Vietcombank/);
  assert.match(text, /Cán bộ thu phí của Trung tâm đối chiếu/);
  assert.equal(await box.getByTestId('vietqr-content').innerText(), code.replace(/[^A-Za-z0-9.-]/g, '').slice(-25));
  assert.equal(await box.getByTestId('vnpay-button').count(), 1);
  const img = box.getByRole('img', { name: /Mã VietQR chuyển khoản 25\.000 đ/ });
  await img.waitFor();
  assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 100), 'the QR image loaded');
  // The box is plain HTML: no antd inside.
  assert.equal(await box.locator('[class*="ant-"]').count(), 0);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no horizontal scrolling at 390 px');
}

/** Signs in on "Hồ sơ của tôi" with the code texted to PHONE and opens the dossier. */
async function openAsCitizen(page) {
  await page.goto(`${BASE}/cong-dan`);
  const contact = page.getByLabel('Số điện thoại hoặc e-mail');
  await contact.waitFor();
  await contact.fill(PHONE);
  await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
  await page.getByText(/Đã gửi mã 6 chữ số tới/).waitFor();
  const texts = await (await fetch(`${SINK}/messages`)).json();
  const sms = texts.filter((m) => m.to === PHONE_INTL && m.text.startsWith('Ma dang nhap')).at(-1);
  assert.ok(sms, 'the phone got the code');
  await page.getByLabel('Mã đăng nhập (6 chữ số)').pressSequentially(/: (\d{6})\./.exec(sms.text)[1]);
  await page.locator('form button[type=submit]', { hasText: 'Đăng nhập' }).click();
  await page.getByTestId('citizen-dossier').first().click();
  await page.getByText('Quá trình giải quyết').waitFor();
}

test('the citizen sees what the dossier owes and the VietQR transfer, on a 390 px phone', { timeout: 90_000 }, (t) =>
  withPage(t, { viewport: { width: 390, height: 844 }, isMobile: true }, async (page) => {
    await openAsCitizen(page);
    await checkBox(page);
    await page.getByTestId('vnpay-pay').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await readmeShot(page, 'citizen-pay.png');
  }));

test('the public look-up page offers the same VietQR transfer after the 4-digit check', { timeout: 60_000 }, (t) =>
  withPage(t, { viewport: { width: 390, height: 844 }, isMobile: true }, async (page) => {
    await page.goto(`${BASE}/tra-cuu/${encodeURIComponent(code)}`);
    await page.getByLabel('4 số cuối số điện thoại hoặc số CCCD của người nộp').fill(PHONE.slice(-4));
    await page.getByTestId('track-verify-submit').click();
    await page.getByTestId('track-result').getByText('Đã tiếp nhận').first().waitFor();
    await checkBox(page);
    await page.getByTestId('vnpay-pay').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await readmeShot(page, 'track-pay.png');
  }));

test('the citizen pays by VNPay: the gateway confirms to the app, the dossier owes nothing and has its receipt', { timeout: 90_000 }, (t) =>
  withPage(t, { viewport: { width: 390, height: 844 }, isMobile: true }, async (page) => {
    await openAsCitizen(page);
    await page.getByTestId('vnpay-button').click();
    // The gateway (another origin) checked the signed URL and called the IPN before sending the browser back here.
    const back = page.getByTestId('vnpay-return');
    await back.waitFor();
    assert.match(await back.innerText(), new RegExp(`Đã thanh toán 25\\.000 đ cho hồ sơ ${code.replace(/\./g, '\\.')}`));
    assert.ok(page.url().startsWith(`${BASE}/thanh-toan/vnpay?`), page.url());
    await readmeShot(page, 'citizen-vnpay-paid.png');
    await page.getByTestId('vnpay-return-mine').click();
    await page.getByText('Quá trình giải quyết').waitFor();
    assert.equal(await page.getByTestId('vnpay-pay').count(), 0, 'nothing owed: no payment box');
    // The receipt is the fee module's, issued by the gateway's user, method VNPay.
    const cookie = await sessionCookie('tn.tp');
    const receipts = await (await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/receipts`, { headers: { cookie } })).json();
    const vnpay = receipts.items.filter((r) => r.method === 'vnpay');
    assert.equal(vnpay.length, 1);
    assert.equal(vnpay[0].amount, 25_000);
  }));
