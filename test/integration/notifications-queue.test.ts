// Promise only what exists (issue 13): without an SMS provider the kiosk asks for no phone and the cashier sells no
// SMS service, and the API refuses both; with one they do. And the kiosk's phone number hears "sắp đến lượt" when
// its ticket has exactly 3 people left in front of it, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/platform/clock';
import { createChannels, OutboxWorker } from '../../src/modules/notifications';
import { createTestApp, type TestApp } from '../support/app';
import { api, createDossier, feesUrl } from '../support/fee-fixtures';
import { changeSettings } from '../support/notify';
import { startSmsWebhook, type WebhookSink } from '../support/sms-gateways';

const HT = '000.00.15.H57';
let plain: TestApp;
let t: TestApp;
let sms: WebhookSink;

beforeAll(async () => {
  sms = await startSmsWebhook();
  [plain, t] = await Promise.all([
    createTestApp({ now: new Date('2025-03-17T07:30:00+07:00') }),
    createTestApp({ now: new Date('2025-03-17T07:30:00+07:00'), config: { sms: { provider: 'webhook', url: sms.url } } }),
  ]);
});
afterAll(async () => {
  await Promise.all([plain.close(), t.close()]);
  await sms.close();
});

const kiosk = async (app: TestApp) => (await app.app.inject({ url: `/api/v1/queue/kiosk?center=${HT}` })).json();
const issue = async (app: TestApp, phone?: string) => {
  const r = await app.app.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload: { center: HT, field: 'TP', ...(phone ? { phone } : {}) } });
  (app.clock as ManualClock).advanceMinutes(1);
  return r;
};

describe('without an SMS provider nothing offers SMS', () => {
  it('the kiosk asks for no phone and refuses one', async () => {
    expect((await kiosk(plain)).notifyByPhone).toBe(false);
    const r = await issue(plain, '0905123456');
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'QUEUE_PHONE_NOT_OFFERED', detail: 'Trung tâm chưa nhắn tin báo lượt qua số điện thoại; hãy lấy số không kèm số điện thoại.' });
    expect((await issue(plain)).statusCode).toBe(201);
  });

  it('the cashier sells no SMS service and the API refuses it', async () => {
    const clerk = await plain.login('tn.tp');
    const types = (await api(plain, clerk, 'GET', '/api/v1/fees/service-types')).json().items.map((s: { code: string }) => s.code);
    expect(types).toContain('postal_result');
    expect(types).not.toContain('sms');
    const d = await createDossier(plain, { procedure: '2.000884' });
    const r = await api(plain, clerk, 'POST', feesUrl(d.code, '/services'), { services: [{ kind: 'sms', phone: '0905123456' }] });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('FEE_SERVICE_UNAVAILABLE');
  });
});

describe('with an SMS provider', () => {
  it('the kiosk asks for a mobile number, the cashier offers SMS; switching the messages off takes the offers away', async () => {
    expect((await kiosk(t)).notifyByPhone).toBe(true);
    const landline = await issue(t, '0234381222');
    expect(landline.statusCode).toBe(400);
    expect(landline.json().code).toBe('QUEUE_PHONE_NOT_MOBILE');
    const clerk = await t.login('tn.tp');
    expect((await api(t, clerk, 'GET', '/api/v1/fees/service-types')).json().items.map((s: { code: string }) => s.code)).toContain('sms');

    const director = await t.login('giamdoc');
    await changeSettings(t, director, (s) => s.events.forEach((e) => (e.sms = false)));
    expect((await kiosk(t)).notifyByPhone).toBe(false);
    expect((await api(t, clerk, 'GET', '/api/v1/fees/service-types')).json().items.map((s: { code: string }) => s.code)).not.toContain('sms');
    await changeSettings(t, director, (s) => s.events.forEach((e) => (e.sms = ['received', 'supplement_requested', 'result_ready', 'queue_near'].includes(e.event))));
    expect((await kiosk(t)).notifyByPhone).toBe(true);
  });

  it('"sắp đến lượt" at exactly 3 places from the front, once per ticket', async () => {
    (t.clock as ManualClock).set(new Date('2025-03-18T07:30:00+07:00'));
    const worker = new OutboxWorker({ db: t.db, channels: createChannels(t.app.deps.config) });
    const tickets = [];
    for (const phone of [undefined, '0905000001', undefined, undefined, '0905000005', '0905000006']) tickets.push((await issue(t, phone)).json());
    expect(tickets.map((x) => x.ahead)).toEqual([0, 1, 2, 3, 4, 5]);
    const near = () => sms.received.filter((m) => m.text.includes('sap den luot'));
    const clerk = await t.login('tn.tp');
    const counter = (await t.app.inject({ url: `/api/v1/queue/counters?center=${HT}` })).json().items.find((c: { number: number }) => c.number === 2).id;
    const call = async () => {
      const r = await api(t, clerk, 'POST', `/api/v1/queue/counters/${counter}/call-next`);
      expect(r.statusCode).toBe(200);
      await worker.runOnce();
      return r.json().ticket.displayNumber as string;
    };
    // Issued with 1 person ahead: the ticket says so; no message. 4 and 5 ahead: nothing yet.
    await worker.runOnce();
    expect(near()).toEqual([]);
    // First call: the 5th ticket now has 3 in front.
    expect(await call()).toBe(tickets[0].displayNumber);
    expect(near().map((m) => [m.to, m.text])).toEqual([
      ['+84905000005', `TTHCC thi xa Huong Thuy: so ${tickets[4].displayNumber} sap den luot (con 3 nguoi phia truoc). Moi Ong/Ba den khu vuc cho quay 2.`],
    ]);
    // Second call: the 6th has 3 in front; the 5th (2 in front) is not told again.
    await call();
    expect(near().map((m) => m.to)).toEqual(['+84905000005', '+84905000006']);
    await call();
    await call();
    expect(near()).toHaveLength(2);
    const rows = await t.db.query(`SELECT m.event, m.recipient, m.status, t.display_number FROM notification_messages m JOIN queue_tickets t ON t.id = m.ticket_id ORDER BY m.id`);
    expect(rows.rows.map((r) => [r.event, r.recipient, r.status, r.display_number])).toEqual([
      ['queue_near', '84905000005', 'sent', tickets[4].displayNumber],
      ['queue_near', '84905000006', 'sent', tickets[5].displayNumber],
    ]);
  });
});
