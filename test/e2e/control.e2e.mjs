// Control and urging: the director urges an overdue dossier from its page; the department head who holds it sees the
// bell's count rise live, opens the notification and lands on the dossier; the late-dossier report lists it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { appNow, BASE, closeBrowser, loginViaForm, PASSWORD, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

const daysAgo = (n) => {
  const day = new Date(appNow() - n * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 10);
  return `${day}T09:00:00+07:00`;
};
async function as(username) {
  const api = await request.newContext({ baseURL: BASE });
  const r = await api.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  assert.equal(r.status(), 200, await r.text());
  return api;
}
async function ok(res, status = 200) {
  assert.equal(res.status(), status, await res.text());
  return res.json();
}

let code;
before(async () => {
  const clerk = await as('tn.tp');
  const idNumber = `0463${String(Date.now()).slice(-8)}`;
  const created = await ok(await clerk.post('/api/v1/dossiers', {
    data: {
      procedure: '2.000748', channel: 'direct',
      applicant: { fullName: 'Lê Văn Quý', idNumber, phone: '0905123456' },
      backEntry: { receivedAt: daysAgo(25), reason: 'Mất điện, tiếp nhận trên giấy rồi nhập bù' },
    },
  }), 201);
  code = created.code;
  await ok(await clerk.post(`/api/v1/dossiers/${encodeURIComponent(code)}/transfer`, { data: {} }));
  await clerk.dispose();
});

test('the director urges an overdue dossier; its holder sees the bell count rise and opens the notification', { timeout: 120_000 }, async (t) => {
  const head = await as('ld.tp');
  const before = (await ok(await head.get('/api/v1/notifications/unread'))).unread;

  await withPage(t, { viewport: { width: 1366, height: 900 } }, async (page) => {
    await loginViaForm(page, 'giamdoc');
    await page.waitForURL(/\/console/);
    await page.goto(`${BASE}/console/dossiers/${encodeURIComponent(code)}`);
    await page.getByTestId('urge-button').click();
    await page.getByTestId('urge-note').fill('Hồ sơ đã quá hạn, đề nghị phòng xử lý ngay trong ngày.');
    await readmeShot(page, 'control-urge.png');
    await page.getByTestId('urge-send').click();
    await page.getByTestId('urge-note').waitFor({ state: 'detached' });
  });

  const after = (await ok(await head.get('/api/v1/notifications/unread'))).unread;
  assert.ok(after > before, `the head's unread count rises (before ${before}, after ${after})`);
  await head.dispose();

  await withPage(t, { viewport: { width: 1366, height: 900 } }, async (page) => {
    await loginViaForm(page, 'ld.tp');
    await page.waitForURL(/\/console/);
    const bell = page.getByTestId('bell-count');
    await bell.waitFor();
    assert.ok(Number(await bell.getAttribute('data-count')) >= after, 'the bell shows the unread count');
    await page.getByTestId('bell').click();
    const item = page.getByTestId('bell-item').filter({ hasText: code }).first();
    await item.waitFor();
    await readmeShot(page, 'control-bell.png');
    await item.click();
    await page.waitForURL(new RegExp(`/console/dossiers/${encodeURIComponent(code).replace(/\./g, '\\.')}`));
    await page.goto(`${BASE}/console/notifications`);
    await page.getByTestId('notification').first().waitFor();
    await readmeShot(page, 'control-notifications.png', { fullPage: true });
  });
});

test('the late-dossier report lists the overdue dossier under its department', { timeout: 120_000 }, (t) =>
  withPage(t, { viewport: { width: 1366, height: 900 } }, async (page) => {
    await loginViaForm(page, 'giamdoc');
    await page.waitForURL(/\/console/);
    await page.goto(`${BASE}/console/reports/late`);
    await page.getByTestId('late-groups').waitFor();
    await page.getByTestId('late-items').getByText(code).first().waitFor();
    await readmeShot(page, 'control-late-report.png', { fullPage: true });
  }));
