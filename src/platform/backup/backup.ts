import { SECRET_KEY_FILE } from '../secret-key';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { pgBinaries } from '../pg/binaries';
import { clusterExists, findCluster } from '../pg/cluster';
import type { PgLog } from '../pg/log';
import { freePort } from '../pg/ports';
import { isPostmasterOf, readPostmasterPid } from '../pg/processes';
import { PgSupervisor } from '../pg/supervisor';
import { StartError } from '../start-error';
import { ArchiveWriter } from './archive';
import { BACKUP_FORMAT, HEAD, TAIL, type BackupHead, type BackupTail } from './format';

/**
 * `npm run backup -- <file>`: one archive with the whole installation — the embedded PostgreSQL cluster as a
 * consistent physical copy, the uploaded files and the cluster's password file.
 *
 * Why physical (PostgreSQL's backup API) and not a logical dump by COPY: the copy is the cluster itself, so
 * everything in it comes back exactly — every table, sequence, index, role and grant, whatever later migrations
 * add — with nothing to keep in step with the schema, and a restore is a file copy plus a short WAL replay instead of
 * reloading rows and rebuilding every index. The price is that it restores only onto the same PostgreSQL major
 * version, which the embedded package pins (package-lock.json); moving to another version goes through pg_dump.
 *
 * How: a temporary replication slot keeps the WAL from being recycled, pg_backup_start() checkpoints and marks the
 * start, the files are copied while the app keeps working, pg_backup_stop() gives the backup_label and the end, and
 * the WAL segments written in between go into the archive: starting PostgreSQL on the restored files replays them
 * up to the end of the backup, so the copy is consistent as of that moment. Uploaded files are copied afterwards:
 * a file is stored before the row naming it commits, so every file the database copy refers to is already there.
 * A stopped installation is backed up the same way through a PostgreSQL started for the purpose.
 */
export interface BackupSummary {
  file: string;
  bytes: number;
  uploads: number;
  walSegments: number;
  online: boolean;
  seconds: number;
}

// Never copied (PostgreSQL's own list for base backups), plus the Unix socket and its lock in the cluster directory.
const TOP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'backup_label.old', 'tablespace_map', 'tablespace_map.old', 'current_logfiles']);
const EMPTIED_DIRS = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

export async function backupInstallation(o: { dataDir: string; file: string; log: PgLog }): Promise<BackupSummary> {
  const t0 = Date.now();
  const loc = findCluster(o.dataDir);
  if (!clusterExists(loc.clusterDir)) throw new StartError(`Không có dữ liệu motcua để sao lưu ở ${loc.dataDir} (không thấy cụm PostgreSQL ${loc.clusterDir}).`);
  const passwordFile = path.join(loc.dataDir, '.pgpass-motcua');
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  const pm = readPostmasterPid(loc.clusterDir);
  const online = !!pm && pm.status === 'ready' && isPostmasterOf(pm.pid, loc.clusterDir);
  let temp: PgSupervisor | undefined;
  let url: string;
  if (online) {
    url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pm.port}/postgres${pm.socketDir ? `?host=${encodeURIComponent(pm.socketDir)}` : ''}`;
    o.log.info(`Sao lưu khi motcua đang chạy (PostgreSQL PID ${pm.pid}).`);
  } else {
    o.log.info('motcua đang dừng: khởi động PostgreSQL tạm thời để sao lưu…');
    temp = new PgSupervisor({ dataDir: loc.dataDir, port: await freePort(), log: o.log });
    await temp.start();
    url = temp.url('postgres');
  }
  const w = new ArchiveWriter(o.file);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const head: BackupHead = { format: BACKUP_FORMAT, product: 'motcua', kind: 'postgresql-physical', createdAt: new Date().toISOString(), pgMajor: pgBinaries().major, online };
    await w.addBuffer(HEAD, JSON.stringify(head, null, 2));
    // Temporary: dropped when this session ends, even if the backup fails half-way.
    await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [`motcua_backup_${process.pid}`]);
    await client.query('SELECT pg_backup_start($1, true)', [`motcua ${head.createdAt}`]);
    await addTree(w, loc.clusterDir, 'pg', '');
    const stop = (await client.query<{ lsn: string; labelfile: string; spcmapfile: string; last: string }>(
      'SELECT lsn::text, labelfile, spcmapfile, pg_walfile_name(lsn) AS last FROM pg_backup_stop(false)')).rows[0]!;
    await w.addBuffer('pg/backup_label', stop.labelfile);
    if (stop.spcmapfile) await w.addBuffer('pg/tablespace_map', stop.spcmapfile);
    const segSize = Number((await client.query<{ s: string }>(`SELECT setting AS s FROM pg_settings WHERE name = 'wal_segment_size'`)).rows[0]!.s);
    const first = /START WAL LOCATION: .* \(file ([0-9A-F]{24})\)/.exec(stop.labelfile)?.[1];
    if (!first) throw new Error(`backup_label không có vị trí WAL bắt đầu: ${stop.labelfile}`);
    const wal = walBetween(path.join(loc.clusterDir, 'pg_wal'), first, stop.last, segSize);
    for (const name of wal) {
      if (!(await w.addFile(`pg/pg_wal/${name}`, path.join(loc.clusterDir, 'pg_wal', name)))) throw new Error(`thiếu tệp WAL ${name}`);
    }
    await client.end();
    const before = w.entries;
    await addTree(w, path.join(loc.dataDir, 'files'), 'files', '');
    const uploads = countFiles(path.join(loc.dataDir, 'files'));
    await w.addBuffer('pgpass', password);
    // The server key that encrypts secrets in the database (two-factor secrets): without it they cannot be read.
    const secretKey = path.join(loc.dataDir, SECRET_KEY_FILE);
    if (fs.existsSync(secretKey)) await w.addFile('secret.key', secretKey);
    const tail: BackupTail = { entries: w.entries + 1, stopLsn: stop.lsn, walSegments: wal, uploads: w.entries - before };
    await w.addBuffer(TAIL, JSON.stringify(tail, null, 2));
    const bytes = await w.finish();
    return { file: path.resolve(o.file), bytes, uploads, walSegments: wal.length, online, seconds: (Date.now() - t0) / 1000 };
  } catch (err) {
    await w.abort();
    await client.end().catch(() => undefined);
    throw err;
  } finally {
    await temp?.stop();
  }
}

/** Directories and regular files under `root`, as `<prefix>/<relative path>`. */
async function addTree(w: ArchiveWriter, root: string, prefix: string, rel: string): Promise<void> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // removed meanwhile (a dropped database), or no uploads yet
    throw err;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (prefix === 'pg' && skipped(r, e.name)) continue;
    if (prefix === 'files' && e.name.endsWith('.tmp')) continue; // an upload being written; not referenced yet
    if (e.isDirectory()) {
      await w.addDir(`${prefix}/${r}`);
      if (prefix === 'pg' && EMPTIED_DIRS.has(r)) {
        if (r === 'pg_wal') for (const sub of ['archive_status', 'summaries']) await w.addDir(`pg/pg_wal/${sub}`);
      } else await addTree(w, root, prefix, r);
    } else if (e.isFile()) {
      await w.addFile(`${prefix}/${r}`, path.join(root, r));
    } else if (e.isSymbolicLink() && rel === 'pg_tblspc') {
      throw new StartError('Cụm PostgreSQL dùng tablespace riêng: bản sao lưu của motcua không hỗ trợ; dùng pg_basebackup.');
    }
  }
}

function skipped(rel: string, name: string): boolean {
  if (!rel.includes('/') && (TOP_FILES.has(name) || name.startsWith('.s.PGSQL.'))) return true;
  return name === 'pg_internal.init' || name.startsWith('pgsql_tmp');
}

/** The WAL segment files from `first` to `last` (same timeline), checked to be all there, plus timeline history files. */
function walBetween(dir: string, first: string, last: string, segSize: number): string[] {
  const perLog = 0x1_0000_0000 / segSize;
  const segno = (n: string) => parseInt(n.slice(8, 16), 16) * perLog + parseInt(n.slice(16, 24), 16);
  const names = fs.readdirSync(dir);
  const wanted = names.filter((n) => WAL_SEGMENT.test(n) && n.slice(0, 8) === first.slice(0, 8) && segno(n) >= segno(first) && segno(n) <= segno(last)).sort();
  if (wanted.length !== segno(last) - segno(first) + 1) throw new Error(`thiếu tệp WAL giữa ${first} và ${last}`);
  return [...names.filter((n) => n.endsWith('.history')).sort(), ...wanted];
}

function countFiles(dir: string): number {
  let n = 0;
  try {
    for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && !e.name.endsWith('.tmp')) n++;
  } catch {
    /* no uploads */
  }
  return n;
}
