import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels, OutboxWorker } from '../../src/modules/notifications';
import { createTestApp, workingMorningClock, type TestApp } from '../support/app';
import { applicant, mustAct, register, waiveFeesForSlip } from '../support/dossiers';
import { pdfQrCodes, pdfText } from '../support/fee-fixtures';
import { startSmtp, type TestSmtp } from '../support/smtp';

// MOTCUA_PUBLIC_URL: the address citizens reach. Links a citizen takes away (the QR code on a slip, the queue
// ticket, the e-mails) point there, not at whatever address a counter PC or a kiosk used.
const PUBLIC = 'https://motcua.huongthuy.gov.vn';
let t: TestApp;
let plain: TestApp;
let clerk: string;
let smtp: TestSmtp;
beforeAll(async () => {
  [t, plain] = await Promise.all([createTestApp({ config: { publicUrl: PUBLIC }, clock: workingMorningClock() }), createTestApp({ clock: workingMorningClock() })]);
  clerk = await t.login('tn.tp');
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  await Promise.all([t.close(), plain.close()]);
});

describe('public address', () => {
  it('queue tickets carry an absolute follow link with it, a relative one without it', async () => {
    const issue = (app: TestApp) => app.app.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload: { center: '000.00.15.H57', field: 'TP' } });
    const a = (await issue(t)).json();
    expect(a.followUrl).toBe(`${PUBLIC}/queue/follow/${a.id}`);
    const b = (await issue(plain)).json();
    expect(b.followUrl).toBe(`/queue/follow/${b.id}`);
  });

  it("the receipt slip's QR code and text point to the public status page", async () => {
    const d = await register(t, clerk, { applicant: applicant(501) });
    await mustAct(t, clerk, d.code, 'receive', {});
    await waiveFeesForSlip(t, d.code);
    const r = await t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(d.code)}/forms/receipt.pdf`, headers: { cookie: clerk, host: 'pc-quay-3.local:3000' } });
    expect(r.statusCode).toBe(200);
    const url = `${PUBLIC}/tra-cuu/${encodeURIComponent(d.code)}`;
    // The QR code opens the status at once (the dossier's token); the printed address asks for 4 digits.
    const token = (await t.db.query('SELECT public_token FROM dossiers WHERE code = $1', [d.code])).rows[0].public_token;
    expect(pdfQrCodes(r.rawPayload)).toContain(`${url}?t=${token}`);
    expect(pdfText(r.rawPayload, 'raw').replace(/\s+/g, '')).toContain(`${url}(nhập4sốcuốisốđiệnthoạihoặcCCCD)`);
    expect(pdfText(r.rawPayload, 'raw')).not.toContain(token);
    expect(pdfText(r.rawPayload, 'raw')).not.toContain('pc-quay-3');
  });

  it('e-mails to the applicant link to the public status page', async () => {
    const d = await register(t, clerk, { applicant: { ...applicant(502), email: 'nguoinop.public@example.vn' } });
    await mustAct(t, clerk, d.code, 'receive', {});
    const worker = new OutboxWorker({ db: t.db, channels: createChannels({ smtpUrl: smtp.url, mailFrom: 'thongbao@huongthuy.gov.vn', publicUrl: PUBLIC }) });
    await worker.runOnce();
    await smtp.waitFor(1);
    const mail = smtp.mails.find((m) => m.subject?.includes(d.code))!;
    expect(mail.text).toContain(`Tra cứu tình trạng hồ sơ: ${PUBLIC}/tra-cuu/${encodeURIComponent(d.code)}`);
    expect(mail.html).toContain(`${PUBLIC}/tra-cuu/`);
  });

  it('refuses a malformed address at start', async () => {
    const { loadConfig } = await import('../../src/config');
    expect(() => loadConfig({ MOTCUA_PUBLIC_URL: 'motcua.huongthuy.gov.vn' })).toThrow(/MOTCUA_PUBLIC_URL/);
    expect(loadConfig({ MOTCUA_PUBLIC_URL: 'https://motcua.huongthuy.gov.vn/' }).publicUrl).toBe(PUBLIC);
  });
});
