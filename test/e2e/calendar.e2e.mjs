// The working calendar administration: a year as 12 month grids with days off and make-up days.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, closeBrowser, loginViaApi, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

test('the 2025 calendar shows 27/01/2025 (Lunar New Year) as a day off', { timeout: 90_000 }, (t) =>
  withPage(t, { viewport: { width: 1440, height: 900 } }, async (page) => {
    await loginViaApi(page, 'admin');
    await page.goto(`${BASE}/console/admin/calendar`);
    await page.locator('.month').first().waitFor();
    assert.equal(await page.locator('.month').count(), 12);

    // Choose the year with the year selector.
    await page.getByTestId('calendar-year').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Năm 2025' }).click();
    await page.getByTestId('calendar-year-title').filter({ hasText: 'Năm 2025' }).waitFor();

    // The grid renders before the year's days off arrive: wait for the data, not just for the cell.
    const day = page.locator('[data-date="2025-01-27"][data-status="day_off"]');
    await day.waitFor({ timeout: 20_000 });
    assert.equal(await day.getAttribute('data-status'), 'day_off');
    assert.match(await day.getAttribute('aria-label'), /^27\/01\/2025: Ngày nghỉ: Tết Nguyên đán/);
    // A Sunday inside the Tết break is a day off; an ordinary Sunday is a weekend; a normal Tuesday is a working day.
    assert.equal(await page.locator('[data-date="2025-01-26"]').getAttribute('data-status'), 'day_off');
    assert.equal(await page.locator('[data-date="2025-03-09"]').getAttribute('data-status'), 'weekend');
    assert.equal(await page.locator('[data-date="2025-03-04"]').getAttribute('data-status'), 'working');

    // The list names the day and its source.
    const row = page.locator('.ant-table-row').filter({ hasText: '27/01/2025' });
    await row.waitFor();
    assert.match(await row.innerText(), /Ngày nghỉ[\s\S]*Tết Nguyên đán[\s\S]*Lịch nghỉ đã công bố/);
    await readmeShot(page, 'calendar.png');

    // A day off added by the administrator needs a reason and can be undone.
    await page.locator('[data-date="2025-12-15"]').click();
    const modal = page.locator('.ant-modal');
    await modal.getByText('Đặt làm ngày nghỉ').waitFor();
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await modal.getByText('Vui lòng nhập lý do').waitFor();
    await modal.getByLabel('Lý do').fill('Kiểm thử: nghỉ đột xuất');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('[data-date="2025-12-15"][data-status="day_off"].day-admin').waitFor();
    await page.locator('.ant-table-row').filter({ hasText: '15/12/2025' }).getByText('Quản trị viên').waitFor();

    await page.locator('[data-date="2025-12-15"]').click();
    await modal.getByLabel('Lý do').fill('Kiểm thử: hủy thay đổi');
    await modal.getByRole('button', { name: 'Hủy điều chỉnh' }).click();
    await page.locator('[data-date="2025-12-15"][data-status="working"]').waitFor();
  }));
