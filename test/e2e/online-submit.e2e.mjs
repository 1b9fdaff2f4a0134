// Online submission on a 390 px phone: "Nộp trực tuyến" on an online-capable procedure's page → sign in with a texted
// code → the e-form (fees and expected date shown before submitting) → one upload per document → "Hồ sơ của tôi".
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, assertAccessible, closeBrowser, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

const SINK = process.env.E2E_SMS_SINK;
const PHONE = `096${String(Date.now()).slice(-7)}`;
const PHONE_INTL = `+84${PHONE.slice(1)}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

test('a citizen submits a dossier online from the procedure page and finds it in "Hồ sơ của tôi"', { timeout: 120_000 }, (t) =>
  withPage(t, { viewport: { width: 390, height: 844 }, isMobile: true }, async (page) => {
    // The whole way (procedure, sign-in, e-form, uploads) is built on the light components: no Ant Design.
    const heavy = [];
    page.on('request', (r) => { const f = new URL(r.url()).pathname; if (/^\/assets\/(antd-core|AntdShell|vi|button|table|select|card)-[\w-]+\.js$/.test(f)) heavy.push(f); });
    await page.goto(`${BASE}/procedures/2.000748`);
    await page.getByTestId('online-submit-cta').click();
    const contact = page.getByLabel('Số điện thoại hoặc e-mail');
    await contact.fill(PHONE);
    await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
    await page.getByText(/Đã gửi mã 6 chữ số/).waitFor();
    const texts = await (await fetch(`${SINK}/messages`)).json();
    // The sign-in code's text, not a dossier message sent to the same phone (its code has digit runs too).
    const code = /: (\d{6})\./.exec(texts.filter((m) => m.to === PHONE_INTL && m.text.startsWith('Ma dang nhap')).at(-1).text)[1];
    await page.getByLabel('Mã đăng nhập (6 chữ số)').fill(code);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();

    await page.getByText('Nộp hồ sơ trực tuyến').first().waitFor();
    await page.getByTestId('online-name').fill('Lê Thị Hồng Nhung');
    await page.getByTestId('online-id').fill(`0462${String(Date.now()).slice(-8)}`);
    await page.getByLabel('Địa chỉ').fill('25 Trần Hưng Đạo, Phú Bài');
    const form = await page.locator('body').innerText();
    assert.match(form, /Phí, lệ phí/);
    assert.match(form, /Hình thức nhận kết quả/);
    // A partly online procedure (level 3): the result is not delivered online; the counter is chosen by default.
    assert.ok(await page.getByRole('radio', { name: 'Nhận tại Trung tâm' }).isChecked());
    assert.equal(await page.getByRole('radio', { name: 'Nhận kết quả điện tử trực tuyến' }).count(), 0);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no horizontal scrolling at 390 px');
    await assertAccessible(page, 'the e-form');
    await readmeShot(page, 'online-form.png', { fullPage: true });
    await page.getByTestId('online-submit').click();

    await page.getByText(/Đã nộp hồ sơ/).waitFor();
    const dossier = /Đã nộp hồ sơ (\S+)\./.exec(await page.locator('body').innerText())[1];
    await page.locator('input[type=file]').first().setInputFiles({ name: 'don-de-nghi.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText('✓ don-de-nghi.pdf').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await readmeShot(page, 'online-files.png', { fullPage: true });
    assert.deepEqual(heavy, [], `the online submission loads ${heavy.join(', ')}`);

    await page.getByRole('button', { name: 'Xem hồ sơ trong "Hồ sơ của tôi"' }).click();
    await page.getByText('Quá trình giải quyết').waitFor();
    const detail = await page.locator('body').innerText();
    assert.ok(detail.includes(dossier));
    assert.match(detail, /don-de-nghi\.pdf/);
    await assertAccessible(page, 'the dossier with its history');
    await readmeShot(page, 'online-dossier.png', { fullPage: true });
  }));
