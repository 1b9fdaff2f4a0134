import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type AppConfig } from '../../src/config';
import { buildApp } from '../../src/http/app';
import { ManualClock, startingClock, systemClock, type Clock } from '../../src/platform/clock';
import { createPool, withDatabase, type Db } from '../../src/platform/db';
import { OWNER_ROLE } from '../../src/platform/db-roles';
import type { Printer } from '../../src/printing';

export const DEMO_PASSWORD = 'motcua-demo';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: Clock;
  dbName: string;
  /** The schema owner's connection string to this database (tests that tamper with the record as the owner could). */
  ownerUrl: string;
  /** Logs in and returns the cookie header to send with later requests. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A clock that runs at the real pace from Tuesday 10/03/2026 09:00 (public hours): for tests that take kiosk tickets
 * (refused outside the center's public hours) without caring about the hour, so they pass at any hour they run at.
 */
export const workingMorningClock = (): Clock => startingClock(new Date('2026-03-10T09:00:00+07:00'));

/** A database cloned from the migrated, seeded template; refuses any database that is not a test database. */
export async function createTestDatabase(): Promise<{ url: string; ownerUrl: string; name: string; drop: () => Promise<void> }> {
  const server = inject('pgServerUrl');
  const template = inject('templateDb');
  const name = `motcua_test_${randomBytes(6).toString('hex')}`;
  if (!/^motcua_test_/.test(name)) throw new Error('refusing to use a non-test database');
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template} OWNER ${OWNER_ROLE}`);
  await admin.end();
  return {
    // The app's restricted role, as in production: it may only add to and read the record.
    url: withDatabase(inject('pgAppServerUrl'), name),
    ownerUrl: withDatabase(inject('pgOwnerServerUrl'), name),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function createTestApp(opts: { clock?: Clock; now?: Date; config?: Partial<AppConfig>; printer?: Printer; webDist?: string } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const db = createPool(database.url, 10);
  const clock = opts.clock ?? (opts.now ? new ManualClock(opts.now) : systemClock);
  // Uploaded files go to a per-run temporary directory, never into the developer's ./data.
  const config = { ...loadConfig({ MOTCUA_LOG_LEVEL: 'silent', MOTCUA_DATA_DIR: path.join(os.tmpdir(), 'motcua-test-data') }), databaseUrl: database.url, strictResponses: true,
    // Rate limits off: tests sign in dozens of times a second. test/integration/rate-limits.test.ts turns them on.
    rateLimitFactor: 0, ...opts.config };
  const app = await buildApp({ db, clock, config, printer: opts.printer }, { logger: false, webDist: opts.webDist });
  await app.ready();
  return {
    app,
    db,
    clock,
    dbName: database.name,
    ownerUrl: database.ownerUrl,
    async login(username, password = DEMO_PASSWORD) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
      const c = r.cookies.find((x) => x.name === 'motcua_sid');
      return `motcua_sid=${c!.value}`;
    },
    async close() {
      await app.close();
      await db.end();
      await database.drop();
    },
  };
}

/** A second app instance on the same database as `t`, like two servers sharing one PostgreSQL. */
export async function createSecondApp(t: TestApp, opts: { clock?: Clock } = {}): Promise<{ app: FastifyInstance; db: Db; close(): Promise<void> }> {
  const db = createPool(withDatabase(inject('pgAppServerUrl'), t.dbName), 5);
  const app = await buildApp({ db, clock: opts.clock ?? t.clock, config: t.app.deps.config }, { logger: false });
  await app.ready();
  return {
    app,
    db,
    async close() {
      await app.close();
      await db.end();
    },
  };
}
