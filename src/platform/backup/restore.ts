import { SECRET_KEY_FILE } from '../secret-key';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { pgBinaries } from '../pg/binaries';
import { findCluster, prepareCluster, removeDataDir } from '../pg/cluster';
import type { PgLog } from '../pg/log';
import { freePort } from '../pg/ports';
import { isPostmasterOf, ownerAlive, readOwner, readPostmasterPid } from '../pg/processes';
import { PgSupervisor } from '../pg/supervisor';
import { chownTree, postgresRunAs } from '../pg/system-user';
import { StartError } from '../start-error';
import { readAll, readArchive, type ArchiveEntry } from './archive';
import { BACKUP_FORMAT, HEAD, TAIL, type BackupHead, type BackupTail } from './format';

export interface RestoreSummary {
  dataDir: string;
  clusterDir: string;
  createdAt: string;
  dossiers: number;
  uploads: number;
  seconds: number;
}

/**
 * `npm run restore -- <file> [--force]`: unpacks a backup (see backup.ts) into an empty data directory, then starts
 * PostgreSQL on it once — replaying the archived WAL up to the end of the backup — and checks the result: the
 * database opens, and every uploaded file the database names is there with the same SHA-256. A non-empty data
 * directory is refused unless `force`, and never while a motcua or its PostgreSQL is running on it.
 */
export async function restoreInstallation(o: { file: string; dataDir: string; force: boolean; log: PgLog }): Promise<RestoreSummary> {
  const t0 = Date.now();
  if (!fs.existsSync(o.file)) throw new StartError(`Không thấy tệp sao lưu ${path.resolve(o.file)}.`);
  const dataDir = path.resolve(o.dataDir);
  const existing = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
  if (existing.length) {
    if (!o.force) {
      throw new StartError(`Thư mục dữ liệu ${dataDir} không trống (${existing.slice(0, 4).join(', ')}${existing.length > 4 ? ', …' : ''}). `
        + 'Chỉ khôi phục vào thư mục trống (đặt MOTCUA_DATA_DIR tới một thư mục mới), hoặc thêm --force để xóa dữ liệu hiện có và thay bằng bản sao lưu.');
    }
    assertNotInUse(dataDir);
    removeDataDir(dataDir);
    o.log.warn(`Đã xóa dữ liệu cũ trong ${dataDir} (--force).`);
  }
  await checkHead(o.file); // before touching the data directory
  const runAs = postgresRunAs();
  const loc = prepareCluster(dataDir, runAs, o.log);
  fs.mkdirSync(loc.clusterDir, { recursive: true, mode: 0o700 });
  try {
    const { head } = await unpack(o.file, dataDir, loc.clusterDir);
    fs.chmodSync(loc.clusterDir, 0o700);
    chownTree(loc.clusterDir, runAs);
    o.log.info(`Đã giải nén bản sao lưu lúc ${head.createdAt}; khởi động PostgreSQL để phục hồi tới cuối bản sao lưu và kiểm tra…`);
    const checked = await verify(dataDir, o.log);
    return { dataDir, clusterDir: loc.clusterDir, createdAt: head.createdAt, ...checked, seconds: (Date.now() - t0) / 1000 };
  } catch (err) {
    removeDataDir(dataDir); // a half restore must not pass for data
    throw err;
  }
}

function assertNotInUse(dataDir: string): void {
  const owner = readOwner(dataDir);
  const loc = findCluster(dataDir);
  const pm = readPostmasterPid(loc.clusterDir);
  if ((owner && ownerAlive(owner)) || (pm && isPostmasterOf(pm.pid, loc.clusterDir))) {
    throw new StartError(`motcua hoặc PostgreSQL của nó đang chạy trên ${dataDir} (PID ${owner?.pid ?? pm?.pid}). Dừng motcua trước khi khôi phục đè lên.`);
  }
}

const notBackup = (file: string) => new StartError(`${path.resolve(file)} không phải một bản sao lưu của motcua (tạo bằng npm run backup).`);

async function readHead(file: string, e: ArchiveEntry): Promise<BackupHead> {
  if (e.name !== HEAD) throw notBackup(file);
  const head = JSON.parse((await readAll(e.stream)).toString('utf8')) as BackupHead;
  if (head.product !== 'motcua' || head.format !== BACKUP_FORMAT) throw notBackup(file);
  if (head.pgMajor !== pgBinaries().major) {
    throw new StartError(`Bản sao lưu là của PostgreSQL ${head.pgMajor}, còn PostgreSQL nhúng ở đây là ${pgBinaries().major}: bản sao vật lý chỉ khôi phục được trên cùng phiên bản. Dùng phiên bản motcua đã tạo bản sao lưu.`);
  }
  return head;
}

function unreadable(file: string, err: unknown): Error {
  if (err instanceof StartError) return err;
  return new StartError(`Không đọc được bản sao lưu ${path.resolve(file)}: ${(err as Error).message}. Tệp bị hỏng hoặc không phải bản sao lưu của motcua.`, { cause: err });
}

async function checkHead(file: string): Promise<void> {
  try {
    for await (const e of readArchive(file)) {
      await readHead(file, e);
      return;
    }
  } catch (err) {
    throw unreadable(file, err);
  }
  throw notBackup(file);
}

async function unpack(file: string, dataDir: string, clusterDir: string): Promise<{ head: BackupHead; tail: BackupTail }> {
  let head: BackupHead | undefined;
  let tail: BackupTail | undefined;
  let count = 0;
  try {
    for await (const e of readArchive(file)) {
      count++;
      if (count === 1) {
        head = await readHead(file, e);
        continue;
      }
      if (e.name === TAIL) {
        tail = JSON.parse((await readAll(e.stream)).toString('utf8')) as BackupTail;
        continue;
      }
      let target: string | undefined;
      if (e.name === 'pgpass') target = path.join(dataDir, '.pgpass-motcua');
      else if (e.name === 'secret.key') target = path.join(dataDir, SECRET_KEY_FILE);
      else if (e.name.startsWith('pg/')) target = path.join(clusterDir, e.name.slice(3));
      else if (e.name.startsWith('files/')) target = path.join(dataDir, 'files', e.name.slice(6));
      if (!target) {
        e.skip();
        continue;
      }
      if (e.type === 'directory') {
        fs.mkdirSync(target, { recursive: true, mode: 0o700 });
        e.skip();
      } else {
        fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        await pipeline(e.stream, fs.createWriteStream(target, { mode: e.name === 'pgpass' || e.name === 'secret.key' ? 0o600 : e.mode & 0o777 }));
      }
    }
  } catch (err) {
    throw unreadable(file, err);
  }
  if (!head) throw notBackup(file);
  if (!tail || tail.entries !== count) throw new StartError(`Bản sao lưu ${path.resolve(file)} không đầy đủ (bị cắt ngang khi tạo hoặc khi chép). Dùng một bản sao lưu khác.`);
  return { head, tail };
}

/** Starts PostgreSQL on the restored cluster (WAL replay to the end of the backup), checks, and stops it cleanly. */
async function verify(dataDir: string, log: PgLog): Promise<{ dossiers: number; uploads: number }> {
  const sup = new PgSupervisor({ dataDir, port: await freePort(), log });
  await sup.start();
  try {
    const admin = new pg.Client({ connectionString: sup.url('postgres') });
    await admin.connect();
    const hasApp = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'motcua'`)).rowCount === 1;
    await admin.end();
    if (!hasApp) return { dossiers: 0, uploads: 0 };
    const c = new pg.Client({ connectionString: sup.url('motcua') });
    await c.connect();
    try {
      const dossiers = Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM dossiers')).rows[0]!.n);
      const files = (await c.query<{ sha256: string; size: string }>('SELECT sha256, size FROM stored_files')).rows;
      const bad: string[] = [];
      for (const f of files) {
        const p = path.join(dataDir, 'files', f.sha256.slice(0, 2), f.sha256.slice(2, 4), f.sha256);
        const ok = fs.existsSync(p) && createHash('sha256').update(fs.readFileSync(p)).digest('hex') === f.sha256;
        if (!ok) bad.push(f.sha256);
      }
      if (bad.length) throw new StartError(`Bản sao lưu thiếu hoặc sai ${bad.length} tệp tải lên mà cơ sở dữ liệu có ghi (ví dụ ${bad[0]}).`);
      return { dossiers, uploads: files.length };
    } finally {
      await c.end();
    }
  } finally {
    await sup.stop();
  }
}
