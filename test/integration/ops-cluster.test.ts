import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgProcess, type PgProcess } from '../support/pg-process';
import {
  api, cleanup, freePort, health, HT, login, openBoard, postmasterPid, register, sequenceNumbers, spawnApp, tempDir, trackDataDir, until, waitHealthy,
  type AppProcess,
} from '../support/ops';

// Beyond one machine (issue 11, points 3 and 5): a PostgreSQL server started on its own (the embedded binaries run
// as an ordinary server, in a process of its own) and two app instances on different ports using it through
// DATABASE_URL, as behind a load balancer. Then the server is killed with SIGKILL and started again: both instances
// answer 503 meanwhile, come back by themselves, and the board stream open on B keeps delivering A's calls.
let pgDir: string;
let pgPort: number;
let server: PgProcess;
let databaseUrl: string;
let a: AppProcess;
let b: AppProcess;
let clerkA: string;
let clerkB: string;
const codes: string[] = [];

/** Today's dossier codes of the Hương Thủy center, straight from the database. */
async function todaysCodes(sample: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const prefix = sample.slice(0, sample.lastIndexOf('-') + 1);
    return (await c.query<{ code: string }>('SELECT code FROM dossiers WHERE code LIKE $1 ORDER BY code', [`${prefix}%`])).rows.map((r) => r.code);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  pgDir = trackDataDir(tempDir('pg-server'));
  pgPort = await freePort();
  server = await startPgProcess(pgDir, pgPort);
  // Over TCP, as an app on another machine would reach it.
  const u = new URL(server.url);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE motcua_ops');
  await admin.end();
  databaseUrl = `postgres://${u.username}:${u.password}@127.0.0.1:${pgPort}/motcua_ops`;
  // Uploaded files would live on storage both instances share; here, one folder.
  // The kiosk issues tickets in public hours only: both instances' clocks start on a working morning.
  const env = { DATABASE_URL: databaseUrl, MOTCUA_DEMO: '1', MOTCUA_DATA_DIR: tempDir('shared-files'), MOTCUA_CLOCK_START: '2026-03-10T09:00:00+07:00' };
  // Both start at once on the empty database: migrations and the first seed run once (advisory lock, table lock).
  [a, b] = await Promise.all([spawnApp(env), spawnApp(env)]);
  await Promise.all([waitHealthy(a), waitHealthy(b)]);
  [clerkA, clerkB] = await Promise.all([login(a, 'tn.tp'), login(b, 'tn.tp')]);
}, 180_000);

afterAll(async () => {
  await cleanup();
  await server?.stop();
}, 60_000);

describe('two app instances on one PostgreSQL server (DATABASE_URL)', () => {
  it('a dossier registered on A is read on B, and a session opened on A works on B', async () => {
    const code = await register(a, clerkA, 1);
    codes.push(code);
    const onB = await api(b, 'GET', `/dossiers/${code}`, clerkB);
    expect(onB.status).toBe(200);
    expect(onB.json).toMatchObject({ code, status: 'submitted' });
    expect((await api(b, 'GET', `/dossiers/${code}`, clerkA)).status).toBe(200);
  });

  it('a queue call on A reaches a board stream connected to B', async () => {
    const board = await openBoard(b);
    await board.waitFor('snapshot', (e) => e.event === 'snapshot');
    const counters = (await api(a, 'GET', `/queue/counters?center=${HT}`)).json.items as { id: string; number: number }[];
    const counter = counters.find((c) => c.number === 2)!;
    const ticket = (await api(a, 'POST', '/queue/tickets', undefined, { center: HT, field: 'TP' })).json;
    const called = await api(a, 'POST', `/queue/counters/${counter.id}/call-next`, clerkA);
    expect(called.status).toBe(200);
    const call = await board.waitFor('call on B', (e) => e.event === 'call' && e.data.ticketId === ticket.id);
    expect(call.data.text).toBe(`Mời số ${ticket.displayNumber as string} đến quầy số 2`);
    board.close();
  });

  it('daily numbering stays gap-free with both instances taking registrations at once', async () => {
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => register(i % 2 ? b : a, i % 2 ? clerkB : clerkA, 100 + i)));
    codes.push(...burst);
    expect(new Set(burst).size).toBe(40);
    const all = await todaysCodes(burst[0]!);
    expect(all.sort()).toEqual([...codes].sort());
    expect(sequenceNumbers(all)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  }, 60_000);

  it('when the PostgreSQL server is killed both answer 503 in Vietnamese, and come back with it; the board stream on B keeps working', async () => {
    const board = await openBoard(b);
    await board.waitFor('snapshot', (e) => e.event === 'snapshot');
    const snapshotsBefore = board.events.filter((e) => e.event === 'snapshot').length;
    const pm = postmasterPid(pgDir)!;
    process.kill(pm, 'SIGKILL');
    const seen: number[] = [];
    for (const app of [a, b]) {
      const h = await until('health 503', 20_000, async () => {
        const r = await health(app);
        if (r) seen.push(r.status);
        return r?.status === 503 ? r : undefined;
      }, app);
      expect(h.body).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', detail: 'Cơ sở dữ liệu tạm thời không truy cập được; hệ thống đang tự kết nối lại. Vui lòng thử lại sau ít phút.' });
    }
    const write = await api(a, 'POST', '/dossiers', clerkA, { procedure: '2.000748', channel: 'direct', applicant: { fullName: 'Trần Thị Bình', idNumber: '046080000999', dateOfBirth: '1990-01-02', address: 'Hương Thủy' } });
    expect(write.status).toBe(503);
    expect(write.type).toContain('application/problem+json');
    // Down for a while: the instances keep running and keep answering.
    await new Promise((r) => setTimeout(r, 3000));
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
    expect((await health(b))?.status).toBe(503);

    const t0 = Date.now();
    server = await startPgProcess(pgDir, pgPort);
    for (const app of [a, b]) {
      await until('health 200 again', 60_000, async () => {
        const r = await health(app);
        if (r) seen.push(r.status);
        return r?.status === 200 ? true : undefined;
      }, app);
    }
    console.log(`ops: PostgreSQL server back → both instances healthy in ${Date.now() - t0} ms`);
    expect(seen).not.toContain(500);
    // The stream stayed open: a fresh snapshot once B listened again, then A's calls as before.
    await board.waitFor('snapshot after reconnecting', () => board.events.filter((e) => e.event === 'snapshot').length > snapshotsBefore, 30_000);
    const counters = (await api(a, 'GET', `/queue/counters?center=${HT}`)).json.items as { id: string; number: number }[];
    const ticket = (await api(a, 'POST', '/queue/tickets', undefined, { center: HT, field: 'TP' })).json;
    expect((await api(a, 'POST', `/queue/counters/${counters.find((c) => c.number === 2)!.id}/call-next`, clerkA)).status).toBe(200);
    await board.waitFor('call on B after the outage', (e) => e.event === 'call' && e.data.ticketId === ticket.id);
    board.close();
    // Writes go on, numbering still gap-free.
    codes.push(await register(b, clerkB, 900), await register(a, clerkA, 901));
    expect(sequenceNumbers(await todaysCodes(codes[0]!))).toEqual(Array.from({ length: codes.length }, (_, i) => i + 1));
  }, 150_000);
});
