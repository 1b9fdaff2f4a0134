// The head of a department assigns a dossier to a colleague from the dossier page ("Phân công"): the colleague's
// load is shown, the assignee appears on the page and in the timeline, and a specialist sees no such control.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, closeBrowser, loginViaApi, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

const PROCEDURE = '2.000748';

async function json(res, status) {
  assert.equal(res.status(), status, await res.text());
  return res.json();
}

test('the head of the department assigns a dossier to a colleague', { timeout: 120_000 }, (t) =>
  withPage(t, async (page) => {
    // A second specialist in the Justice department of Hương Thủy, so the head has a real choice.
    await loginViaApi(page, 'admin');
    const centers = await json(await page.request.get(`${BASE}/api/v1/centers`), 200);
    const center = centers.items.find((c) => c.code === '000.00.15.H57');
    const departments = await json(await page.request.get(`${BASE}/api/v1/admin/centers/${center.id}/departments`), 200);
    const tp = departments.items.find((d) => d.code === 'TP');
    const suffix = String(Date.now()).slice(-6);
    const colleague = `Đặng Thị Mai Hương ${suffix}`;
    await json(await page.request.post(`${BASE}/api/v1/admin/users`, {
      data: { username: `cv2.tp.${suffix}`, fullName: colleague, password: 'motcua-e2e-2025', roles: ['specialist'], centerId: center.id, departmentId: tp.id },
    }), 201);

    // The clerk registers, receives and hands the dossier over to the department.
    await loginViaApi(page, 'tn.tp');
    const idNumber = `0461${suffix}00`.padEnd(12, '3');
    const d = await json(await page.request.post(`${BASE}/api/v1/dossiers`, {
      data: { procedure: PROCEDURE, channel: 'direct', applicant: { kind: 'person', fullName: 'Hoàng Văn Thắng', idNumber, phone: '0914222333' } },
    }), 201);
    const code = d.code;
    await json(await page.request.post(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/receive`, { data: {} }), 200);
    await json(await page.request.post(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/transfer`, { data: {} }), 200);

    // A specialist has no assignment control.
    await loginViaApi(page, 'cv.tp');
    await page.goto(`${BASE}/console/dossiers/${encodeURIComponent(code)}`);
    await page.getByTestId('dossier-actions').waitFor();
    assert.equal(await page.getByTestId('assign-box').count(), 0, 'no "Phân công" for a specialist');

    // The head picks the colleague and assigns.
    await loginViaApi(page, 'ld.tp');
    await page.goto(`${BASE}/console/dossiers/${encodeURIComponent(code)}`);
    const box = page.getByTestId('assign-box');
    await box.waitFor();
    assert.match(await box.innerText(), /Phân công[\s\S]*Chưa phân công/);
    await box.getByTestId('assign-select').click();
    const option = page.locator('.assign-option', { hasText: colleague });
    await option.waitFor();
    assert.match(await option.innerText(), /Chuyên viên phòng chuyên môn · 0 hồ sơ đang xử lý/);
    // Every member who can process is offered: the specialists and the head.
    assert.ok((await page.locator('.assign-option').count()) >= 3);
    await option.click();
    await box.getByTestId('assign-submit').click();
    await page.locator('.ant-message-notice', { hasText: `Đã phân công hồ sơ cho ${colleague}` }).waitFor();
    await box.getByTestId('assignee-name').getByText(colleague).waitFor();
    await page.getByTestId('dossier-assignee').getByText(colleague).waitFor();
    await readmeShot(page, 'dossier-assign.png');
    await page.getByTestId('step-current').getByText(colleague, { exact: false }).waitFor();
    const entry = page.getByTestId('dossier-timeline').locator('[data-action="assign"]');
    await entry.waitFor();
    assert.match(await entry.innerText(), new RegExp(`Phân công xử lý[\\s\\S]*Giao cho: ${colleague}`));
    // The colleague is now marked as the one holding it, with one open dossier.
    await box.getByTestId('assign-select').click();
    assert.match(await page.locator('.assign-option', { hasText: colleague }).innerText(), /1 hồ sơ đang xử lý[\s\S]*đang xử lý hồ sơ này/);
  }));
