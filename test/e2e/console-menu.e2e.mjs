// The staff console shows only the menu entries the user's permissions allow.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, closeBrowser, loginViaApi, loginViaForm, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

const ADMIN_ENTRIES = ['Người dùng', 'Trung tâm và đơn vị', 'Danh mục thủ tục', 'Lịch làm việc'];

test('anonymous visitors are sent to the login page, then back', { timeout: 60_000 }, (t) =>
  withPage(t, async (page) => {
    await page.goto(`${BASE}/console/admin/users`);
    await page.waitForURL(/\/login\?next=%2Fconsole%2Fadmin%2Fusers/);
    // A wrong password shows the server's own message.
    await page.getByLabel('Tên đăng nhập').fill('giamdoc');
    await page.getByLabel('Mật khẩu').fill('khong-dung');
    await page.locator('form button[type=submit]').click();
    assert.match(await page.locator('.login-error').innerText(), /không đúng/);
    await page.getByLabel('Mật khẩu').fill('motcua-demo');
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(/\/console\/admin\/users$/);
    // giamdoc has no users.manage: the screen refuses, the menu has no admin entries.
    await page.getByText('Không có quyền truy cập').waitFor();
  }));

test('admin sees the administration entries', { timeout: 60_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaForm(page, 'admin');
    await page.waitForURL(/\/console$/);
    const menu = page.getByTestId('console-menu');
    await menu.getByText('Tổng quan').waitFor();
    for (const entry of ADMIN_ENTRIES) await menu.getByRole('link', { name: entry, exact: true }).waitFor();
    await page.getByText('Xin chào, Nguyễn Văn An').waitFor();
    assert.match(await page.getByTestId('user-chip').innerText(), /Quản trị hệ thống/);

    await menu.getByRole('link', { name: 'Người dùng', exact: true }).click();
    await page.waitForURL(/\/console\/admin\/users$/);
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByPlaceholder('Tìm theo họ tên, tên đăng nhập, e-mail').fill('tiep nhan');
    await page.getByPlaceholder('Tìm theo họ tên, tên đăng nhập, e-mail').press('Enter');
    await page.getByPlaceholder('Tìm theo họ tên, tên đăng nhập, e-mail').fill('');
    await page.getByPlaceholder('Tìm theo họ tên, tên đăng nhập, e-mail').press('Enter');
    await page.locator('.ant-table-row').nth(5).waitFor();
    await readmeShot(page, 'console-users.png');

    // The account menu names the user; sign out with the header button.
    await page.getByTestId('user-chip').click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.waitForURL(/\/login$/);
    await page.locator('form button[type=submit]').waitFor();
    assert.equal((await page.request.get(`${BASE}/api/v1/auth/me`)).status(), 401);
  }));

test('a reception clerk (tn.tp) does not see them', { timeout: 60_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaForm(page, 'tn.tp');
    await page.waitForURL(/\/console$/);
    const menu = page.getByTestId('console-menu');
    await menu.getByText('Tổng quan').waitFor();
    const text = await menu.innerText();
    for (const entry of ADMIN_ENTRIES) assert.ok(!text.includes(entry), `menu of tn.tp shows "${entry}"`);
    assert.ok(!text.includes('Quản trị hệ thống'));
    // The user's center is in the header and on the welcome card.
    await page.getByText('Trung tâm Hành chính công thị xã Hương Thủy').first().waitFor();
    // Typing an admin address by hand does not help.
    await page.goto(`${BASE}/console/admin/catalog`);
    await page.getByText('Không có quyền truy cập').waitFor();
  }));

test('the API itself refuses a clerk the admin endpoints', { timeout: 30_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaApi(page, 'tn.tp');
    const r = await page.request.get(`${BASE}/api/v1/admin/users`);
    assert.equal(r.status(), 403);
  }));
