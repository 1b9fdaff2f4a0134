// The public catalog: accent-free search, the field filter and page numbers, the procedure's detail and the "when
// will my result be ready?" box.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, closeBrowser, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

const NAME = 'Đăng ký thành lập hộ kinh doanh';
const DATE = /\d{2}\/\d{2}\/\d{4}/;

test('search without accents finds the procedure, its detail shows a due date', { timeout: 90_000 }, (t) =>
  withPage(t, async (page) => {
    await page.goto(`${BASE}/`);
    // The 14 fields with their procedure counts.
    await page.locator('.field-card').nth(13).waitFor();
    assert.equal(await page.locator('.field-card').count(), 14);
    assert.match(await page.locator('[data-field="TP"]').innerText(), /Tư pháp[\s\S]*\d+\s*thủ tục/);

    const search = page.getByPlaceholder('Tìm thủ tục hành chính').first();
    await search.fill('dang ky ho kinh doanh');
    await search.press('Enter');
    await page.waitForURL(/\/procedures\?q=dang(\+|%20)ky/);
    const link = page.getByRole('link', { name: NAME, exact: true });
    await link.waitFor();
    await readmeShot(page, 'catalog.png');

    await link.click();
    await page.waitForURL(/\/procedures\/[^/?]+$/);
    await page.getByRole('heading', { level: 2, name: NAME }).waitFor();
    for (const section of ['Thông tin chung', 'Phí, lệ phí', 'Thành phần hồ sơ', 'Căn cứ pháp lý']) {
      await page.getByText(section, { exact: true }).first().waitFor();
    }
    assert.match(await page.locator('.facts').innerText(), /ngày làm việc|giờ làm việc|Trong ngày/);

    const box = page.getByTestId('due-result');
    await box.getByText('Hẹn trả kết quả').waitFor();
    const text = await box.innerText();
    assert.match(text, new RegExp(`Ngày tiếp nhận:\\s*${DATE.source}`));
    // The appointment in the public hours of the due day, and the legal deadline below it.
    assert.match(text, new RegExp(`Hẹn trả kết quả:\\s*\\d{2}:\\d{2}–\\d{2}:\\d{2}, (Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), ${DATE.source}`));
    assert.match(text, new RegExp(`Hạn giải quyết theo quy định: \\d{2}:\\d{2}, (Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), ${DATE.source}`));
    // The source cited is official: no crawler path.
    const source = await page.getByTestId('procedure-source').innerText();
    assert.match(source, /^Nguồn: /);
    assert.doesNotMatch(source, /github|crawler|\.json/);
    await readmeShot(page, 'procedure-detail.png');
  }));

test('the catalog works on a 375 px phone', { timeout: 60_000 }, (t) =>
  withPage(t, { viewport: { width: 375, height: 812 }, isMobile: true }, async (page) => {
    await page.goto(`${BASE}/procedures?q=${encodeURIComponent('hộ kinh doanh')}`);
    await page.getByRole('link', { name: NAME, exact: true }).waitFor();
    // Cards, not a table, and nothing wider than the screen.
    assert.equal(await page.locator('.procedure-table').count(), 0);
    assert.ok((await page.locator('.procedure-card').count()) > 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await readmeShot(page, 'catalog-mobile.png');
  }));

test('the field filter and the page numbers change the list and the address', { timeout: 60_000 }, (t) =>
  withPage(t, async (page) => {
    await page.goto(`${BASE}/procedures`);
    await page.getByText(/Tìm thấy \d+ thủ tục/).waitFor();
    const firstOf = () => page.locator('.procedure-table .procedure-link').first().innerText();
    const page1 = await firstOf();
    assert.match(await page.locator('.result-count').innerText(), /Tìm thấy 94 thủ tục/);
    // 94 procedures, 20 a page: page 2 is a button named "Trang 2".
    await page.getByRole('navigation', { name: 'Phân trang' }).getByRole('button', { name: 'Trang 2' }).click();
    await page.waitForURL(/\/procedures\?page=2$/);
    await page.getByRole('button', { name: 'Trang 2' }).and(page.locator('[aria-current="page"]')).waitFor();
    await page.waitForFunction((before) => document.querySelector('.procedure-table .procedure-link')?.textContent !== before, page1);
    // The field select (a native select, labelled) narrows the list to the field and goes back to page 1.
    await page.getByRole('combobox', { name: 'Lĩnh vực' }).selectOption('TP');
    await page.waitForURL(/\/procedures\?field=TP$/);
    await page.getByRole('heading', { level: 2, name: /^Tư pháp/ }).waitFor();
    await page.waitForFunction(() => /Tìm thấy \d+ thủ tục/.test(document.querySelector('.result-count')?.textContent ?? '') && !/Tìm thấy 94 /.test(document.querySelector('.result-count')?.textContent ?? ''));
    const found = Number((await page.getByText(/Tìm thấy \d+ thủ tục/).innerText()).match(/\d+/)[0]);
    assert.ok(found > 0 && found < 94, `${found} procedures in the field`);
  }));

test('on a phone the home page leads a citizen to each service, and the header to "Hồ sơ của tôi"', { timeout: 60_000 }, (t) =>
  withPage(t, { viewport: { width: 390, height: 844 }, isMobile: true }, async (page) => {
    await page.goto(`${BASE}/`);
    const services = page.getByTestId('home-services');
    await services.waitFor();
    const paths = await services.getByRole('link').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
    assert.deepEqual(paths, ['/tra-cuu', '/cong-dan', '/procedures', '/phan-anh']);
    await page.getByTestId('home-service-mine').click();
    await page.getByLabel('Số điện thoại hoặc e-mail').waitFor();
    // The header's citizen button stays on a 390 px screen (the text links are hidden there).
    await page.goto(`${BASE}/procedures`);
    const mine = page.getByTestId('nav-citizen');
    assert.ok(await mine.isVisible());
    assert.equal(await mine.getAttribute('aria-label'), 'Hồ sơ của tôi');
    await mine.click();
    await page.getByLabel('Số điện thoại hoặc e-mail').waitFor();
    assert.ok(page.url().endsWith('/cong-dan'));
  }));
