import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Queryable } from './db';
import { withDatabase } from './db';

// Two database roles instead of one superuser (see docs/SECURITY.md, "The record cannot be rewritten"):
// - the OWNER owns the schema: it runs the migrations, the grants step below, and the purge;
// - the APP role is what the server connects as: ordinary rights on every table, but on the append-only tables only
//   INSERT and SELECT, and it owns nothing, so it cannot ALTER a table, drop a trigger or grant itself more.
// With the embedded PostgreSQL both roles are created here; with DATABASE_URL the operator creates them (README).

export const OWNER_ROLE = 'motcua_owner';
export const APP_ROLE = 'motcua_app';

/** The record: the app may add to these tables and read them, never change or remove a row. */
export const APPEND_ONLY_TABLES = ['audit_log', 'dossier_events'] as const;
/** Internal tables the app may read but never write (the chain's queue, links and heads are written by the owner's functions only). */
const READ_ONLY_TABLES = ['record_links', 'record_chain_heads', 'record_pending'];

export interface RoleCredentials {
  owner: { user: string; password: string };
  app: { user: string; password: string };
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The same server address with other credentials (keeps host, port and the Unix-socket parameter). */
export function urlAs(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** The role a connection string logs in as. */
export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * The embedded server's role passwords, generated once and kept in the data directory next to the superuser's
 * (loopback only; never in the repository).
 */
export function embeddedRoleCredentials(dataDir: string): RoleCredentials {
  const file = path.join(dataDir, '.pg-roles-motcua.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const creds = { owner: randomBytes(18).toString('hex'), app: randomBytes(18).toString('hex') };
    fs.writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  }
  const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { owner: string; app: string };
  return { owner: { user: OWNER_ROLE, password: saved.owner }, app: { user: APP_ROLE, password: saved.app } };
}

/**
 * As a superuser of the server: creates (or resets the passwords of) the two roles, creates `database` owned by the
 * owner if missing, and hands over to the owner whatever the superuser owns in it — a database created before the
 * two roles existed had all its tables owned by the superuser. Idempotent; safe at every start.
 */
export async function ensureRoles(superUrl: string, database: string, creds: RoleCredentials): Promise<{ ownerUrl: string; appUrl: string }> {
  const server = new pg.Client({ connectionString: withDatabase(superUrl, 'postgres') });
  await server.connect();
  try {
    for (const r of [creds.owner, creds.app]) {
      const exists = await server.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [r.user]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await server.query(`${verb} ROLE ${ident(r.user)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(r.password)}`);
    }
    const db = await server.query<{ owner: string }>('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [database]);
    if (!db.rowCount) await server.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(creds.owner.user)}`);
    else if (db.rows[0]!.owner !== creds.owner.user) await server.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(creds.owner.user)}`);
  } finally {
    await server.end();
  }
  const inDb = new pg.Client({ connectionString: withDatabase(superUrl, database) });
  await inDb.connect();
  try {
    await handOverToOwner(inDb, creds.owner.user);
  } finally {
    await inDb.end();
  }
  return {
    ownerUrl: withDatabase(urlAs(superUrl, creds.owner.user, creds.owner.password), database),
    appUrl: withDatabase(urlAs(superUrl, creds.app.user, creds.app.password), database),
  };
}

/**
 * Gives the owner role every table, view, sequence and function of the public schema that another role owns (the
 * extensions' own objects stay theirs), and the schema itself. A sequence owned by a column moves with its table.
 */
async function handOverToOwner(q: pg.ClientBase, owner: string): Promise<void> {
  await q.query(`DO $$
    DECLARE r record;
    BEGIN
      IF (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public') NOT IN (${literal(owner)}, 'pg_database_owner') THEN
        EXECUTE 'ALTER SCHEMA public OWNER TO ${ident(owner)}';
      END IF;
      FOR r IN
        SELECT c.oid::regclass AS obj FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relowner <> ${literal(owner)}::regrole
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i', 'e'))
      LOOP
        EXECUTE format('ALTER TABLE %s OWNER TO ${ident(owner)}', r.obj);
      END LOOP;
      FOR r IN
        SELECT p.oid::regprocedure AS fn, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'public' AND p.proowner <> ${literal(owner)}::regrole
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e')
      LOOP
        EXECUTE format('ALTER %s %s OWNER TO ${ident(owner)}', CASE r.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END, r.fn);
      END LOOP;
    END $$`);
  // Nobody but the owner creates objects in the schema (PostgreSQL 15+ already has it so; older servers do not).
  await q.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
}

/**
 * The grants step, run as the owner after every migration run: the app role gets ordinary rights on every table
 * and sequence, then loses UPDATE, DELETE and TRUNCATE on the append-only tables, and may only read the chain heads. Default privileges give the same ordinary rights on tables a later migration creates, so a migration
 * written without a thought for grants keeps working; this step then puts the append-only rule back if a migration
 * re-created one of those tables. Idempotent.
 */
export async function applyGrants(ownerDb: Queryable | pg.ClientBase, appRole: string): Promise<void> {
  const app = ident(appRole);
  const statements = [
    `GRANT CONNECT ON DATABASE ${ident((await ownerDb.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db)} TO ${app}`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app}`,
    ...APPEND_ONLY_TABLES.map((t) => `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${ident(t)} FROM ${app}`),
    ...READ_ONLY_TABLES.flatMap((t) => [`REVOKE ALL ON ${ident(t)} FROM ${app}`, `GRANT SELECT ON ${ident(t)} TO ${app}`]),
  ];
  for (const sql of statements) {
    // An owner that is not the database's owner may not grant CONNECT or schema USAGE; PUBLIC has both by default.
    try {
      await ownerDb.query(sql);
    } catch (err) {
      if ((err as { code?: string }).code !== '42501' || !/^GRANT (CONNECT|USAGE ON SCHEMA)/.test(sql)) throw err;
    }
  }
}

/** True when `role` may change or delete rows of the record: the database does not protect it (warned at start). */
export async function recordIsWritable(db: Queryable | pg.ClientBase): Promise<boolean> {
  const r = await db.query<{ writable: boolean }>(`SELECT bool_or(has_table_privilege(t, 'UPDATE') OR has_table_privilege(t, 'DELETE')
      OR has_table_privilege(t, 'TRUNCATE')) AS writable FROM unnest($1::text[]) AS t`, [APPEND_ONLY_TABLES]);
  const owner = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class c WHERE c.relname = ANY($1) AND c.relnamespace = 'public'::regnamespace
      AND pg_has_role(current_user, c.relowner, 'USAGE')`, [APPEND_ONLY_TABLES]);
  const superuser = await db.query<{ s: boolean }>('SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user');
  return !!r.rows[0]?.writable || (owner.rows[0]?.n ?? 0) > 0 || !!superuser.rows[0]?.s;
}
