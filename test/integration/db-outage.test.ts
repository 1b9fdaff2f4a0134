import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config';
import { buildApp } from '../../src/http/app';
import { systemClock } from '../../src/platform/clock';
import { createPool, type Db } from '../../src/platform/db';
import { createTestDatabase } from '../support/app';

// The database going away, in process (the process-level tests in ops-*.test.ts kill real servers): a pooled
// connection cut while checked out must not crash the process, and requests answer 503 problem+json, never 500.
describe('a connection cut while a request holds it', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const d = await createTestDatabase();
    drop = d.drop;
    db = createPool(d.url, 4);
  });
  afterAll(async () => {
    await db.end();
    await drop();
  });

  it('does not crash the process (the client reports the error; the pool replaces it)', async () => {
    const client = await db.connect();
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await db.query('SELECT pg_terminate_backend($1)', [pid]); // from another pooled connection
    await sleep(300); // without a listener on the client, its 'error' event would end the process here
    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release(true);
    expect((await db.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  });
});

describe('requests while the database cannot be reached', () => {
  let app: FastifyInstance;
  let db: Db;
  beforeAll(async () => {
    db = createPool('postgres://motcua@127.0.0.1:1/motcua', 2); // nothing listens on port 1
    app = await buildApp({ db, clock: systemClock, config: loadConfig({ MOTCUA_LOG_LEVEL: 'silent' }) }, { logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.end();
  });

  it('health answers 503 with a Vietnamese reason', async () => {
    const r = await app.inject({ url: '/api/v1/health' });
    expect(r.statusCode).toBe(503);
    expect(r.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(r.headers['retry-after']).toBe('5');
    expect(r.json()).toEqual({
      type: 'https://motcua.gov.vn/problems/database-unavailable', title: 'Dịch vụ tạm thời gián đoạn', status: 503, code: 'DATABASE_UNAVAILABLE',
      detail: 'Cơ sở dữ liệu tạm thời không truy cập được; hệ thống đang tự kết nối lại. Vui lòng thử lại sau ít phút.',
    });
  });

  it('health says why when the embedded PostgreSQL is being restarted', async () => {
    const restarting = await buildApp({ db, clock: systemClock, config: loadConfig({ MOTCUA_LOG_LEVEL: 'silent' }), databaseProblem: () => 'PostgreSQL nhúng đang được khởi động lại (lần thử 2).' }, { logger: false });
    const r = await restarting.inject({ url: '/api/v1/health' });
    expect(r.statusCode).toBe(503);
    expect(r.json().detail).toBe('PostgreSQL nhúng đang được khởi động lại (lần thử 2).');
    await restarting.close();
  });

  it.each([
    ['GET', '/api/v1/procedures?limit=1'],
    ['GET', '/api/v1/queue/board/stream?center=000.00.15.H57'],
    ['POST', '/api/v1/auth/login'],
  ])('%s %s answers 503 problem+json, not 500', async (method, url) => {
    const r = await app.inject({ method: method as 'GET' | 'POST', url, ...(method === 'POST' ? { payload: { username: 'admin', password: 'motcua-demo' } } : {}) });
    expect(r.statusCode).toBe(503);
    expect(r.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(r.json().code).toBe('DATABASE_UNAVAILABLE');
  });
});
