import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';

// The clerk's side: priority order and the anti-starvation rule, transfer keeping the original time, recalls and
// no-shows, serving and linking dossiers, opening/pausing/closing a counter, scoping between centers, the board.
const HT = '000.00.15.H57';

let t: TestApp;
let clock: ManualClock;
const cookies = new Map<string, string>();
let counter: (n: number) => string;

async function as(user: string | null, method: 'GET' | 'POST', url: string, payload?: object) {
  if (user && !cookies.has(user)) cookies.set(user, await t.login(user));
  const send = () => t.app.inject({ method, url, headers: user ? { cookie: cookies.get(user)! } : {}, ...(payload ? { payload } : {}) });
  let r = await send();
  if (user && r.statusCode === 401) {
    cookies.set(user, await t.login(user));
    r = await send();
  }
  return r;
}
const issue = async (field: string, priority?: string) => {
  const r = await as(null, 'POST', '/api/v1/queue/tickets', { center: HT, field, ...(priority ? { priority } : {}) });
  expect(r.statusCode).toBe(201);
  clock.advanceMinutes(1);
  return r.json() as { id: string; displayNumber: string };
};
const act = (user: string, n: number, action: string, body?: object) => as(user, 'POST', `/api/v1/queue/counters/${counter(n)}/${action}`, body);
const setDay = (iso: string) => clock.set(new Date(iso));

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2025-03-10T07:30:00+07:00') });
  clock = t.clock as ManualClock;
  const list = (await as(null, 'GET', `/api/v1/queue/counters?center=${HT}`)).json().items as { number: number; id: string }[];
  counter = (n) => list.find((c) => c.number === n)!.id;
});
afterAll(async () => t.close());

describe('calling order', () => {
  it('calls priority tickets first, but one regular ticket after every 3 priority calls', async () => {
    setDay('2025-03-17T07:30:00+07:00');
    const r1 = await issue('TP');
    const r2 = await issue('TP');
    const p = [];
    for (const cat of ['elderly', 'disability', 'pregnant', 'small_child', 'elderly', 'elderly']) p.push(await issue('TP', cat));
    const order: string[] = [];
    for (;;) {
      const r = await act('tn.tp', 2, 'call-next');
      if (r.statusCode === 204) break;
      expect(r.statusCode).toBe(200);
      order.push(r.json().ticket.displayNumber);
    }
    expect(order).toEqual([p[0], p[1], p[2], r1, p[3], p[4], p[5], r2].map((x) => x.displayNumber));
    const guard = await t.db.query(`SELECT count(*)::int AS n FROM queue_ticket_events WHERE action = 'call' AND (data->>'starvationGuard')::boolean`);
    expect(guard.rows[0].n).toBe(1); // r2 came after priority ran out (p5 was only the 3rd in a row): only r1 needed the guard
  });

  it('moves a transferred ticket to the new field ahead of that field’s later tickets', async () => {
    setDay('2025-03-18T07:30:00+07:00');
    const a = await issue('TP'); // 07:30
    const b = await issue('DD'); // 07:31
    const c = await issue('DD'); // 07:32
    expect((await act('tn.tp', 2, 'call-next')).json().ticket.id).toBe(a.id);
    const moved = await as('tn.tp', 'POST', `/api/v1/queue/tickets/${a.id}/transfer`, { field: 'DD' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().ticket).toMatchObject({ field: 'DD', status: 'waiting', counter: null, transferCount: 1, issuedAt: '2025-03-18T00:30:00.000Z', displayNumber: a.displayNumber });
    const follow = (await as(null, 'GET', `/api/v1/queue/tickets/${a.id}`)).json();
    expect(follow).toMatchObject({ ahead: 0, counters: [11] });
    const calls = [];
    for (let i = 0; i < 3; i++) calls.push((await act('tn.dd', 11, 'call-next')).json().ticket.id);
    expect(calls).toEqual([a.id, b.id, c.id]);
    expect((await act('tn.tp', 2, 'call-next')).statusCode).toBe(204); // the TP counter holds nothing now
  });

  it('refuses a transfer to the same field, to an unknown field, or by a clerk of another counter', async () => {
    const d = await issue('TP');
    await act('tn.tp', 2, 'call-next');
    expect((await as('tn.tp', 'POST', `/api/v1/queue/tickets/${d.id}/transfer`, { field: 'TP' })).json().detail).toBe(`Số ${d.displayNumber} đang ở hàng đợi của lĩnh vực này.`);
    expect((await as('tn.tp', 'POST', `/api/v1/queue/tickets/${d.id}/transfer`, { field: 'QQ' })).json().detail).toBe('Lĩnh vực "QQ" không tồn tại.');
    const other = await as('tn.dd', 'POST', `/api/v1/queue/tickets/${d.id}/transfer`, { field: 'DD' });
    expect(other.statusCode).toBe(409);
    expect(other.json().detail).toMatch(/^Quầy số 2 đang do cán bộ .+ phụ trách\.$/);
  });
});

describe('recalls and no-shows', () => {
  it('announces again up to 3 times; the next recall marks a no-show', async () => {
    setDay('2025-03-19T07:30:00+07:00');
    const x = await issue('TP');
    await act('tn.tp', 2, 'call-next');
    for (const n of [1, 2, 3]) {
      const r = await act('tn.tp', 2, 'recall');
      expect(r.json()).toMatchObject({ noShow: false, ticket: { id: x.id, status: 'called', recallCount: n } });
    }
    const last = await act('tn.tp', 2, 'recall');
    expect(last.json()).toMatchObject({ noShow: true, ticket: { id: x.id, status: 'no_show' } });
    const again = await act('tn.tp', 2, 'recall');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Quầy chưa gọi số nào.');
  });

  it('skips a called ticket; call-next after 3 recalls closes the ticket as a no-show', async () => {
    const y = await issue('TP');
    const z = await issue('TP');
    await act('tn.tp', 2, 'call-next');
    expect((await act('tn.tp', 2, 'skip')).json().ticket).toMatchObject({ id: y.id, status: 'no_show' });
    await act('tn.tp', 2, 'call-next');
    for (let i = 0; i < 3; i++) await act('tn.tp', 2, 'recall');
    const next = await act('tn.tp', 2, 'call-next');
    expect(next.statusCode).toBe(204);
    expect((await as(null, 'GET', `/api/v1/queue/tickets/${z.id}`)).json().status).toBe('no_show');
  });
});

describe('serving', () => {
  it('starts, finishes and links the dossiers received to the ticket', async () => {
    setDay('2025-03-20T07:30:00+07:00');
    const center = (await t.db.query('SELECT id FROM centers WHERE code = $1', [HT])).rows[0].id;
    const proc = (await t.db.query(`SELECT code FROM procedures WHERE field_code = 'TP' ORDER BY code LIMIT 1`)).rows[0].code;
    const app = (await t.db.query(`INSERT INTO applicants (center_id, kind, full_name) VALUES ($1, 'person', 'Nguyễn Văn An') RETURNING id`, [center])).rows[0].id;
    const code = `${HT}-250320-0001`;
    const insert = (c: string, n: number, late: boolean) => t.db.query(`INSERT INTO dossiers (code, daily_number, center_id, procedure_code, field_code, applicant_id, applicant, channel, status,
        time_limit, workflow, registered_at, received_at, settled_at, due_at, late_by_supplement, outcome)
      VALUES ($1, $2, $3, $4, 'TP', $5, '{}', 'direct', 'resolved', '{}', '[]', now(), '2025-03-17T01:00:00Z', '2025-03-20T01:00:00Z', '2025-03-21T10:00:00Z', $6, $7)`,
    [c, n, center, proc, app, late, late ? 'late' : 'on_time']);
    await insert(code, 1, false);
    // Resolved before its due date, but late by a second supplement request: the board counts it late, as the reports do.
    await insert(`${HT}-250317-0002`, 2, true);
    const w = await issue('TP');
    await act('tn.tp', 2, 'call-next');
    expect((await act('tn.tp', 2, 'start')).json().ticket).toMatchObject({ id: w.id, status: 'serving', startedAt: expect.any(String) });
    expect((await act('tn.tp', 2, 'start')).json().detail).toBe(`Số ${w.displayNumber} đã bắt đầu phục vụ.`);
    const bad = await act('tn.tp', 2, 'finish', { dossierCodes: ['000.00.11.H57-250320-0009'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe('Không tìm thấy hồ sơ của Trung tâm: 000.00.11.H57-250320-0009.');
    const done = await act('tn.tp', 2, 'finish', { dossierCodes: [code] });
    expect(done.json()).toMatchObject({ ticket: { id: w.id, status: 'done' }, dossierCodes: [code] });

    const board = (await as(null, 'GET', `/api/v1/queue/board?center=${HT}`)).json();
    expect([...board.readyForCollection].sort()).toEqual([`${HT}-250317-0002`, code]);
    expect(board.today).toMatchObject({ ticketsIssued: 1, ticketsServed: 1, dossiersSettled: 2, dossiersSettledOnTime: 1, onTimeRate: 0.5 });
    expect(board.latestCall).toMatchObject({ counterNumber: 2, displayNumber: w.displayNumber });
    expect(board.waiting.find((x: { code: string }) => x.code === 'TP')).toEqual({ code: 'TP', name: expect.stringContaining('Tư pháp'), count: 0 });
  });
});

describe('counters', () => {
  it('opens, pauses and closes a counter; a paused counter calls nobody, a closed field takes no ticket', async () => {
    setDay('2025-03-21T07:30:00+07:00');
    // tn.ca sits at the second Police counter (13); the first one (12) is then unstaffed.
    const opened = await act('tn.ca', 13, 'open');
    expect(opened.json()).toMatchObject({ number: 13, status: 'open', staff: { fullName: expect.any(String) } });
    const audited = await t.db.query(`SELECT data FROM audit_log WHERE action = 'queue.counter.open' AND entity_id = $1`, [counter(13)]);
    expect(audited.rows).toEqual([{ data: { number: 13, left: [] } }]);
    const list = (await as(null, 'GET', `/api/v1/queue/counters?center=${HT}`)).json().items;
    expect(list.find((c: { number: number }) => c.number === 12)).toMatchObject({ status: 'closed', staff: null });
    expect((await act('tn.ca', 13, 'pause')).json().status).toBe('paused');
    await issue('CA'); // a paused counter still counts for the kiosk
    const paused = await act('tn.ca', 13, 'call-next');
    expect(paused.statusCode).toBe(409);
    expect(paused.json().detail).toBe('Quầy số 13 đang tạm dừng. Hãy mở lại quầy trước.');
    expect((await act('tn.ca', 13, 'open')).json().status).toBe('open');
    await act('tn.ca', 13, 'call-next');
    const busy = await act('tn.ca', 13, 'close');
    expect(busy.json().detail).toMatch(/^Hãy kết thúc hoặc chuyển số \d+ trước khi đóng quầy\.$/);
    expect((await act('tn.ca', 13, 'finish')).json().ticket.status).toBe('done');
    expect((await act('tn.ca', 13, 'close')).json()).toMatchObject({ status: 'closed', staff: null });
    const none = await as(null, 'POST', '/api/v1/queue/tickets', { center: HT, field: 'CA' });
    expect(none.statusCode).toBe(409);
    expect(none.json().detail).toBe('Lĩnh vực này hiện không có quầy phục vụ.');
    expect((await act('tn.ca', 13, 'call-next')).json().detail).toBe('Quầy số 13 đang đóng. Hãy mở quầy trước.');
  });

  it('keeps every center to its own counters and clerks', async () => {
    const hue = await act('tn.tp.hue', 2, 'call-next');
    expect(hue.statusCode).toBe(403);
    expect(hue.json().detail).toBe('Bạn chỉ được thao tác tại quầy của Trung tâm mình.');
    expect((await act('giamdoc', 2, 'call-next')).statusCode).toBe(403); // no queue.serve
    expect((await as(null, 'POST', `/api/v1/queue/counters/${counter(2)}/call-next`)).statusCode).toBe(401);
    expect((await act('tn.tp', 2, 'call-next')).statusCode).toBeLessThan(300); // tn.tp is at counter 2 today
    const taken = await act('tn.dd', 2, 'open');
    expect(taken.statusCode).toBe(409);
    expect(taken.json().detail).toMatch(/^Quầy số 2 đang do cán bộ .+ phụ trách\. Cán bộ đó cần đóng quầy trước\.$/);
  });
});

describe('statistics', () => {
  it('reports tickets, no-shows, waits and service times per field, scoped to the caller’s center', async () => {
    const director = 'giamdoc';
    const r = await as(director, 'GET', '/api/v1/queue/stats?from=2025-03-19&to=2025-03-20&groupBy=field');
    expect(r.statusCode).toBe(200);
    const tp = r.json().items.find((i: { key: string }) => i.key === 'TP');
    expect(tp).toMatchObject({ tickets: 4, served: 1, noShows: 3 });
    expect(r.json().total).toMatchObject({ key: 'total', tickets: 4 });
    const byDay = (await as(director, 'GET', '/api/v1/queue/stats?from=2025-03-17&to=2025-03-20&groupBy=day')).json();
    expect(byDay.items.map((i: { key: string }) => i.key)).toEqual(['2025-03-17', '2025-03-18', '2025-03-19', '2025-03-20']);
    expect(byDay.items[0]).toMatchObject({ tickets: 8, served: 8, avgWaitMinutes: expect.any(Number), p90WaitMinutes: expect.any(Number) });
    const xlsx = await as(director, 'GET', '/api/v1/queue/stats.xlsx?from=2025-03-17&to=2025-03-20&groupBy=counter');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await as('giamdoc.hue', 'GET', `/api/v1/queue/stats?center=${HT}`)).statusCode).toBe(403);
    expect((await as('tn.tp', 'GET', '/api/v1/queue/stats')).statusCode).toBe(403);
    expect((await as(director, 'GET', '/api/v1/queue/stats?from=2025-03-20&to=2025-03-01')).json().detail).toBe('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  });
});
