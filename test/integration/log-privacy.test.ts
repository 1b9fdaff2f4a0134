import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { buildApp } from '../../src/http/app';
import { ManualClock } from '../../src/platform/clock';
import { createPool, type Db } from '../../src/platform/db';
import { createTestDatabase, DEMO_PASSWORD } from '../support/app';
import { asOwner } from '../support/owner';

// Issue 12, finding 8: the app's own log (level info, as in production) after a clerk registers a citizen, searches
// by citizen ID and by phone (in the query string), and after database errors that echo the applicant's row.
// The citizen ID, the phone and the e-mail address must appear nowhere in it.
const ID = '046080000555';
const PHONE = '0905999888';
const EMAIL = 'le.thi.hoa@example.vn';

let app: FastifyInstance;
let db: Db;
let ownerUrl: string;
let drop: () => Promise<void>;
const lines: string[] = [];
let cookie: string;

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  ownerUrl = database.ownerUrl;
  db = createPool(database.url, 5);
  const config = { ...loadConfig({ MOTCUA_LOG_LEVEL: 'info', MOTCUA_DATA_DIR: path.join(os.tmpdir(), 'motcua-test-data') }), databaseUrl: database.url };
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
  app = await buildApp({ db, clock: new ManualClock(new Date('2026-03-10T02:00:00Z')), config }, { logStream: stream });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'tn.tp', password: DEMO_PASSWORD } });
  cookie = `motcua_sid=${login.cookies.find((c) => c.name === 'motcua_sid')!.value}`;
});
afterAll(async () => {
  await app.close();
  await db.end();
  await drop();
});

const applicant = { fullName: 'Lê Thị Hoa', idNumber: ID, phone: PHONE, email: EMAIL, address: 'Phú Bài' };
const registerBody = { procedure: '2.000748', channel: 'direct', applicant };

describe('the request log holds no citizen ID, phone or e-mail', () => {
  it('after registrations, searches by ID and phone, and database errors that echo the row', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie }, payload: registerBody })).statusCode).toBe(201);
    for (const query of [`idNumber=${ID}`, `phone=${PHONE}`, `phone=%2B84${PHONE.slice(1)}`, `q=${ID}`, `q=${PHONE.slice(0, 4)}%20${PHONE.slice(4, 7)}%20${PHONE.slice(7)}`]) {
      expect((await app.inject({ url: `/api/v1/dossiers?${query}`, headers: { cookie } })).statusCode).toBe(200);
    }
    // A 404 whose path carries the number, and a validation error that quotes it.
    await app.inject({ url: `/api/v1/khong-co/${ID}?phone=${PHONE}` });
    await app.inject({ url: `/api/v1/dossiers?idNumber=${ID}9`, headers: { cookie } });

    // A constraint the row breaks: PostgreSQL's error detail is "Failing row contains (…, 046080000555, …)".
    await asOwner(ownerUrl, `ALTER TABLE applicants ADD CONSTRAINT zz_no_hoa CHECK (full_name <> 'Lê Thị Hoa Hai')`);
    const refused = await app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie }, payload: { ...registerBody, applicant: { ...applicant, fullName: 'Lê Thị Hoa Hai' } } });
    expect(refused.statusCode).toBe(400);
    // An unexpected failure whose message quotes the applicant's fields (a 500, logged in full otherwise).
    await asOwner(ownerUrl, `CREATE FUNCTION zz_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.full_name = 'Lê Thị Hoa Ba' THEN RAISE EXCEPTION 'cannot store % % %', NEW.id_number, NEW.phone, NEW.email; END IF; RETURN NEW; END $$`);
    await asOwner(ownerUrl, `CREATE TRIGGER zz_fail BEFORE INSERT OR UPDATE ON applicants FOR EACH ROW EXECUTE FUNCTION zz_fail()`);
    const failed = await app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie }, payload: { ...registerBody, applicant: { ...applicant, fullName: 'Lê Thị Hoa Ba' } } });
    expect(failed.statusCode).toBe(500);
    await new Promise((r) => setTimeout(r, 50)); // the logger writes asynchronously

    const log = lines.join('\n');
    // The log is there and useful: each request with its (masked) URL, and both errors with their codes.
    expect(lines.some((l) => l.includes('"url":"/api/v1/dossiers?idNumber=************"'))).toBe(true);
    expect(lines.some((l) => l.includes('"url":"/api/v1/dossiers?phone=**********"'))).toBe(true);
    expect(lines.some((l) => /input refused by the database/.test(l) && l.includes('"code":"23514"') && l.includes('zz_no_hoa'))).toBe(true);
    expect(lines.some((l) => /unhandled error/.test(l) && l.includes('cannot store ************ ********** ***@example.vn'))).toBe(true);
    // …and none of the personal data.
    for (const secret of [ID, PHONE, PHONE.slice(1), `${PHONE.slice(0, 4)} ${PHONE.slice(4, 7)}`, EMAIL, 'le.thi.hoa']) {
      expect(log.includes(secret), `${secret} in the log:\n${lines.filter((l) => l.includes(secret)).join('\n')}`).toBe(false);
    }
    expect(log).not.toMatch(/Failing row contains/);
  });
});
