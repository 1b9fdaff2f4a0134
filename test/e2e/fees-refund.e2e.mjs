// Refunds (issue 13 item 1): a dossier that paid 100.000 đ is withdrawn; on the dossier page the fee collector sees
// what can be refunded, pays back part of it with a reason and gets a numbered refund slip; the cash book shows it
// as money out and the director's fee report shows collected − refunded = net; the director's screen of the
// center's office and public hours.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { BASE, closeBrowser, loginViaApi, loginViaForm, PASSWORD, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

const PROCEDURE = '1.001612'; // Đăng ký thành lập hộ kinh doanh: 100.000 đ at reception
const VIEWPORT = { width: 1366, height: 1100 };
const REASON = 'Người nộp rút hồ sơ trước khi giải quyết, hoàn trả lệ phí';
const newIdNumber = () => `0461${String(Date.now()).slice(-7)}${Math.floor(Math.random() * 10)}`;

/** Registers, receives, pays 100.000 đ in cash and withdraws a dossier through the API. Returns its code. */
async function withdrawnPaidDossier() {
  const as = async (username) => {
    const api = await request.newContext({ baseURL: BASE });
    const login = await api.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
    assert.equal(login.status(), 200, await login.text());
    return api;
  };
  const clerk = await as('tn.tc');
  const collector = await as('thuphi');
  try {
    const created = await clerk.post('/api/v1/dossiers', {
      data: { procedure: PROCEDURE, applicant: { fullName: 'Hoàng Thị Lan', idNumber: newIdNumber(), phone: '0905123456' }, channel: 'direct' },
    });
    assert.equal(created.status(), 201, await created.text());
    const { code } = await created.json();
    const url = `/api/v1/dossiers/${encodeURIComponent(code)}`;
    assert.equal((await clerk.post(`${url}/receive`, { data: {} })).status(), 200);
    const paid = await collector.post(`${url}/payments`, { data: { method: 'cash', amount: 100_000, tendered: 100_000 } });
    assert.equal(paid.status(), 201, await paid.text());
    const withdrawn = await clerk.post(`${url}/withdraw`, { data: { reason: 'Người nộp xin rút hồ sơ' } });
    assert.equal(withdrawn.status(), 200, await withdrawn.text());
    return code;
  } finally {
    await clerk.dispose();
    await collector.dispose();
  }
}

const text = async (locator) => (await locator.innerText()).trim();

test('the fee collector refunds part of a withdrawn dossier’s fees; the cash book and the report show it', { timeout: 120_000 }, async (t) => {
  const code = await withdrawnPaidDossier();
  let refundNumber;
  await withPage(t, { viewport: VIEWPORT }, async (page) => {
    await loginViaForm(page, 'thuphi');
    await page.waitForURL(/\/console$/);
    await page.goto(`${BASE}/console/dossiers/${encodeURIComponent(code)}`);
    const box = page.getByTestId('dossier-refunds');
    await box.waitFor();
    assert.match(await text(box.getByTestId('refundable')), /^100\.000\sđ$/);
    await box.getByTestId('refund-open').click();
    const amount = box.locator('input[data-testid=refund-amount], [data-testid=refund-amount] input').first();
    await amount.fill('40000');
    await box.getByTestId('refund-reason').fill(REASON);
    assert.match(await text(box.getByTestId('refund-ok')), /Hoàn trả 40\.000\sđ/);
    await box.getByTestId('refund-ok').click();
    await box.getByRole('cell', { name: REASON, exact: false }).waitFor();
    await page.waitForFunction(() => /60\.000/.test(document.querySelector('[data-testid=refundable]')?.textContent ?? ''));
    refundNumber = await text(box.locator('.code').first());
    assert.match(refundNumber, /^HP-\d{2}\/\d{7}$/);
    await box.scrollIntoViewIfNeeded();
    await readmeShot(page, 'fees-refund-dossier.png');

    // The collector's cash book: the refund is money out, with its slip number and reason.
    await page.goto(`${BASE}/console/fees/cashbook`);
    const row = page.getByRole('row').filter({ hasText: refundNumber });
    await row.waitFor();
    assert.match(await text(row), /Hoàn trả/);
    assert.match(await text(row), /-40\.000\sđ/);
    await readmeShot(page, 'fees-refund-cashbook.png', { fullPage: true });
  });

  await withPage(t, { viewport: VIEWPORT }, async (page) => {
    await loginViaApi(page, 'giamdoc');
    await page.goto(`${BASE}/console/fees/reports`);
    const net = page.getByTestId('report-net');
    await net.waitFor();
    assert.match(await text(net), /Thực thu \(đã thu − đã hoàn trả\):/);
    assert.ok((await text(net)).includes(refundNumber), 'the refund slip is listed');
    await readmeShot(page, 'fees-refund-report.png', { fullPage: true });

    // The center's hours are a screen of their own (saved unchanged here: other tests run against the same app).
    await page.getByTestId('console-menu').getByRole('link', { name: 'Giờ làm việc', exact: true }).click();
    await page.waitForURL(/\/console\/center\/hours$/);
    const form = page.getByTestId('center-hours');
    await form.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=office-hours] input')?.value === '07:00');
    assert.deepEqual(await page.getByTestId('public-hours').locator('input').evaluateAll((els) => els.map((e) => e.value)), ['07:30', '11:00', '14:00', '16:30']);
    await page.getByTestId('hours-save').click();
    await page.getByText('Đã lưu giờ làm việc, giờ tiếp công dân').waitFor();
    await readmeShot(page, 'center-hours.png');
  });
});
