import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, workingMorningClock, type TestApp } from '../support/app';

// Three counters serving the Police field press "call next" at the same time, many times over: every ticket is
// called exactly once, by one counter (FOR UPDATE SKIP LOCKED on the ticket, the counter row locked per action).
const HT = '000.00.15.H57';
let t: TestApp;
const cookies: Record<string, string> = {};
let ids: Record<number, string>;

beforeAll(async () => {
  t = await createTestApp({ clock: workingMorningClock() });
  for (const u of ['admin', 'tn.ca', 'tn.bh', 'tn.th']) cookies[u] = await t.login(u);
  const list = (await t.app.inject({ url: `/api/v1/queue/counters?center=${HT}` })).json().items as { number: number; id: string }[];
  ids = Object.fromEntries(list.map((c) => [c.number, c.id]));
  // Counter 14 (tax) also serves the Police; the social-insurance clerk sits at the second Police counter (13).
  const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/counters/${ids[14]}`, headers: { cookie: cookies.admin }, payload: { fieldCodes: ['TH', 'CA'] } });
  expect(patch.statusCode).toBe(200);
  expect((await t.app.inject({ method: 'POST', url: `/api/v1/queue/counters/${ids[13]}/open`, headers: { cookie: cookies['tn.bh'] } })).statusCode).toBe(200);
});
afterAll(async () => t.close());

const callNext = (user: string, n: number) => t.app.inject({ method: 'POST', url: `/api/v1/queue/counters/${ids[n]}/call-next`, headers: { cookie: cookies[user] } });

describe('two counters calling at once', () => {
  it('never give the same ticket to two counters, and call every ticket exactly once', async () => {
    const N = 30;
    const issued = await Promise.all(Array.from({ length: N }, () => t.app.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload: { center: HT, field: 'CA' } })));
    expect(issued.map((r) => r.statusCode)).toEqual(Array(N).fill(201));
    expect(issued.map((r) => r.json().number).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => 12001 + i));
    expect(issued[0].json().counters).toEqual([12, 13, 14]);

    const clerks: [string, number][] = [['tn.ca', 12], ['tn.bh', 13], ['tn.th', 14]];
    const called: { ticket: string; counter: number }[] = [];
    let rounds = 0;
    for (;;) {
      rounds++;
      // 21 simultaneous presses: 7 per counter.
      const rs = await Promise.all(Array.from({ length: 21 }, (_, i) => callNext(...clerks[i % 3])));
      for (const r of rs) expect([200, 204]).toContain(r.statusCode);
      const ok = rs.filter((r) => r.statusCode === 200).map((r) => r.json().ticket as { id: string; counter: { number: number } });
      called.push(...ok.map((x) => ({ ticket: x.id, counter: x.counter.number })));
      if (ok.length === 0) break;
    }
    expect(rounds).toBeGreaterThan(1);
    const calledIds = called.map((c) => c.ticket);
    expect(new Set(calledIds).size).toBe(calledIds.length);
    expect(new Set(calledIds)).toEqual(new Set(issued.map((r) => r.json().id)));
    // Every counter took part.
    expect(new Set(called.map((c) => c.counter))).toEqual(new Set([12, 13, 14]));

    const events = await t.db.query(`SELECT ticket_id, count(*)::int AS n FROM queue_ticket_events WHERE action = 'call' GROUP BY ticket_id`);
    expect(events.rows).toHaveLength(N);
    expect(events.rows.every((r) => r.n === 1)).toBe(true);
    // The last presses closed the tickets still held: all of them are done, none is held twice.
    const status = await t.db.query(`SELECT status, count(*)::int AS n FROM queue_tickets GROUP BY status`);
    expect(status.rows).toEqual([{ status: 'done', n: N }]);
  });

  it('serializes presses on one counter: each takes the next ticket and closes the previous one', async () => {
    const issued = [];
    for (let i = 0; i < 5; i++) issued.push((await t.app.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload: { center: HT, field: 'CA' } })).json().id);
    const rs = await Promise.all(Array.from({ length: 5 }, () => callNext('tn.ca', 12)));
    const got = rs.map((r) => r.json().ticket.id);
    expect(new Set(got)).toEqual(new Set(issued));
    expect(rs.filter((r) => r.json().closed === null)).toHaveLength(1);
    const held = await t.db.query(`SELECT count(*)::int AS n FROM queue_tickets WHERE counter_id = $1 AND status IN ('called', 'serving')`, [ids[12]]);
    expect(held.rows[0].n).toBe(1);
  });
});
