import pg from 'pg';
import { describePgStatus, PgSupervisor, type PgStatus } from './pg/supervisor';
import type { PgLog } from './pg/log';

export interface EmbeddedServer {
  url: (database: string) => string;
  stop: () => Promise<void>;
  /** Where PostgreSQL is in its life (running, restarting after a crash…), for /health. */
  status: () => PgStatus;
  /** The same as a Vietnamese sentence; undefined while it runs. */
  problem: () => string | undefined;
  /** The cluster's real directory (`<dir>/pg`, or where that link points). */
  clusterDir: string;
}

export interface EmbeddedOptions {
  log?: PgLog;
  /** Extra `-c name=value` PostgreSQL settings. */
  flags?: string[];
  /** Start PostgreSQL again whenever it stops by itself (the app does; tools and tests that kill it on purpose do not). */
  restartOnCrash?: boolean;
  onCrash?: () => void;
}

/**
 * Starts the embedded PostgreSQL with its data under `dir` (see platform/pg/), on 127.0.0.1 and a Unix socket.
 * A second start on the same directory reuses the cluster; a PostgreSQL left running by a killed motcua is stopped
 * first.
 */
export async function startEmbeddedPostgres(dir: string, port: number, opts: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const sup = new PgSupervisor({ dataDir: dir, port, ...opts });
  await sup.start();
  return {
    url: (database) => sup.url(database),
    stop: () => sup.stop(),
    status: () => sup.status(),
    problem: () => describePgStatus(sup.status()),
    clusterDir: sup.clusterDir,
  };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
