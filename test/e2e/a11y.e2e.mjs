// Accessibility of the public portal on a phone (issue 15, item 6): axe-core finds no serious or critical WCAG 2.1
// A/AA violation on any public page at 390 px, in Vietnamese: home, catalog, a procedure, the look-up (empty, and
// the 4-digit check of a dossier), sign-in, the satisfaction rating, the VNPay return, the transparency page, the
// feedback form and the published answers, the citizen sign-in, the online submission (signed out) and the
// signed-result verification page. The light pages (home, catalog, a procedure, look-up, sign-in, the citizen's
// sign-in and the online submission's) also must not load Ant Design nor the console's strings, in a dozen files at
// most. With --screenshots it also writes the 390 px README screenshots of the public pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, assertAccessible, closeBrowser, readmeShot, withPage, sessionCookie } from './support.mjs';

after(closeBrowser);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const CENTER = '000.00.15.H57';
let code;
let ratingToken;

before(async () => {
  const cookie = await sessionCookie('tn.tp');
  const applicant = { kind: 'person', fullName: 'Lê Văn Bình', idNumber: `0461${String(Date.now()).slice(-4)}1357`, phone: '0935135790', address: '12 Lê Lợi, Phú Bài' };
  const reg = await fetch(`${BASE}/api/v1/dossiers`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ procedure: '2.000748', channel: 'direct', applicant }) });
  assert.equal(reg.status, 201);
  code = (await reg.json()).code;
  const link = await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/evaluation-link`, { headers: { cookie } });
  assert.equal(link.status, 200);
  ratingToken = (await link.json()).token;
});

/** [name, path, what must be on the page before checking, README screenshot] */
const pages = () => [
  ['home', '/', (p) => p.locator('[data-field]').first(), 'public-home-390.png'],
  ['catalog', '/procedures', (p) => p.locator('.procedure-link').first(), 'public-catalog-390.png'],
  ['procedure', '/procedures/2.000748', (p) => p.locator('.detail-title'), 'public-procedure-390.png'],
  ['look-up', '/tra-cuu', (p) => p.getByRole('heading', { level: 1 }), 'public-track-390.png'],
  ['look-up of a dossier', `/tra-cuu/${encodeURIComponent(code)}`, (p) => p.getByTestId('track-verify'), null],
  ['sign-in', '/login', (p) => p.getByLabel('Tên đăng nhập'), 'public-login-390.png'],
  ['rating', `/danh-gia/${ratingToken}`, (p) => p.locator('fieldset').first(), 'public-rating-390.png'],
  ['VNPay return', '/thanh-toan/vnpay?vnp_TxnRef=KHONGCO&vnp_SecureHash=00', (p) => p.locator('[data-testid=vnpay-return], .ant-result').first(), null],
  ['transparency', `/cong-khai/${CENTER}`, (p) => p.getByRole('heading', { level: 1 }), null],
  ['feedback form', '/phan-anh', (p) => p.getByRole('heading', { level: 1 }), null],
  ['published feedback', '/phan-anh/cong-khai', (p) => p.getByRole('heading', { level: 1 }), null],
  ['citizen sign-in', '/cong-dan', (p) => p.getByRole('heading', { level: 1 }), null],
  ['online submission (signed out)', '/cong-dan/nop/2.000748', (p) => p.getByRole('heading', { level: 1 }), null],
  // No signed result in the demo data to verify: the page as it answers an unknown id (its "not found" state).
  ['result verification (unknown id)', '/xac-thuc/00000000-0000-4000-8000-000000000000', (p) => p.getByRole('heading', { level: 1 }), null],
];

test('every public page has no serious or critical accessibility violation at 390 px', { timeout: 180_000 }, async (t) => {
  for (const [name, url, ready, shot] of pages()) {
    await t.test(name, () =>
      withPage(t, PHONE, async (page) => {
        await page.goto(`${BASE}${url}`);
        await ready(page).waitFor();
        await page.waitForLoadState('networkidle');
        // The page fits the phone: nothing wider than the screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${name}: ${overflow}px wider than the screen`);
        await assertAccessible(page, name);
        if (shot) await readmeShot(page, shot, { fullPage: true });
      }));
  }
});

test('the look-up form and the sign-in form are usable by keyboard alone', { timeout: 60_000 }, (t) =>
  withPage(t, PHONE, async (page) => {
    await page.goto(`${BASE}/login`);
    const user = page.getByLabel('Tên đăng nhập');
    await user.waitFor();
    await user.focus();
    await page.keyboard.type('tn.tp');
    await page.keyboard.press('Tab');
    assert.equal(await page.getByLabel('Mật khẩu').evaluate((el) => el === document.activeElement), true);
    await page.keyboard.type('motcua-demo');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/console/);
  }));

test('English loads when chosen (a chunk of its own), stays after a reload, and is accessible too', { timeout: 60_000 }, (t) =>
  withPage(t, PHONE, async (page) => {
    const englishChunks = [];
    page.on('request', (r) => { if (/\/assets\/en-[\w-]+\.js$/.test(r.url())) englishChunks.push(r.url()); });
    await page.goto(`${BASE}/`);
    await page.getByRole('heading', { level: 1, name: 'Tra cứu thủ tục hành chính' }).waitFor();
    assert.equal(englishChunks.length, 0, 'a Vietnamese visit does not download English');
    await page.getByRole('button', { name: /^EN,/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Find an administrative procedure' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(englishChunks.length, 1);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Find an administrative procedure' }).waitFor();
    await assertAccessible(page, 'home in English');
    await page.getByRole('button', { name: /^VI,/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Tra cứu thủ tục hành chính' }).waitFor();
  }));

test('the center chooser loads its menu at the first click, by mouse or keyboard, and switches the center', { timeout: 60_000 }, (t) =>
  withPage(t, PHONE, async (page) => {
    const chooserChunks = [];
    page.on('request', (r) => { if (/\/assets\/CenterChooser-[\w-]+\.js$/.test(r.url())) chooserChunks.push(r.url()); });
    await page.goto(`${BASE}/`);
    const button = page.locator('.public-header button.brand-place');
    await button.waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(chooserChunks.length, 0, 'the menu is not downloaded with the page');
    await button.focus();
    await page.keyboard.press('Enter');
    const item = page.getByRole('menuitem', { name: /thành phố Huế/ });
    await item.waitFor();
    assert.equal(chooserChunks.length, 1);
    await assertAccessible(page, 'home with the center menu open');
    await item.click();
    await page.locator('.public-header .brand-place', { hasText: 'thành phố Huế' }).waitFor();
    await item.waitFor({ state: 'hidden' });
    await button.click();
    await page.getByRole('menuitem', { name: /Hương Thủy/ }).click();
    await page.locator('.public-header .brand-place', { hasText: 'thị xã Hương Thủy' }).waitFor();
  }));

test('the light public pages load no Ant Design, not the console strings, and a dozen files at most', { timeout: 90_000 }, async (t) => {
  for (const [url, ready] of [
    ['/', (p) => p.locator('[data-field]').first()],
    ['/procedures', (p) => p.locator('.procedure-link').first()],
    ['/procedures/2.000748', (p) => p.getByTestId('due-result').getByText('Hẹn trả kết quả')],
    ['/tra-cuu', (p) => p.getByRole('heading', { level: 1 })],
    ['/login', (p) => p.getByLabel('Tên đăng nhập')],
    // The citizen's pages and the online submission (signed out: the sign-in card).
    ['/cong-dan', (p) => p.getByLabel('Số điện thoại hoặc e-mail')],
    ['/cong-dan/nop/2.000748', (p) => p.getByLabel('Số điện thoại hoặc e-mail')],
  ]) {
    await withPage(t, PHONE, async (page) => {
      const files = [];
      page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/assets/')) files.push(new URL(r.url()).pathname); });
      await page.goto(`${BASE}${url}`);
      await ready(page).waitFor();
      await page.waitForLoadState('networkidle');
      const heavy = files.filter((f) => /\/(antd-core|AntdShell|vi|button|table|select|card)-[\w-]+\.js$/.test(f));
      assert.deepEqual(heavy, [], `${url} loads ${heavy.join(', ')}`);
      assert.ok(files.length <= 12, `${url} loads ${files.length} files: ${files.join(', ')}`);
    });
  }
});
