// The administrator's e-mail server screen: fill in a real local SMTP server (smtp-server in this process), save,
// see that the password is not shown back, send a test message and read the server's answer on the screen.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { BASE, closeBrowser, loginViaApi, readmeShot, withPage } from './support.mjs';

const received = [];
const server = new SMTPServer({
  disabledCommands: ['STARTTLS'], allowInsecureAuth: true, logger: false,
  onAuth: (auth, _s, cb) => (auth.username === 'motcua' && auth.password === 'mat-khau-e2e' ? cb(null, { user: 'motcua' }) : cb(new Error('Sai tài khoản'))),
  onData(stream, _s, cb) {
    let text = '';
    stream.on('data', (c) => (text += c));
    stream.on('end', () => (received.push(text), cb()));
  },
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.server.address().port;

after(async () => {
  await closeBrowser();
  await new Promise((r) => server.close(r));
});

test('the administrator sets the e-mail server, the password stays hidden, and a test message reports the SMTP answer', async (t) => {
  await withPage(t, async (page) => {
    await loginViaApi(page, 'admin');
    await page.goto(`${BASE}/console/admin/smtp`);
    await page.getByTestId('smtp-form').waitFor();
    await page.getByText('Chưa cấu hình máy chủ e-mail').waitFor();
    await page.getByTestId('smtp-host').fill('127.0.0.1');
    await page.getByTestId('smtp-port').fill(String(port));
    await page.getByTestId('smtp-tls').click();
    await page.getByTitle('Không mã hóa').click();
    await page.getByTestId('smtp-user').fill('motcua');
    await page.getByTestId('smtp-password').fill('mat-khau-e2e');
    await page.getByTestId('smtp-from-name').fill('TTHCC Hương Thủy');
    await page.getByTestId('smtp-from-address').fill('thongbao@huongthuy.gov.vn');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/notifications/smtp') && r.request().method() === 'PUT');
    await page.getByTestId('smtp-save').click();
    const answer = await saved;
    assert.equal(answer.status(), 200);
    assert.ok(!(await answer.text()).includes('mat-khau-e2e'));
    await page.getByText('Đã lưu cấu hình máy chủ e-mail').waitFor();
    assert.equal(await page.getByTestId('smtp-password').inputValue(), '');
    assert.equal(await page.getByTestId('smtp-password').getAttribute('placeholder'), 'Đã lưu — để trống để giữ nguyên');

    await page.getByTestId('smtp-test-to').fill('kiemtra@example.vn');
    await page.getByTestId('smtp-test').click();
    const result = page.getByTestId('smtp-test-result');
    await result.waitFor();
    const text = await result.innerText();
    assert.match(text, /Máy chủ đã nhận thư/);
    assert.match(text, /Trả lời của máy chủ SMTP: 250/);
    assert.equal(received.length, 1);
    assert.match(received[0], /Subject: =\?UTF-8/);
    await readmeShot(page, 'smtp-settings.png', { fullPage: true });
    await page.screenshot({ path: 'test-results/smtp-settings.png', fullPage: true });
  });
});
