// The audit log screen shows the reads of personal data (issue 12, finding 7) in Vietnamese: who searched a citizen
// ID, who printed which form, with the details named, never the personal values themselves.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, closeBrowser, loginViaApi, payReceptionFees, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

test('a clerk searches by citizen ID and prints a slip; the director sees both in the audit log', { timeout: 90_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaApi(page, 'tn.tp');
    const idNumber = '046199007788';
    const reg = await page.request.post(`${BASE}/api/v1/dossiers`, {
      data: { procedure: '2.000748', channel: 'direct', receive: true, applicant: { kind: 'person', fullName: 'Trương Thị Mỹ Lệ', idNumber, phone: '0905123987', address: 'Thủy Phương' } },
    });
    assert.equal(reg.status(), 201, await reg.text());
    const { code } = await reg.json();
    assert.equal((await page.request.get(`${BASE}/api/v1/dossiers?idNumber=${idNumber}`)).status(), 200);
    await payReceptionFees(code, 25_000); // the slip is handed out once the 25.000 đ due at reception is paid
    assert.equal((await page.request.get(`${BASE}/api/v1/dossiers/${code}/forms/receipt.pdf`)).status(), 200);
    await page.request.post(`${BASE}/api/v1/auth/logout`);

    await loginViaApi(page, 'giamdoc');
    await page.goto(`${BASE}/console/admin/audit`);
    const table = page.locator('.ant-table-tbody');
    await table.getByText('Tra cứu hồ sơ theo CCCD, số điện thoại').first().waitFor();
    await table.getByText('In phiếu của hồ sơ').first().waitFor();
    const text = await table.innerText();
    assert.match(text, /Tra theo: số định danh \(CCCD\)/);
    assert.match(text, new RegExp(`Hồ sơ: ${code.replace(/\./g, '\\.')}`));
    assert.match(text, /Phiếu: Giấy tiếp nhận, hẹn trả/);
    assert.match(text, /tn\.tp/);
    // The ID searched for and the applicant's name are not in the log.
    assert.doesNotMatch(text, new RegExp(idNumber));
    assert.doesNotMatch(text, /Trương Thị Mỹ Lệ/);
    // The dossier's own steps are in the journal too, with the clerk's name; the code filters to that dossier.
    await page.getByTestId('audit-dossier').locator('input').fill(code);
    await page.getByTestId('audit-dossier').locator('input').press('Enter');
    await table.getByText('Tiếp nhận hồ sơ', { exact: true }).waitFor();
    const rows = await table.locator('tr.ant-table-row').allInnerTexts();
    assert.ok(rows.length >= 3 && rows.every((r) => r.includes(code)), rows.join('\n'));
    assert.ok(rows.some((r) => /Đỗ Thị Thu Nam/.test(r) && /Đăng ký hồ sơ/.test(r)), rows.join('\n'));
    await readmeShot(page, 'audit-reads.png');
  }));
