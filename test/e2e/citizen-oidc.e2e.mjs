// A citizen on a 390 px phone signs in with VNeID: the button on /cong-dan runs the real OpenID Connect code flow
// against the local provider scripts/e2e.mjs starts (issuing VNeID claims), lands on "Hồ sơ của tôi" with the
// dossier registered at the counter with their identity number, and a sign-in sent back with a reason says it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { E2E_OIDC_CITIZEN } from '../../scripts/oidc-provider.mjs';
import { BASE, closeBrowser, readmeShot, withPage, sessionCookie } from './support.mjs';

after(closeBrowser);

let mine;
before(async () => {
  const cookie = await sessionCookie('tn.tp');
  const applicant = { kind: 'person', fullName: E2E_OIDC_CITIZEN.HoVaTen, idNumber: E2E_OIDC_CITIZEN.SoDinhDanh, phone: '0915000777', address: '5 Trưng Nữ Vương, Phú Bài' };
  const reg = await fetch(`${BASE}/api/v1/dossiers`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ procedure: '2.000748', channel: 'direct', applicant }) });
  assert.equal(reg.status, 201);
  mine = (await reg.json()).code;
});

test('a citizen signs in with VNeID and sees the dossier of their identity number', { timeout: 90_000 }, (t) =>
  withPage(t, { viewport: { width: 390, height: 844 }, isMobile: true }, async (page) => {
    await page.goto(`${BASE}/cong-dan`);
    const button = page.getByTestId('oidc-sign-in');
    await button.waitFor();
    assert.equal((await button.innerText()).trim(), 'Đăng nhập bằng VNeID');
    await readmeShot(page, 'citizen-vneid-signin.png');
    await button.click();
    await page.getByTestId('oidc-signed-in').waitFor();
    const who = await page.getByTestId('oidc-signed-in').innerText();
    assert.match(who, /Đã đăng nhập bằng VNeID: Phạm Thị Hồng Nhung/);
    assert.match(who, /Số định danh cá nhân: 046\*{6}777/);
    // The list arrives after "who am I": wait for it (reading at once raced the request).
    await page.getByTestId('citizen-dossier').first().waitFor();
    const items = await page.getByTestId('citizen-dossier').allInnerTexts();
    assert.ok(items.some((i) => i.includes(mine)), 'the dossier registered with the identity number is listed');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no horizontal scrolling at 390 px');
    await readmeShot(page, 'citizen-vneid-dossiers.png');

    // The session is the citizen session of the one-time code: signing out ends it on the server.
    const out = page.waitForResponse((r) => r.url().endsWith('/api/v1/citizen/auth/logout'));
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    assert.equal((await out).status(), 204);
    // A sign-in the citizen refused at the provider comes back with the reason in words.
    await page.goto(`${BASE}/cong-dan?loi=denied`);
    await page.getByTestId('oidc-sign-in').waitFor();
    await page.getByTestId('oidc-error').waitFor();
    assert.match(await page.getByTestId('oidc-error').innerText(), /Bạn đã không đồng ý chia sẻ thông tin hoặc đã hủy đăng nhập/);
    await readmeShot(page, 'citizen-vneid-refused.png');
  }));
