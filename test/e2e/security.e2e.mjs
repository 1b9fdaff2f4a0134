// Issue 12: a deputy director is asked to turn on two-factor sign-in, scans the QR code (here: reads the key the
// page shows and computes the code as an authenticator app would), saves the recovery codes, then signs in with
// password + code; the admin pairs a kiosk and gets its link. Two-factor is turned off again at the end, so the
// other tests' sign-ins stay one step.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { Secret, TOTP } from 'otpauth';
import { appNow, BASE, closeBrowser, loginViaApi, loginViaForm, PASSWORD, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

/** The code an authenticator app shows now (the app's clock: the server checks codes against it). */
const codeAt = (secret, ms) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: ms });

test('a deputy director turns on two-factor sign-in and signs in with a code', { timeout: 120_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaForm(page, 'phogiamdoc');
    await page.waitForURL(/\/console$/);
    // Asked, not forced: the notice leads to the security page.
    await page.getByTestId('console-menu').getByRole('link', { name: 'Bảo mật tài khoản' }).click();
    await page.waitForURL(/\/console\/security$/);
    assert.equal(await page.getByTestId('two-factor-state').innerText(), 'Chưa bật');
    await page.getByTestId('setup-password').fill(PASSWORD);
    await page.getByTestId('setup-start').click();
    await page.getByTestId('two-factor-qr').locator('svg').waitFor();
    const secret = (await page.getByTestId('two-factor-secret').innerText()).trim();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await readmeShot(page, 'security-two-factor.png', { fullPage: true });

    // A wrong code is refused in Vietnamese; the right one turns it on and shows the recovery codes once.
    await page.getByTestId('setup-code').fill('000000' === codeAt(secret, appNow()) ? '111111' : '000000');
    await page.getByTestId('setup-confirm').click();
    await page.getByText('Mã xác thực không đúng').waitFor();
    await page.getByTestId('setup-code').fill(codeAt(secret, appNow()));
    await page.getByTestId('setup-confirm').click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    const recovery = (await codes.innerText()).match(/[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/g) ?? [];
    assert.equal(recovery.length, 10);
    await page.getByRole('button', { name: 'Tôi đã lưu các mã' }).click();
    assert.equal(await page.getByTestId('two-factor-state').innerText(), 'Đang bật');

    // Sign out, sign in again: the password alone no longer opens the console.
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.waitForURL(/\/login$/);
    await loginViaForm(page, 'phogiamdoc');
    const totp = page.getByTestId('login-totp');
    await totp.waitFor();
    await readmeShot(page, 'login-two-factor.png');
    // The code of the step just used was spent at enrolment; the next step's code is taken as the clock drifts.
    await totp.fill(codeAt(secret, appNow() + 30_000));
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(/\/console$/);

    // Off again (the password confirms), so that later sign-ins of this account are one step.
    await page.goto(`${BASE}/console/security`);
    await page.getByRole('button', { name: 'Tắt xác thực hai bước' }).click();
    await page.locator('input[autocomplete=current-password]').fill(PASSWORD);
    await page.locator('form').getByRole('button', { name: 'Tắt xác thực hai bước' }).click();
    await page.getByTestId('two-factor-state').getByText('Chưa bật').waitFor();
    const me = await (await page.request.get(`${BASE}/api/v1/auth/me`)).json();
    assert.equal(me.twoFactor.enabled, false);
  }));

test('the admin pairs a kiosk and gets the link that pairs it', { timeout: 60_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaApi(page, 'admin');
    await page.goto(`${BASE}/console/admin/kiosks`);
    // A province-wide admin names the center first.
    await page.getByRole('combobox', { name: 'Trung tâm' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Hương Thủy' }).click();
    await page.getByTestId('kiosk-name').fill('Kiosk sảnh chính');
    await page.getByTestId('kiosk-pair').click();
    const link = await page.getByTestId('kiosk-link').innerText();
    assert.match(link, /\/kiosk\/[^#\s]+#pair=[A-Za-z0-9_-]{20,}/);
    await page.getByTestId('kiosk-list').getByText('Kiosk sảnh chính').first().waitFor();
    await readmeShot(page, 'security-kiosks.png');
  }));
