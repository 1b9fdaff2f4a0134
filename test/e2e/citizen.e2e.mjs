// A citizen on a 390 px phone: signs in with a one-time code texted to the phone given at registration (read from
// the stand-in SMS gateway scripts/e2e.mjs starts), sees "Hồ sơ của tôi" with only their own dossier, opens it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, closeBrowser, readmeShot, withPage, sessionCookie } from './support.mjs';

after(closeBrowser);

const SINK = process.env.E2E_SMS_SINK;
// A phone number nobody else in this run has.
const PHONE = `098${String(Date.now()).slice(-7)}`;
const PHONE_INTL = `+84${PHONE.slice(1)}`;
let mine;
let other;

async function registerWith(cookie, phone, n) {
  const applicant = { kind: 'person', fullName: 'Trần Thị Minh Thư', idNumber: `0461${String(Date.now() + n).slice(-8)}`, phone, address: '12 Nguyễn Tất Thành, Phú Bài' };
  const reg = await fetch(`${BASE}/api/v1/dossiers`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ procedure: '2.000748', channel: 'direct', applicant }) });
  assert.equal(reg.status, 201);
  const { code } = await reg.json();
  const rec = await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/receive`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
  assert.equal(rec.status, 200);
  return code;
}

before(async () => {
  const cookie = await sessionCookie('tn.tp');
  mine = await registerWith(cookie, PHONE, 1);
  other = await registerWith(cookie, `097${String(Date.now()).slice(-7)}`, 2);
});

test('a citizen signs in with a texted code and sees only their own dossier', { timeout: 90_000 }, (t) =>
  withPage(t, { viewport: { width: 390, height: 844 }, isMobile: true }, async (page) => {
    await page.goto(`${BASE}/cong-dan`);
    const contact = page.getByLabel('Số điện thoại hoặc e-mail');
    await contact.waitFor();
    await readmeShot(page, 'citizen-signin.png');
    await contact.fill(PHONE);
    await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
    await page.getByText(/Đã gửi mã 6 chữ số tới 0\d{3}\*\*\*\d{3}/).waitFor();
    const texts = await (await fetch(`${SINK}/messages`)).json();
    // The sign-in code's text, not a dossier message sent to the same phone meanwhile (its code has digit runs too).
    const sms = texts.filter((m) => m.to === PHONE_INTL && m.text.startsWith('Ma dang nhap')).at(-1);
    assert.ok(sms, 'the phone got the code');
    const code = /: (\d{6})\./.exec(sms.text)[1];
    // A wrong code first: the message says what to do, in Vietnamese.
    const field = page.getByLabel('Mã đăng nhập (6 chữ số)');
    await field.fill(code === '000000' ? '111111' : '000000');
    // The form's own submit button (the header also offers staff sign-in).
    const signIn = page.locator('form button[type=submit]', { hasText: 'Đăng nhập' });
    await signIn.click();
    await page.getByText(/Mã không đúng hoặc đã hết hạn/).waitFor();
    await readmeShot(page, 'citizen-code.png');
    // Typed digit by digit, as a citizen does: the button unlocks at the sixth digit.
    await field.fill('');
    await field.pressSequentially(code);
    // Typing again clears the old message.
    assert.equal(await page.getByText(/Mã không đúng hoặc đã hết hạn/).count(), 0);
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Đăng nhập' && !b.disabled));
    await signIn.click();

    const items = page.getByTestId('citizen-dossier');
    await items.first().waitFor();
    const list = await items.allInnerTexts();
    assert.equal(list.length, 1);
    assert.ok(list[0].includes(mine));
    assert.ok(!list.join('\n').includes(other));
    // Fits the phone: nothing wider than the screen.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no horizontal scrolling at 390 px');
    await readmeShot(page, 'citizen-dossiers.png');

    await items.first().click();
    await page.getByText('Quá trình giải quyết').waitFor();
    const detail = await page.locator('main, body').first().innerText();
    assert.ok(detail.includes(mine));
    assert.match(detail, /Đã tiếp nhận/);
    assert.match(detail, /Tệp kết quả tải được tại đây khi Trung tâm trả kết quả theo hình thức trực tuyến/);
    await readmeShot(page, 'citizen-dossier.png', { fullPage: true });

    // Another citizen's dossier: not found, not shown.
    await page.goto(`${BASE}/cong-dan/ho-so/${encodeURIComponent(other)}`);
    await page.getByText('Không tìm thấy hồ sơ này trong danh sách hồ sơ của bạn.').waitFor();
  }));
