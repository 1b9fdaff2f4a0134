import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { applicant } from '../support/dossiers';
import { flatText } from '../support/forms/pdf';

// One number from the support desk to the counter (issue 13, item 2): a registration at the support desk issues a
// ticket in the field's queue, printed on the dossier slip; the reception counter calls that number and finds the
// dossier; a kiosk ticket that becomes a dossier is linked to it. Both histories record the link.
const HT = '000.00.15.H57';
const clock = new ManualClock(new Date('2026-03-10T08:00:00+07:00')); // Tuesday, public hours
let t: TestApp;
const cookies = new Map<string, string>();
let tpCounter: string;

async function as(user: string | null, method: 'GET' | 'POST', url: string, payload?: object) {
  if (user && !cookies.has(user)) cookies.set(user, await t.login(user));
  return t.app.inject({ method, url, headers: user ? { cookie: cookies.get(user)! } : {}, ...(payload ? { payload } : {}) });
}
const registerAs = async (user: string, body: Record<string, unknown> = {}) => {
  const r = await as(user, 'POST', '/api/v1/dossiers', { procedure: '2.000748', applicant: applicant(300 + cookies.size), channel: 'direct', ...body });
  expect(r.statusCode, r.body).toBe(201);
  clock.advanceMinutes(1);
  return r.json();
};
const slipText = async (code: string, user = 'giamsat') => {
  const r = await as(user, 'GET', `/api/v1/dossiers/${encodeURIComponent(code)}/forms/slip.pdf`);
  expect(r.statusCode).toBe(200);
  return flatText(r.rawPayload);
};
const history = async (ticketId: string, user = 'tn.tp') => {
  const r = await as(user, 'GET', `/api/v1/queue/tickets/${ticketId}/history`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  const list = (await as(null, 'GET', `/api/v1/queue/counters?center=${HT}`)).json().items as { id: string; fields: string[]; number: number }[];
  tpCounter = list.find((c) => c.fields.includes('TP'))!.id;
});
afterAll(async () => t.close());

describe('support desk → counter', () => {
  let code: string;
  let ticket: { id: string; number: number; displayNumber: string };

  it('the support desk registration answers with a ticket of the field’s queue', async () => {
    const d = await registerAs('giamsat');
    code = d.code;
    ticket = d.ticket;
    expect(d.status).toBe('submitted');
    expect(d.dailyNumber).toBe(1);
    // Tư pháp is field 2 of the founding document: its queue numbers 2001, 2002, …
    expect(d.ticket).toMatchObject({ number: 2001, displayNumber: '2001', field: 'TP', kind: 'issued', status: 'waiting', counters: [2], ahead: 0 });
    expect(d.ticket.followUrl).toBe(`/queue/follow/${d.ticket.id}`);
    // The dossier's history names the number.
    expect(d.events.map((e: { action: string }) => e.action)).toEqual(['register', 'queue-ticket']);
    expect(d.events[1]).toMatchObject({ fromStatus: 'submitted', toStatus: 'submitted', data: { ticketId: d.ticket.id, number: '2001', queue: 'TP', source: 'support_desk' } });
    const fresh = (await as('giamsat', 'GET', `/api/v1/dossiers/${encodeURIComponent(code)}`)).json();
    expect(fresh.events.map((e: { action: string }) => e.action)).toEqual(['register', 'queue-ticket']);
  });

  it('the dossier slip prints the ticket number to wait for, and the daily number only as the dossier’s own', async () => {
    const text = await slipText(code);
    expect(text).toContain('SỐ THỨ TỰ CHỜ GỌI 2001');
    expect(text).toContain('Số thứ tự trong ngày của hồ sơ: 0001');
    expect(text).toContain('vui lòng giữ phiếu này và chờ gọi số 2001 tại quầy số 2 (lĩnh vực');
    expect(text).not.toContain('chờ gọi số 0001');
  });

  it('a kiosk ticket of the same field takes the next number (one queue, gap-free)', async () => {
    const k = await as(null, 'POST', '/api/v1/queue/tickets', { center: HT, field: 'TP' });
    expect(k.statusCode).toBe(201);
    expect(k.json()).toMatchObject({ displayNumber: '2002', ahead: 1 });
    clock.advanceMinutes(1);
  });

  it('the counter calls the number and finds the dossier in the ticket’s record', async () => {
    const call = await as('tn.tp', 'POST', `/api/v1/queue/counters/${tpCounter}/call-next`);
    expect(call.statusCode).toBe(200);
    expect(call.json().ticket).toMatchObject({ id: ticket.id, displayNumber: '2001', status: 'called' });
    const h = await history(ticket.id);
    expect(h.dossiers).toEqual([{ code, status: 'submitted', procedureName: expect.stringContaining('hộ tịch'), applicantName: 'Nguyễn Văn An' }]);
    expect(h.events.map((e: { action: string }) => e.action)).toEqual(['issue', 'call']);
    expect(h.events[0].data).toMatchObject({ dossier: code, source: 'support_desk' });
    // The clerk receives it; the slip no longer tells anyone to wait once the ticket is served.
    await as('tn.tp', 'POST', `/api/v1/queue/counters/${tpCounter}/start`);
    const rec = await as('tn.tp', 'POST', `/api/v1/dossiers/${encodeURIComponent(code)}/receive`, {});
    expect(rec.statusCode, rec.body).toBe(200);
    const fin = await as('tn.tp', 'POST', `/api/v1/queue/counters/${tpCounter}/finish`, { dossierCodes: [code] });
    expect(fin.json().dossierCodes).toEqual([code]);
    expect(await slipText(code)).toContain('SỐ THỨ TỰ TRONG NGÀY');
  });

  it('staff of another center cannot read the ticket’s record', async () => {
    expect((await as('tn.tp.hue', 'GET', `/api/v1/queue/tickets/${ticket.id}/history`)).statusCode).toBe(403);
    expect((await as(null, 'GET', `/api/v1/queue/tickets/${ticket.id}/history`)).statusCode).toBe(401);
  });
});

describe('a kiosk ticket that becomes a dossier', () => {
  it('is linked to the dossier the clerk serving it registers: both histories say so', async () => {
    const k = (await as(null, 'POST', '/api/v1/queue/tickets', { center: HT, field: 'TP' })).json();
    clock.advanceMinutes(1);
    // 2002 waits first (issued earlier): call it and finish it without a dossier, then this one.
    await as('tn.tp', 'POST', `/api/v1/queue/counters/${tpCounter}/call-next`);
    const call = await as('tn.tp', 'POST', `/api/v1/queue/counters/${tpCounter}/call-next`);
    expect(call.json().ticket.id).toBe(k.id);
    const d = await registerAs('tn.tp', { receive: true });
    expect(d.status).toBe('received');
    expect(d.ticket).toMatchObject({ id: k.id, displayNumber: k.displayNumber, kind: 'serving', status: 'called' });
    expect(d.events.map((e: { action: string }) => e.action)).toEqual(['register', 'receive', 'queue-ticket']);
    expect(d.events[2].data).toMatchObject({ ticketId: k.id, number: k.displayNumber, source: 'counter' });
    const h = await history(k.id);
    expect(h.dossiers.map((x: { code: string }) => x.code)).toEqual([d.code]);
    expect(h.events.map((e: { action: string }) => e.action)).toEqual(['issue', 'call', 'link_dossier']);
    expect(h.events[2]).toMatchObject({ counter: 2, data: { dossier: d.code } });
    // Finishing keeps the link (and adds none twice).
    const fin = await as('tn.tp', 'POST', `/api/v1/queue/counters/${tpCounter}/finish`, { dossierCodes: [d.code] });
    expect(fin.json().dossierCodes).toEqual([d.code]);
    // The slip of a dossier received at the counter tells nobody to wait for a number.
    const text = await slipText(d.code, 'tn.tp');
    expect(text).toContain('SỐ THỨ TỰ TRONG NGÀY');
    expect(text).not.toMatch(/chờ gọi số/);
  });
});

describe('no ticket when nobody waits to be called', () => {
  it.each([
    ['a clerk serving no ticket', 'tn.tp', {}],
    ['a dossier sent by post', 'giamsat', { channel: 'post' }],
    ['an online dossier', 'giamsat', { channel: 'online' }],
  ])('%s', async (_label, user, body) => {
    const d = await registerAs(user, body);
    expect(d.ticket).toBeNull();
    expect(d.events.map((e: { action: string }) => e.action)).toEqual(['register']);
  });

  it('a field no active counter serves: registered, without a ticket, the slip sends the applicant to the field’s counter', async () => {
    const admin = await t.login('admin');
    const list = (await as(null, 'GET', `/api/v1/queue/counters?center=${HT}`)).json().items as { id: string; fields: string[] }[];
    const dd = list.filter((c) => c.fields.includes('DD'));
    for (const c of dd) expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/counters/${c.id}`, headers: { cookie: admin }, payload: { active: false } })).statusCode).toBe(200);
    const r = await as('giamsat', 'POST', '/api/v1/dossiers', { procedure: '1.012783', applicant: applicant(399), channel: 'direct' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().ticket).toBeNull();
    const text = await slipText(r.json().code);
    expect(text).toContain('mang hồ sơ đến quầy tiếp nhận lĩnh vực');
    expect(text).not.toMatch(/chờ gọi số/);
  });
});
