import { createHash } from 'node:crypto';
import pg from 'pg';

// Dates come back as JS Date (timestamptz) and bigint counts as numbers where safe; `date` columns stay as
// 'YYYY-MM-DD' strings because a calendar day has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

export type Db = pg.Pool;
export type Tx = pg.PoolClient;
export type Queryable = pg.Pool | pg.PoolClient;

export function createPool(connectionString: string, max = 10): Db {
  // Idle connections are kept for five minutes: a new connection has to load PostgreSQL's catalog caches and
  // prepare the hot statements again (about 10 ms of planning each), which a short lull should not cost.
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 300_000 });
  // A client losing its connection must not crash the process: idle clients report on the pool, and a client
  // checked out between two queries (the pool removes its own listener then) reports on the client itself. The
  // request using it fails and answers 503 (http/errors.ts); the pool opens new connections once the server is back.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

export async function withTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * A statement PostgreSQL parses and plans once per connection instead of on every call. On the hot paths (session,
 * dossier page, registration, transitions) planning cost more than executing: 0.5-1.8 ms of planning against
 * 0.1-1.3 ms of execution, measured with pg_stat_statements. Only for statements whose text is fixed (or comes from
 * a small set): every distinct text stays prepared on each pooled connection.
 */
export interface Prepared {
  name: string;
  text: string;
}

export function prepared(text: string): Prepared {
  return { name: `s_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text };
}

const preparedTexts = new Map<string, Prepared>();
/**
 * `prepared` for statements whose text is built at run time from a small, fixed set of variants (e.g. the
 * columns a transition changes). The cache is bounded in case a caller builds more variants than expected.
 */
export function preparedVariant(text: string): Prepared {
  let p = preparedTexts.get(text);
  if (!p) {
    if (preparedTexts.size >= 500) preparedTexts.clear();
    preparedTexts.set(text, (p = prepared(text)));
  }
  return p;
}

function toQuery(sql: string | Prepared, params: unknown[]): pg.QueryConfig {
  return typeof sql === 'string' ? { text: sql, values: params } : { name: sql.name, text: sql.text, values: params };
}

export async function one<T extends pg.QueryResultRow>(q: Queryable, sql: string | Prepared, params: unknown[] = []): Promise<T | undefined> {
  const r = await q.query<T>(toQuery(sql, params));
  return r.rows[0];
}

export async function many<T extends pg.QueryResultRow>(q: Queryable, sql: string | Prepared, params: unknown[] = []): Promise<T[]> {
  const r = await q.query<T>(toQuery(sql, params));
  return r.rows;
}

/** Connection string for another database on the same server (tests clone databases this way). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}
