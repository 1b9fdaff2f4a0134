import type { InjectOptions } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { trackChanges, type ChangeTracker } from '../support/db-changes';
import { register } from '../support/dossiers';
import { CITIZEN_COOKIE, createCitizenSession } from '../../src/modules/citizens/sessions';
import { anyString, anyValue, fromSchema, mutate, pct, RAW_BODIES, RAW_QUERIES, RAW_SEGMENTS, type JsonSchema, type Pools } from '../support/fuzz';

// Issue 12, findings 5 and 6: every operation of the OpenAPI document, called anonymously and as a role that can
// reach it, with malformed path parameters, query strings and bodies. Whatever comes in: no 5xx, an error is
// application/problem+json with a Vietnamese detail and no English from zod or Fastify, and a request that fails
// changes no row. Reproducible: the seed is printed; MOTCUA_FUZZ_SEED replays a run, MOTCUA_FUZZ_RUNS makes it longer,
// MOTCUA_FUZZ_ONLY=<text> keeps the operations whose "METHOD /path" contains the text. For looking into a run:
// MOTCUA_FUZZ_VERBOSE=1 lists the operations no request got past validation, MOTCUA_FUZZ_TRACE=<text> prints
// every request to the matching operations with its status.
const SEED = Number(process.env.MOTCUA_FUZZ_SEED ?? 20260312);
// 25 runs per operation and identity keep the whole pass near two minutes on two cores with ~140 operations.
const RUNS = Number(process.env.MOTCUA_FUZZ_RUNS ?? 25);
// Anonymous calls to an operation that needs a session all stop at the 401: a few of them are enough.
const ANONYMOUS_RUNS = Math.max(3, Math.round(RUNS / 6));

// A role's 403 from the access check, told apart from a business rule's 403 by its wording.
const ACCESS_DENIED = 'Bạn không có quyền thực hiện thao tác này.';
// Who may be logged in for the fuzzing, in the order tried: the first one the access check lets through is used.
// A citizen (signed in with a one-time code, own cookie) is tried for the citizen routes only.
const CANDIDATES = ['tn.tp', 'cv.tp', 'ld.tp', 'thuphi', 'giamdoc', 'giamsat', 'tinh', 'admin', 'citizen'];
const CITIZEN_PATH = '/api/v1/citizen/';
// The English a client must never see (zod's and Fastify's defaults, Node's JSON errors).
const ENGLISH = /Invalid input|expected \w+, received|\bRequired\b|must be|is not a valid|Bad Request|Unsupported Media Type|Body cannot be empty|Internal Server Error|Unexpected token|in JSON at position|Route \w+:|Unrecognized key|Too (big|small)/;
const VIETNAMESE = /[\u00c0-\u024f\u1ea0-\u1ef9]/;
const ANSWER_MS = 10_000;
// Tables a failed request may legitimately write: the audit of a failed login.
// …and of a wrong one-time code, with the code's tries counted.
const MAY_WRITE_ON_FAILURE: Record<string, RegExp> = { 'POST /api/v1/auth/login': /^audit_log INSERT/, 'POST /api/v1/citizen/auth/verify': /^(audit_log INSERT|citizen_otps UPDATE)/ };

interface Param { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: JsonSchema }
interface Operation { method: string; path: string; params: Param[]; body?: JsonSchema; key: string }

let t: TestApp;
let changes: ChangeTracker;
let ops: Operation[];
const cookies: Record<string, string> = {};
let pools: Pools;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-10T02:00:00Z') });
  for (const u of CANDIDATES) if (u !== 'citizen') cookies[u] = await t.login(u);
  // The citizen whose phone the sample dossier was registered with (the OTP itself is tested in citizens.test.ts).
  const citizen = await t.db.query<{ id: string }>(`INSERT INTO citizen_accounts (contact, contact_kind, created_at) VALUES ('84905000111', 'phone', now()) RETURNING id`);
  cookies.citizen = `${CITIZEN_COOKIE}=${await createCitizenSession(t.db, citizen.rows[0]!.id, t.clock.now(), { ip: '127.0.0.1', userAgent: 'fuzz' })}`;
  // Rows that exist, so that part of the requests get past the look-ups into the deeper code.
  const dossier = await register(t, cookies['tn.tp'], { receive: true });
  const q = async (sql: string) => (await t.db.query<{ v: string }>(sql)).rows.map((r) => r.v);
  const centers = await q(`SELECT code AS v FROM centers WHERE code = '000.00.15.H57' UNION ALL SELECT id::text FROM centers WHERE code = '000.00.15.H57'`);
  pools = {
    code: [dossier.code, '2.000748', ...(await q('SELECT code AS v FROM fee_reduction_rules LIMIT 2')), ...(await q('SELECT code AS v FROM fee_service_types LIMIT 2'))],
    procedureCode: ['2.000748'], procedure: ['2.000748'], field: ['TP'], center: centers, taxCode: ['0101234567'], collector: ['thuphi'],
    file: ['slip.pdf', 'receipt.pdf', 'book.pdf', 'book.xlsx'],
    id: [
      ...(await q(`SELECT id::text AS v FROM centers WHERE code = '000.00.15.H57'`)),
      ...(await q(`SELECT d.id::text AS v FROM departments d JOIN centers c ON c.id = d.center_id WHERE c.code = '000.00.15.H57' LIMIT 2`)),
      ...(await q(`SELECT k.id::text AS v FROM counters k JOIN centers c ON c.id = k.center_id WHERE c.code = '000.00.15.H57' LIMIT 2`)),
      ...(await q('SELECT id::text AS v FROM receipt_series LIMIT 1')),
    ],
  };
  const spec = (await t.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, { parameters?: Param[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> };
  ops = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], body: op.requestBody?.content['application/json']?.schema, key: `${method.toUpperCase()} ${path}` });
    }
  }
  changes = await trackChanges(t);
}, 120_000);
afterAll(async () => t.close());

interface Req { method: string; url: string; headers: Record<string, string>; payload?: string | Buffer }

type Body = { contentType?: string; payload?: string | Buffer };
const json = (v: unknown): Body => ({ contentType: 'application/json', payload: JSON.stringify(v) ?? 'null' });

/**
 * A request to the operation: a well-formed one (rows that exist in the path, every required query parameter, a
 * body shaped by its schema — whose free text may still hold NUL, lone surrogates, SQL or emoji), then usually one
 * part broken: a path parameter, a query parameter, a place in the body, or a raw path, query or body.
 */
function arbitraryRequest(op: Operation, who: string | null): fc.Arbitrary<Req> {
  const p = pools;
  const pathParams = op.params.filter((x) => x.in === 'path');
  const queryParams = op.params.filter((x) => x.in === 'query');
  const goodParam = (x: Param) => (p[x.name]?.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...p[x.name]) }, { weight: 1, arbitrary: fromSchema(x.schema, p, x.name) }) : fromSchema(x.schema, p, x.name))
    .map((v) => pct(String(v))).filter((v) => v.length > 0);
  const badParam = fc.oneof({ weight: 3, arbitrary: anyString.map(pct) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) }).filter((v) => v.length > 0);
  const goodQuery = fc.record(Object.fromEntries(queryParams.map((x) => [x.name, fromSchema(x.schema, p, x.name).map((v) => pct(String(v)))])),
    { requiredKeys: queryParams.filter((x) => x.required).map((x) => x.name) }) as fc.Arbitrary<Record<string, string>>;
  const badQueryValue = fc.oneof(anyString.map(pct), fc.array(anyString.map(pct), { minLength: 2, maxLength: 3 }).map((a) => a.join(`&${'$KEY'}=`)));
  const body = op.method === 'GET' ? fc.constant(undefined) : fromSchema(op.body, p);
  const idempotencyKey = op.params.some((x) => x.in === 'header') ? fc.option(fc.string({ minLength: 8, maxLength: 40 }), { nil: undefined }) : fc.constant(undefined);
  type Broken = { where: 'nothing' } | { where: 'path'; index: number; value: string } | { where: 'query'; index: number; value: string }
    | { where: 'body'; pick: number; value: unknown; how: 'replace' | 'delete' | 'add' } | { where: 'rawQuery'; value: string } | { where: 'rawBody'; value: Body }
    | { where: 'header'; value: string };
  const broken: fc.Arbitrary<Broken> = fc.oneof(
    { weight: 2, arbitrary: fc.constant({ where: 'nothing' as const }) },
    ...(pathParams.length ? [{ weight: 3, arbitrary: fc.record({ where: fc.constant('path' as const), index: fc.nat(pathParams.length - 1), value: badParam }) }] : []),
    ...(queryParams.length ? [{ weight: 3, arbitrary: fc.record({ where: fc.constant('query' as const), index: fc.nat(queryParams.length - 1), value: badQueryValue }) }] : []),
    ...(op.method !== 'GET' ? [
      { weight: 4, arbitrary: fc.record({ where: fc.constant('body' as const), pick: fc.nat(), value: anyValue, how: fc.constantFrom('replace' as const, 'delete' as const, 'add' as const) }) },
      { weight: 2, arbitrary: fc.record({ where: fc.constant('rawBody' as const), value: fc.constantFrom(...RAW_BODIES) }) },
    ] : []),
    { weight: 1, arbitrary: fc.record({ where: fc.constant('rawQuery' as const), value: fc.constantFrom(...RAW_QUERIES) }) },
    ...(op.params.some((x) => x.in === 'header') ? [{ weight: 1, arbitrary: fc.record({ where: fc.constant('header' as const), value: fc.constantFrom('short', 'x'.repeat(200), '') }) }] : []),
  );
  return fc.record({ path: fc.tuple(...pathParams.map(goodParam)), query: goodQuery, body, key: idempotencyKey, broken }).map(({ path, query, body, key, broken: b }) => {
    let url = op.path;
    pathParams.forEach((x, i) => (url = url.replace(`{${x.name}}`, b.where === 'path' && b.index === i ? b.value : path[i])));
    const q = { ...query };
    if (b.where === 'query') q[queryParams[b.index].name] = b.value.replaceAll('$KEY', pct(queryParams[b.index].name));
    let search = Object.entries(q).map(([k, v]) => `${pct(k)}=${v}`).join('&');
    if (b.where === 'rawQuery') search = search ? `${search}&${b.value}` : b.value;
    const sent: Body = b.where === 'rawBody' ? b.value : b.where === 'body' ? json(mutate(body, b.pick, b.value, b.how)) : body === undefined ? {} : json(body);
    const headers: Record<string, string> = {};
    if (who) headers.cookie = cookies[who];
    if (sent.contentType !== undefined) headers['content-type'] = sent.contentType;
    const k = b.where === 'header' ? b.value : key;
    if (k !== undefined) headers['idempotency-key'] = k.replace(/[^\x20-\x7e]/g, '?');
    return { method: op.method, url: search ? `${url}?${search}` : url, headers, ...(sent.payload !== undefined ? { payload: sent.payload } : {}) };
  });
}

/**
 * The answer to one request. One that never comes is a failure of its own (and must not stall the whole run).
 * Live streams (the board's, the bell's) never end on success: their answer is taken as a stream and left once begun.
 */
async function answer(op: Operation, req: Req): Promise<{ r: Awaited<ReturnType<TestApp['app']['inject']>>; body: string }> {
  const streaming = op.path.endsWith('/stream');
  let timer: NodeJS.Timeout | undefined;
  const r = await Promise.race([
    t.app.inject({ ...req, ...(streaming ? { payloadAsStream: true } : {}) } as InjectOptions),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ANSWER_MS / 1000} s: ${req.method} ${req.url.slice(0, 300)}`)), ANSWER_MS))),
  ]).finally(() => clearTimeout(timer));
  let body = '';
  if (!streaming) body = r.body;
  else if (r.statusCode < 400) r.stream().destroy();
  else for await (const chunk of r.stream()) body += chunk;
  return { r, body };
}

/** The role used for an operation: the first candidate the access check lets through (public: the first one). */
async function reachingRole(op: Operation): Promise<string | null> {
  const url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(pools[name]?.[0] ?? 'x'));
  for (const who of CANDIDATES) {
    // Staff cookies never open citizen routes, and the citizen's never opens staff routes.
    if ((who === 'citizen') !== op.path.startsWith(CITIZEN_PATH)) continue;
    const { r } = await answer(op, { method: op.method, url, headers: { cookie: cookies[who] }, ...(op.method === 'GET' ? {} : { payload: '{}' }) });
    if (r.statusCode === 401) throw new Error(`${who} lost the session on ${op.key}`);
    if (!(r.statusCode === 403 && (JSON.parse(r.body) as { detail?: string }).detail === ACCESS_DENIED)) return who;
  }
  return null;
}

const statuses = new Map<number, number>();
const deep = new Map<string, number>(); // per operation: answers that got past validation (not 400/401/403/404/415)

async function check(op: Operation, req: Req): Promise<void> {
  const before = await changes.mark();
  const { r, body } = await answer(op, req);
  statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
  if (process.env.MOTCUA_FUZZ_TRACE && op.key.includes(process.env.MOTCUA_FUZZ_TRACE)) console.log(`${req.headers.cookie ? 'auth' : 'anon'} ${req.method} ${req.url.slice(0, 200)} ${String(req.payload ?? '').slice(0, 200)} → ${r.statusCode}`);
  if (![400, 401, 403, 404, 415].includes(r.statusCode)) deep.set(op.key, (deep.get(op.key) ?? 0) + 1);
  const where = `${req.method} ${req.url.slice(0, 300)} → ${r.statusCode} ${body.slice(0, 300)}`;
  if (r.statusCode >= 500) throw new Error(`server error: ${where}`);
  if (r.statusCode < 400) return;
  if (!/^application\/problem\+json/.test(String(r.headers['content-type']))) throw new Error(`not problem+json: ${where}`);
  const detail = (JSON.parse(body) as { detail?: unknown }).detail;
  if (typeof detail !== 'string' || !VIETNAMESE.test(detail)) throw new Error(`no Vietnamese detail: ${where}`);
  if (ENGLISH.test(body)) throw new Error(`English in the answer: ${where}`);
  const written = (await changes.since(before)).filter((c) => !MAY_WRITE_ON_FAILURE[op.key]?.test(c));
  if (written.length) throw new Error(`a failed request changed rows (${written.join(', ')}): ${where}`);
}

const seedOf = (key: string) => [...key].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, SEED);

describe('OpenAPI-driven fuzzing', () => {
  it('no operation answers malformed input with a 5xx, English or a change', async () => {
    console.log(`fuzz: seed ${SEED} (MOTCUA_FUZZ_SEED to replay), ${RUNS} runs per operation and identity (MOTCUA_FUZZ_RUNS), ${ops.length} operations`);
    const failures: string[] = [];
    let requests = 0;
    for (const op of ops.filter((o) => o.key.includes(process.env.MOTCUA_FUZZ_ONLY ?? ''))) {
      // Logging out as a fuzzing identity would end the session the other operations use.
      const role = op.key === 'POST /api/v1/auth/logout' || op.key === 'POST /api/v1/citizen/auth/logout' ? null : await reachingRole(op);
      const isPublic = (await answer(op, { method: op.method, url: op.path.replace(/\{[^}]+\}/g, 'x'), headers: {} })).r.statusCode !== 401;
      for (const who of role ? [null, role] : [null]) {
        const numRuns = who === null && !isPublic ? ANONYMOUS_RUNS : RUNS;
        try {
          await fc.assert(fc.asyncProperty(arbitraryRequest(op, who), async (req) => {
            requests++;
            await check(op, req);
          }), { seed: seedOf(op.key + (who ?? '')), numRuns, endOnFailure: true, includeErrorInReport: true });
        } catch (e) {
          failures.push(`${op.key} as ${who ?? 'anonymous'}: ${(e as Error).message.split('\n').filter((l) => /^(Counterexample|Got error|\{ seed)/.test(l)).join('\n')}`);
        }
      }
    }
    console.log(`fuzz: ${requests} requests, ${failures.length} failing operation/identity pairs; statuses ${JSON.stringify(Object.fromEntries(statuses))}; `
      + `${deep.size} operations answered past validation at least once`);
    if (process.env.MOTCUA_FUZZ_VERBOSE) console.log(ops.filter((o) => !deep.has(o.key)).map((o) => o.key).join('\n'));
    expect(failures, failures.join('\n\n')).toEqual([]);
    expect(ops.length).toBeGreaterThan(100);
  }, 300_000);
});
