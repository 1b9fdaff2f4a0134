// Reception of an organization: a tax code already known at the center fills in the organization, its
// representative and contacts (as a citizen ID does for a person); an unknown one says so.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, closeBrowser, loginViaApi, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

const PROCEDURE = '2.000748';

test('a returning organization is filled in from its tax code', { timeout: 90_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaApi(page, 'tn.tp');
    const suffix = String(Date.now()).slice(-8);
    const taxCode = `33${suffix}`;
    const orgName = `Công ty Cổ phần Du lịch Hương Giang ${suffix}`;
    const first = await page.request.post(`${BASE}/api/v1/dossiers`, {
      data: {
        procedure: PROCEDURE, channel: 'direct',
        applicant: { kind: 'organization', orgName, taxCode, fullName: 'Phạm Thị Thanh Thủy', idNumber: `0461${suffix}`, phone: '0234381222', email: 'vanphong@huonggiang.vn', address: '51 Lê Lợi, thành phố Huế' },
      },
    });
    assert.equal(first.status(), 201, await first.text());

    await page.goto(`${BASE}/console/dossiers/new`);
    await page.locator('#reception_procedure').waitFor();
    await page.getByText('Tổ chức', { exact: true }).click();
    await page.locator('#reception_procedure').focus();
    await page.keyboard.type(PROCEDURE);
    await page.locator('.procedure-option', { hasText: PROCEDURE }).first().waitFor();
    await page.keyboard.press('Enter');
    // For an organization the tax code comes first.
    await page.waitForFunction(() => document.activeElement?.id === 'reception_taxCode');
    await page.keyboard.type(taxCode);
    await page.getByTestId('tax-lookup').getByText('Đã điền thông tin tổ chức từ hồ sơ trước').waitFor();
    assert.match(await page.getByTestId('tax-lookup').innerText(), new RegExp((await first.json()).code.replace(/\./g, '\\.')));
    assert.equal(await page.locator('#reception_orgName').inputValue(), orgName);
    assert.equal(await page.locator('#reception_fullName').inputValue(), 'Phạm Thị Thanh Thủy');
    assert.equal(await page.locator('#reception_idNumber').inputValue(), `0461${suffix}`);
    assert.equal(await page.locator('#reception_phone').inputValue(), '0234381222');
    assert.equal(await page.locator('#reception_email').inputValue(), 'vanphong@huonggiang.vn');
    await readmeShot(page, 'dossier-reception-org.png');
    await page.locator('#reception_taxCode').focus(); // the screenshot took the focus away
    // Enter jumps to the checklist; Space, Ctrl+Enter: registered.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'checklist-all');
    await page.keyboard.press('Space');
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/\/console\/dossiers\/000\.00\.15\.H57-\d{6}-\d{4}$/);
    const block = page.locator('.applicant-block');
    await block.getByText(orgName).waitFor();
    assert.match(await block.innerText(), /Người đại diện: Phạm Thị Thanh Thủy[\s\S]*Mã số thuế 33/);

    // An organization never seen at this center.
    await page.goto(`${BASE}/console/dossiers/new`);
    await page.locator('#reception_procedure').waitFor();
    await page.getByText('Tổ chức', { exact: true }).click();
    await page.locator('#reception_taxCode').fill('3399999999');
    await page.getByTestId('tax-lookup').getByText('Tổ chức nộp lần đầu tại Trung tâm').waitFor();
    assert.equal(await page.locator('#reception_orgName').inputValue(), '');
  }));
