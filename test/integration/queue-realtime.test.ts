import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../../src/platform/db';
import { notify, RealtimeHub } from '../../src/platform/realtime';
import { createSecondApp, createTestApp, workingMorningClock, type TestApp } from '../support/app';

// Realtime: the LISTEN/NOTIFY hub (delivery on commit only, reconnection), the board's SSE stream on a real
// listening server, and two app instances on one database seeing each other's calls.
const HT = '000.00.15.H57';
let t: TestApp;
let clerk: string;
let counter2: string;

type Ev = { event: string; data: Record<string, unknown> };
async function openStream(app: FastifyInstance, center = HT) {
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const ac = new AbortController();
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/queue/board/stream?center=${center}`, { signal: ac.signal });
  const events: Ev[] = [];
  let ended = false;
  void (async () => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const lines = buf.slice(0, i).split('\n');
          buf = buf.slice(i + 2);
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      /* aborted */
    }
    ended = true;
  })();
  const waitFor = async (pred: (e: Ev) => boolean, ms = 5000): Promise<Ev> => {
    const until = Date.now() + ms;
    for (;;) {
      const hit = events.find(pred);
      if (hit) return hit;
      if (Date.now() > until) throw new Error(`no matching event in ${ms} ms; got ${events.map((e) => e.event).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { res, events, waitFor, isEnded: () => ended, close: () => ac.abort() };
}

const until = async (cond: () => boolean | Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

beforeAll(async () => {
  t = await createTestApp({ clock: workingMorningClock() });
  clerk = await t.login('tn.tp');
  const list = (await t.app.inject({ url: `/api/v1/queue/counters?center=${HT}` })).json().items as { number: number; id: string }[];
  counter2 = list.find((c) => c.number === 2)!.id;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

const issue = (field = 'TP') => t.app.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload: { center: HT, field } });
const callNext = (app: FastifyInstance) => app.inject({ method: 'POST', url: `/api/v1/queue/counters/${counter2}/call-next`, headers: { cookie: clerk } });

describe('realtime hub', () => {
  it('delivers on commit, never a rolled-back notification, and stops after unsubscribing', async () => {
    const hub = new RealtimeHub({ connection: t.db.options });
    const got: unknown[] = [];
    const off = await hub.subscribe('test_channel', (p) => got.push(p));
    await expect(withTx(t.db, async (tx) => {
      await notify(tx, 'test_channel', { n: 'rolled-back' });
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    await withTx(t.db, async (tx) => {
      await notify(tx, 'test_channel', { n: 1 });
      await new Promise((r) => setTimeout(r, 100));
      expect(got).toEqual([]); // not before the commit
    });
    await until(() => got.length === 1);
    await notify(t.db, 'test_channel', { n: 2 }); // NOTIFY is delivered in order: once 2 is here, nothing else is coming
    await until(() => got.length === 2);
    expect(got).toEqual([{ n: 1 }, { n: 2 }]);
    off();
    await notify(t.db, 'test_channel', { n: 3 });
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toHaveLength(2);
    expect(hub.subscriberCount('test_channel')).toBe(0);
    await expect(notify(t.db, 'test_channel', { big: 'x'.repeat(8000) })).rejects.toThrow('too large');
    await hub.close();
  });

  it('reconnects when its connection is killed, asks subscribers to resync, and delivers again', async () => {
    const hub = new RealtimeHub({ connection: t.db.options, retryMs: 50 });
    const got: unknown[] = [];
    let resyncs = 0;
    await hub.subscribe('test_reconnect', (p) => got.push(p), () => resyncs++);
    const killed = await t.db.query(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN test_reconnect'`);
    expect(killed.rows).toEqual([{ ok: true }]);
    await until(() => resyncs === 1);
    expect(hub.connections).toBe(2);
    await notify(t.db, 'test_reconnect', { after: true });
    await until(() => got.length === 1);
    expect(got).toEqual([{ after: true }]);
    await hub.close();
  });

  it('keeps retrying, without failing its subscribers, while the database is unreachable', async () => {
    const hub = new RealtimeHub({ connection: { host: '127.0.0.1', port: 1, user: 'x', database: 'x' }, retryMs: 20 });
    const off = await hub.subscribe('test_down', () => undefined);
    expect(hub.connected).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect(hub.connections).toBe(0);
    off();
    await hub.close();
  });
});

describe('board stream', () => {
  it('sends a snapshot, then ticket and call events, and frees the subscription when the client leaves', async () => {
    const s = await openStream(t.app);
    expect(s.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const snap = await s.waitFor((e) => e.event === 'snapshot');
    expect(snap.data).toMatchObject({ center: { code: HT }, counters: expect.any(Array) });
    const ticket = (await issue()).json();
    const issuedEv = await s.waitFor((e) => e.event === 'ticket' && e.data.ticketId === ticket.id);
    expect(issuedEv.data).toMatchObject({ action: 'issue', queue: 'TP', waiting: 1, status: 'waiting' });
    const sent = Date.now();
    expect((await callNext(t.app)).statusCode).toBe(200);
    const call = await s.waitFor((e) => e.event === 'call' && e.data.ticketId === ticket.id);
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(call.data).toMatchObject({ counterNumber: 2, number: ticket.number, displayNumber: ticket.displayNumber, fieldCode: 'TP', recall: false, text: `Mời số ${ticket.displayNumber} đến quầy số 2` });
    expect(call.data.centerId).toBeUndefined();
    expect(t.app.realtime.subscriberCount('motcua_queue')).toBe(1);
    s.close();
    await until(() => t.app.realtime.subscriberCount('motcua_queue') === 0);
  });

  it('sends only its own center’s events', async () => {
    const s = await openStream(t.app, '000.00.11.H57');
    await s.waitFor((e) => e.event === 'snapshot');
    await issue();
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload: { center: '000.00.11.H57', field: 'TP' } });
    await s.waitFor((e) => e.event === 'ticket' && e.data.ticketId === r.json().id);
    expect(s.events.filter((e) => e.event === 'ticket')).toHaveLength(1);
    s.close();
  });

  it('answers an unknown center with a 404 problem, not a stream', async () => {
    const r = await t.app.inject({ url: '/api/v1/queue/board/stream?center=khong-co' });
    expect(r.statusCode).toBe(404);
    expect(r.json().detail).toBe('Không tìm thấy Trung tâm "khong-co".');
  });
});

describe('two app instances on one database', () => {
  it('a call on instance A reaches a board connected to instance B; B closes with the stream open', async () => {
    const b = await createSecondApp(t);
    await b.app.listen({ port: 0, host: '127.0.0.1' });
    const s = await openStream(b.app);
    await s.waitFor((e) => e.event === 'snapshot');
    const issued = (await issue()).json();
    await s.waitFor((e) => e.event === 'ticket' && e.data.ticketId === issued.id); // issued through A, seen on B
    // A call on instance A (the oldest waiting TP ticket).
    const ticket = (await callNext(t.app)).json().ticket;
    const call = await s.waitFor((e) => e.event === 'call' && e.data.ticketId === ticket.id);
    expect(call.data.text).toBe(`Mời số ${ticket.displayNumber} đến quầy số 2`);
    // A recall on A is announced on B too.
    await t.app.inject({ method: 'POST', url: `/api/v1/queue/counters/${counter2}/recall`, headers: { cookie: clerk } });
    await s.waitFor((e) => e.event === 'call' && e.data.ticketId === ticket.id && e.data.recall === true);
    const closing = Date.now();
    await b.close();
    expect(Date.now() - closing).toBeLessThan(3000);
    await until(() => s.isEnded());
  });
});
