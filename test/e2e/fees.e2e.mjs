// Fees at the counter: the fee collector opens a received dossier by its code, sees what is due, takes cash with
// change, prints the receipt; the director voids it with a reason and the amount is due again; the cash book
// shows both entries. A tiered fee says how it is priced and a partial transfer gets a VietQR code of that part;
// the director opens a new receipt book and a new series, and the next receipt carries the new series.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import os from 'node:os';
import path from 'node:path';
import { BASE, closeBrowser, loginViaApi, loginViaForm, PASSWORD, readmeShot, readmeShots, withPage } from './support.mjs';

after(closeBrowser);

const PROCEDURE = '1.001612'; // Đăng ký thành lập hộ kinh doanh: 100.000 đ at reception
// Tall enough for the whole VietQR block in the README screenshot.
const VIEWPORT = { width: 1366, height: 1280 };
const VND = (s) => new RegExp(`^${s.replace(/\./g, '\\.')}\\s?đ$`); // "100.000 đ" (the space may be a no-break one)
const RECEIPT_NO = /^[A-Z0-9-]+\/\d{7}$/;
const VOID_REASON = 'Thu nhầm hình thức nộp, người nộp đề nghị thu lại';

/** A citizen ID number nobody else in this run has (12 digits). */
const newIdNumber = () => `0461${String(Date.now()).slice(-7)}${Math.floor(Math.random() * 10)}`;

/**
 * Registers and receives a dossier through the API as the reception clerk of the procedure's field (default:
 * Finance–Planning, business household registration); `quantities` are then saved for its fees. Returns its code.
 */
async function receivedDossier({ procedure = PROCEDURE, clerk = 'tn.tc', quantities } = {}) {
  const api = await request.newContext({ baseURL: BASE });
  try {
    const login = await api.post('/api/v1/auth/login', { data: { username: clerk, password: PASSWORD } });
    assert.equal(login.status(), 200, await login.text());
    const created = await api.post('/api/v1/dossiers', {
      data: { procedure, applicant: { fullName: 'Hoàng Thị Lan', idNumber: newIdNumber(), phone: '0905123456' }, channel: 'direct' },
    });
    assert.equal(created.status(), 201, await created.text());
    const { code } = await created.json();
    const received = await api.post(`/api/v1/dossiers/${encodeURIComponent(code)}/receive`, { data: {} });
    assert.equal(received.status(), 200, await received.text());
    if (quantities) {
      const saved = await api.put(`/api/v1/dossiers/${encodeURIComponent(code)}/fees/quantities`, { data: quantities });
      assert.equal(saved.status(), 200, await saved.text());
    }
    return code;
  } finally {
    await api.dispose();
  }
}

/** Saves a look at the page for a person to check, when FEES_E2E_SHOTS is set (a directory; default the temp dir). */
async function lookAt(page, name) {
  if (!process.env.FEES_E2E_SHOTS) return;
  const dir = process.env.FEES_E2E_SHOTS === '1' ? os.tmpdir() : process.env.FEES_E2E_SHOTS;
  await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

/** Fetches a link of the page from the page itself (same cookies), as the new tab would. */
async function fetchFromPage(page, href) {
  return page.evaluate(async (u) => {
    const r = await fetch(u);
    const head = String.fromCharCode(...new Uint8Array((await r.arrayBuffer()).slice(0, 5)));
    return { status: r.status, type: r.headers.get('content-type'), head };
  }, href);
}

const text = async (locator) => (await locator.innerText()).trim();

/** Waits until the element's text matches (the page refetches after a payment or a void). */
async function waitText(locator, re, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last = '';
  while (Date.now() < end) {
    last = await text(locator).catch(() => '');
    if (re.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(last, re);
}

let code;
let receiptNumber;
before(async () => {
  code = await receivedDossier();
});

test('the fee collector opens the dossier by code, takes cash with change and prints the receipt', { timeout: 120_000 }, (t) =>
  withPage(t, { viewport: VIEWPORT }, async (page) => {
    await loginViaForm(page, 'thuphi');
    await page.waitForURL(/\/console$/);
    const menu = page.getByTestId('console-menu');
    for (const entry of ['Thu phí, lệ phí', 'Sổ quỹ']) await menu.getByRole('link', { name: entry, exact: true }).waitFor();
    assert.ok(!(await menu.innerText()).includes('Chuyển tiền'), 'a fee collector does not make transfers');
    await menu.getByRole('link', { name: 'Thu phí, lệ phí', exact: true }).click();
    await page.waitForURL(/\/console\/fees$/);

    // Typed or scanned: the code, then Enter.
    const lookup = page.getByPlaceholder('Nhập hoặc quét mã hồ sơ rồi nhấn Enter');
    await lookup.fill(code);
    await lookup.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('code') === code);
    await page.getByTestId('fee-dossier').getByText(code).waitFor();
    await page.getByTestId('fee-breakdown').getByText('Lệ phí đăng ký hộ kinh doanh', { exact: true }).waitFor();
    assert.match(await text(page.getByTestId('fee-due')), VND('100.000'));
    assert.match(await text(page.getByTestId('fee-total')), VND('100.000'));
    assert.match(await text(page.getByTestId('fee-paid')), VND('0'));
    await page.getByTestId('fee-services').getByText('Nhận kết quả qua bưu điện').waitFor();

    // Bank transfer: the VietQR code of the amount due, the dossier code as the memo.
    await page.getByTestId('fee-method').getByText('Chuyển khoản').click();
    const qr = page.getByTestId('fee-vietqr');
    await qr.locator('img').waitFor();
    assert.match(await text(qr.getByTestId('fee-qr-amount')), VND('100.000'));
    assert.equal(await text(qr.getByTestId('fee-qr-memo')), code);
    const size = await qr.locator('img').evaluate((img) => ({ w: img.getBoundingClientRect().width, natural: img.naturalWidth }));
    assert.ok(size.w >= 240 && size.natural > 0, `the QR code is big enough to scan (${size.w} px)`);
    assert.match(await text(page.getByTestId('fee-submit')), /^Xác nhận đã nhận 100\.000\sđ và cấp biên lai$/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await readmeShot(page, 'fees-collect-vietqr.png');

    // Cash: 200.000 đ handed over → 100.000 đ change.
    await page.getByTestId('fee-method').getByText('Tiền mặt').click();
    await page.getByTestId('fee-tendered').fill('200000');
    assert.match(await text(page.getByTestId('fee-change')), VND('100.000'));
    await page.getByTestId('fee-submit').click();

    const issued = page.getByTestId('fee-receipt-issued');
    await issued.waitFor();
    receiptNumber = await text(page.getByTestId('receipt-number'));
    assert.match(receiptNumber, RECEIPT_NO);
    assert.match(await text(page.getByTestId('receipt-change')), VND('100.000'));
    await issued.getByText('Một trăm nghìn đồng').waitFor();
    await waitText(page.getByTestId('fee-due'), VND('0'));

    // "In biên lai" (A5) and "In khổ 80mm" open the PDF.
    const a5 = issued.getByTestId('print-a5');
    assert.equal(await a5.getAttribute('target'), '_blank');
    const pdf = await fetchFromPage(page, await a5.getAttribute('href'));
    assert.deepEqual(pdf, { status: 200, type: 'application/pdf', head: '%PDF-' });
    const thermal = await fetchFromPage(page, await issued.getByTestId('print-80mm').getAttribute('href'));
    assert.deepEqual(thermal, { status: 200, type: 'application/pdf', head: '%PDF-' });

    // The dossier's receipts list it; a collector cannot void.
    const list = page.getByTestId('receipt-list');
    await list.getByText(receiptNumber, { exact: true }).waitFor();
    assert.equal(await list.getByRole('button', { name: 'Hủy biên lai' }).count(), 0);
  }));

test('the director voids the receipt with a reason; the fee is due again', { timeout: 120_000 }, (t) =>
  withPage(t, { viewport: VIEWPORT }, async (page) => {
    assert.ok(receiptNumber, 'the previous test issued a receipt');
    await loginViaForm(page, 'giamdoc');
    await page.waitForURL(/\/console$/);
    await page.goto(`${BASE}/console/fees?code=${encodeURIComponent(code)}`);
    const list = page.getByTestId('receipt-list');
    await list.getByText(receiptNumber, { exact: true }).waitFor();
    assert.match(await text(page.getByTestId('fee-due')), VND('0'));

    await list.getByRole('button', { name: 'Hủy biên lai' }).click();
    const modal = page.locator('.ant-modal', { hasText: `Hủy biên lai ${receiptNumber}` });
    await modal.waitFor();
    // Fewer than 10 characters: refused before it reaches the server.
    await modal.locator('textarea').fill('nhầm');
    await page.getByTestId('void-confirm').click();
    await modal.getByText('Lý do hủy tối thiểu 10 ký tự').waitFor();
    await modal.locator('textarea').fill(VOID_REASON);
    await page.getByTestId('void-confirm').click();
    await modal.waitFor({ state: 'detached' });

    // Still listed, struck through, with the reason; the amount is due again.
    const voided = list.getByTestId('receipt-voided');
    await voided.getByText(`Lý do: ${VOID_REASON}`).waitFor();
    await voided.getByText('Đã hủy', { exact: true }).waitFor();
    const row = list.locator('tr.fee-row-voided', { hasText: receiptNumber });
    await row.waitFor();
    const decoration = await row.locator('.fee-receipt-no').evaluate((el) => window.getComputedStyle(el).textDecorationLine);
    assert.equal(decoration, 'line-through');
    await waitText(page.getByTestId('fee-due'), VND('100.000'));
    await waitText(page.getByTestId('fee-paid'), VND('0'));
    assert.equal(await list.getByRole('button', { name: 'Hủy biên lai' }).count(), 0, 'a voided receipt cannot be voided again');
    if (readmeShots) await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await readmeShot(page, 'fees-receipts-voided.png');

    // The voided receipt still prints (with its "ĐÃ HỦY" stamp).
    const pdf = await fetchFromPage(page, await list.getByRole('link', { name: 'In biên lai (A5)' }).getAttribute('href'));
    assert.deepEqual(pdf, { status: 200, type: 'application/pdf', head: '%PDF-' });

    // The cash book of the day: the receipt and its void, cash closing 100.000 đ lower than received.
    await page.getByTestId('console-menu').getByRole('link', { name: 'Sổ quỹ', exact: true }).click();
    await page.waitForURL(/\/console\/fees\/cashbook$/);
    const book = page.getByTestId('cashbook-book').filter({ hasText: 'Phan Thị Mai Khánh' });
    await book.waitFor();
    const entries = book.locator('tr', { hasText: receiptNumber });
    await entries.nth(1).waitFor();
    assert.equal(await entries.count(), 2);
    await entries.filter({ hasText: VOID_REASON }).getByText('Hủy', { exact: true }).waitFor();
    const exports = await fetchFromPage(page, await page.getByTestId('cashbook-pdf').getAttribute('href'));
    assert.deepEqual(exports, { status: 200, type: 'application/pdf', head: '%PDF-' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await readmeShot(page, 'fees-cashbook.png');
  }));

test('the API refuses a fee collector the void, and a reason shorter than 10 characters', { timeout: 30_000 }, async () => {
  const api = await request.newContext({ baseURL: BASE });
  try {
    const receipts = async () => (await (await api.get(`/api/v1/dossiers/${encodeURIComponent(code)}/receipts`)).json()).items;
    await api.post('/api/v1/auth/login', { data: { username: 'thuphi', password: PASSWORD } });
    const [first] = await receipts();
    assert.ok(first?.id);
    assert.equal((await api.post(`/api/v1/receipts/${first.id}/void`, { data: { reason: 'Người thu tự hủy biên lai' } })).status(), 403);
    await api.post('/api/v1/auth/login', { data: { username: 'giamdoc', password: PASSWORD } });
    assert.equal((await api.post(`/api/v1/receipts/${first.id}/void`, { data: { reason: 'ngắn' } })).status(), 400);
  } finally {
    await api.dispose();
  }
});

test('a tiered fee says how it is priced; a partial transfer gets the VietQR code of that part', { timeout: 120_000 }, (t) =>
  withPage(t, { viewport: VIEWPORT }, async (page) => {
    // Certification of copies, 10 pages, one copy: 2 × 2.000 đ + 8 × 1.000 đ = 12.000 đ.
    const tiered = await receivedDossier({ procedure: '2.000815', clerk: 'tn.tp', quantities: { pages: 10, copies: 1 } });
    await loginViaForm(page, 'thuphi');
    await page.waitForURL(/\/console$/);
    await page.goto(`${BASE}/console/fees?code=${encodeURIComponent(tiered)}`);
    const rate = page.getByTestId('fee-breakdown').getByTestId('fee-rate');
    await rate.waitFor();
    assert.equal((await text(rate)).replace(/\u00a0/g, ' '), 'Cách tính: 2 trang đầu × 2.000 đ; 8 trang × 1.000 đ; tối đa 200.000 đ/bản');
    await page.getByTestId('fee-breakdown').getByText('theo bậc giá').waitFor();
    assert.match(await text(page.getByTestId('fee-due')), VND('12.000'));

    // The payer transfers 5.000 đ now: the QR code follows the amount typed.
    await page.getByTestId('fee-method').getByText('Chuyển khoản').click();
    const qr = page.getByTestId('fee-vietqr');
    await waitText(qr.getByTestId('fee-qr-amount'), VND('12.000'));
    await page.getByTestId('fee-amount').fill('5000');
    await waitText(qr.getByTestId('fee-qr-amount'), VND('5.000'));
    await waitText(page.getByTestId('fee-qr-partial'), /5\.000\sđ trong số 12\.000\sđ còn phải nộp/);
    await lookAt(page, 'fees-partial-vietqr.png');
    await page.getByTestId('fee-reference').fill('FT25E2E0001');
    await page.getByTestId('fee-submit').click();
    const issued = page.getByTestId('fee-receipt-issued');
    await issued.waitFor();
    await waitText(page.getByTestId('fee-due'), VND('7.000'));
    const pdf = await fetchFromPage(page, await issued.getByTestId('print-a5').getAttribute('href'));
    assert.deepEqual(pdf, { status: 200, type: 'application/pdf', head: '%PDF-' });
  }));

test('the director opens a new receipt book and a new series; the next receipt is numbered in it', { timeout: 120_000 }, (t) =>
  withPage(t, { viewport: VIEWPORT }, async (page) => {
    await loginViaForm(page, 'giamdoc');
    await page.waitForURL(/\/console$/);
    await page.getByTestId('console-menu').getByRole('link', { name: 'Ký hiệu, quyển biên lai', exact: true }).click();
    await page.waitForURL(/\/console\/fees\/series$/);
    const list = page.getByTestId('series-list');
    const inUse = list.locator('tr.fee-series-active');
    await inUse.waitFor();
    await inUse.getByText('Đang dùng', { exact: true }).waitFor();
    const symbol = await text(inUse.getByTestId('series-symbol'));
    assert.match(symbol, /^HT-\d{2}$/, 'the first receipt of the year opened the default series');
    const book = Number(await text(inUse.getByTestId('series-book')));
    const next = await text(inUse.getByTestId('series-next'));
    assert.match(next, /^\d{7}$/);
    // The books of the series in use are listed under it.
    await list.getByTestId('series-books').getByText(`Các quyển của ký hiệu ${symbol}`).waitFor();

    // A new book: the current one ends at the last number issued.
    await inUse.getByTestId('series-open-book').click();
    const bookModal = page.locator('.ant-modal', { hasText: `Mở quyển mới cho ký hiệu ${symbol}` });
    await bookModal.getByText(`Quyển ${book + 1} bắt đầu từ số ${next}`).waitFor();
    await page.getByTestId('book-open-confirm').click();
    await bookModal.waitFor({ state: 'detached' });
    await waitText(inUse.getByTestId('series-book'), new RegExp(`^${book + 1}$`));
    assert.equal(await text(inUse.getByTestId('series-next')), next, 'numbering goes on without a gap');

    // A new series: lower case is raised, the old series is closed.
    await page.getByTestId('series-open').click();
    const seriesModal = page.locator('.ant-modal', { hasText: 'Mở ký hiệu biên lai mới' });
    await seriesModal.getByText(`Ký hiệu đang dùng (${symbol}) sẽ được đóng`).waitFor();
    await page.getByTestId('series-symbol-input').fill('ht 2');
    await page.getByTestId('series-open-confirm').click();
    await seriesModal.getByText('Ký hiệu gồm 2–20 chữ cái không dấu và chữ số').waitFor();
    await page.getByTestId('series-symbol-input').fill('e2e-1');
    await page.getByTestId('series-open-confirm').click();
    await seriesModal.waitFor({ state: 'detached' });
    const fresh = list.locator('tr.fee-series-active');
    await waitText(fresh.getByTestId('series-symbol'), /^E2E-1$/);
    assert.equal(await text(fresh.getByTestId('series-next')), '0000001');
    await list.locator('tr', { hasText: symbol }).getByText('Đã đóng', { exact: true }).waitFor();
    await lookAt(page, 'fees-series.png');
    await readmeShot(page, 'fees-series.png');

    // The next receipt, by the fee collector, is the first of the new series.
    const code = await receivedDossier();
    const api = await request.newContext({ baseURL: BASE });
    try {
      await api.post('/api/v1/auth/login', { data: { username: 'thuphi', password: PASSWORD } });
      const paid = await api.post(`/api/v1/dossiers/${encodeURIComponent(code)}/payments`, { data: { method: 'cash', amount: 100_000 } });
      assert.equal(paid.status(), 201, await paid.text());
      assert.equal((await paid.json()).receiptNumber, 'E2E-1/0000001');
    } finally {
      await api.dispose();
    }
  }));

test('the director sets the center’s bank account for VietQR and the price of postal delivery', { timeout: 90_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaApi(page, 'giamdoc');
    await page.goto(`${BASE}/console/fees/account`);
    const card = page.getByTestId('bank-account');
    // The demo account is named as such until the real one is entered.
    await card.getByText(/Đang dùng tài khoản mẫu/).waitFor();
    await page.getByTestId('bank-bin').fill('97043');
    await page.getByTestId('bank-save').click();
    await card.getByText('Mã BIN gồm 6 chữ số').waitFor();
    await page.getByTestId('bank-bin').fill('970415');
    await page.getByTestId('bank-name').fill('VietinBank');
    await page.getByTestId('bank-number').fill('1160 0012 3456');
    await page.getByTestId('bank-holder').fill('Trung tâm Hành chính công thị xã Hương Thủy');
    await page.getByTestId('bank-save').click();
    await card.getByText(/Đang dùng: Trung tâm Hành chính công thị xã Hương Thủy · 116000123456 · VietinBank/).waitFor();
    const api = await (await page.request.get(`${BASE}/api/v1/fees/bank-account`)).json();
    assert.deepEqual(api.account, { bankBin: '970415', bankName: 'VietinBank', accountNumber: '116000123456', accountName: 'Trung tâm Hành chính công thị xã Hương Thủy', isDemo: false });

    // Postal delivery of the result: a new price, saved and shown.
    const services = page.getByTestId('service-prices');
    const postal = services.locator('tr', { hasText: 'bưu' });
    await postal.locator('input[inputmode=numeric]').fill('35000');
    await postal.getByRole('button', { name: 'Lưu' }).click();
    await postal.getByText('35.000 đ').waitFor();
    if (readmeShots) await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
    await readmeShot(page, 'fees-account.png', { fullPage: true });

    // Stopping the account stops VietQR until a new one is set (the demo account does not come back).
    await card.getByRole('button', { name: 'Ngừng dùng' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Ngừng dùng' }).click();
    await card.getByText('Chưa có tài khoản: thu phí chỉ bằng tiền mặt, không có mã VietQR.').waitFor();
    assert.equal((await (await page.request.get(`${BASE}/api/v1/fees/bank-account`)).json()).account, null);
  }));
