import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StartError } from '../start-error';
import { pgBinaries } from './binaries';
import { blockingDirectory, chownTree, type RunAs } from './system-user';
import type { PgLog } from './log';

/**
 * Where the embedded cluster of a data directory lives. Normally `<data dir>/pg`. When motcua runs as root,
 * PostgreSQL runs as the `postgres` user, which cannot reach a data directory under /root or inside a
 * `mktemp -d` folder (mode 0700): a new cluster is then kept under /var/lib/motcua and `<data dir>/pg` is a
 * symbolic link to it, so the data directory still names everything (and the start log says where it went).
 */
export const RELOCATION_ROOT = '/var/lib/motcua';

export interface ClusterLocation {
  dataDir: string;
  /** `<data dir>/pg`: the cluster itself or a symbolic link to it. */
  link: string;
  /** The cluster's real directory. */
  clusterDir: string;
  relocated: boolean;
}

export const clusterExists = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'));

/** The cluster of `dataDir`, following `<data dir>/pg` if it is a link; creates nothing. */
export function findCluster(dataDir: string): ClusterLocation {
  const abs = path.resolve(dataDir);
  const link = path.join(abs, 'pg');
  let clusterDir = link;
  let relocated = false;
  try {
    if (fs.lstatSync(link).isSymbolicLink()) {
      clusterDir = path.resolve(abs, fs.readlinkSync(link));
      relocated = true;
    }
  } catch {
    /* not there yet */
  }
  return { dataDir: abs, link, clusterDir, relocated };
}

/** Deletes a data directory's contents, and its cluster under /var/lib/motcua if it was kept there; `andDir`: the directory too. */
export function removeDataDir(dataDir: string, andDir = false): void {
  const loc = findCluster(dataDir);
  if (loc.relocated) {
    fs.rmSync(loc.clusterDir, { recursive: true, force: true });
    fs.rmSync(`${loc.clusterDir}.txt`, { force: true });
  }
  if (andDir) fs.rmSync(loc.dataDir, { recursive: true, force: true });
  else if (fs.existsSync(loc.dataDir)) for (const name of fs.readdirSync(loc.dataDir)) fs.rmSync(path.join(loc.dataDir, name), { recursive: true, force: true });
}

export function relocationTarget(dataDir: string): string {
  const abs = path.resolve(dataDir);
  return path.join(RELOCATION_ROOT, `pg-${createHash('sha256').update(abs).digest('hex').slice(0, 16)}`);
}

function mkdirOrExplain(dir: string, what: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'không có quyền ghi' : code === 'EROFS' ? 'hệ thống tệp chỉ đọc' : code === 'ENOSPC' ? 'hết dung lượng đĩa' : (err as Error).message;
    throw new StartError(`Không tạo được ${what} ${dir}: ${why}. Cách sửa: cấp quyền ghi cho người dùng đang chạy motcua, hoặc đặt MOTCUA_DATA_DIR tới một thư mục ghi được.`, { cause: err });
  }
}

/**
 * Decides where the cluster of `dataDir` lives, creating the data directory and, for a new cluster that the
 * `postgres` user could not reach, the link to its place under /var/lib/motcua. Existing clusters stay where they are.
 */
export function prepareCluster(dataDir: string, runAs: RunAs | undefined, log: PgLog): ClusterLocation {
  mkdirOrExplain(path.resolve(dataDir), 'thư mục dữ liệu');
  const loc = findCluster(dataDir);
  if (clusterExists(loc.clusterDir)) {
    const blocker = runAs && blockingDirectory(loc.clusterDir, runAs);
    if (blocker) {
      throw new StartError(`Cụm PostgreSQL ở ${loc.clusterDir} không dùng được: motcua chạy dưới quyền root nên PostgreSQL chạy bằng người dùng "${runAs.name}", `
        + `và người dùng này không vào được thư mục ${blocker}. Cách sửa: cho phép đi qua thư mục đó (chmod o+x ${blocker}), `
        + `hoặc chuyển thư mục dữ liệu tới chỗ "${runAs.name}" vào được (ví dụ /var/lib/motcua/data) rồi đặt MOTCUA_DATA_DIR tới đó.`);
    }
    if (runAs && fs.statSync(loc.clusterDir).uid !== runAs.uid) chownTree(loc.clusterDir, runAs); // e.g. copied by root
    return loc;
  }
  if (fs.existsSync(loc.clusterDir) && fs.readdirSync(loc.clusterDir).length > 0) {
    throw new StartError(`Thư mục ${loc.clusterDir} có dữ liệu nhưng không phải một cụm PostgreSQL (thiếu PG_VERSION). Chuyển nó đi hoặc đặt MOTCUA_DATA_DIR tới một thư mục khác.`);
  }
  const blocker = runAs && blockingDirectory(loc.dataDir, runAs);
  if (!blocker || loc.relocated) return loc;
  const target = relocationTarget(dataDir);
  mkdirOrExplain(RELOCATION_ROOT, 'thư mục');
  fs.chmodSync(RELOCATION_ROOT, 0o755);
  if (fs.existsSync(target)) {
    // Left by an earlier data directory of the same path that was since deleted: keep it aside, never reuse it.
    const aside = `${target}.old-${Date.now()}`;
    fs.renameSync(target, aside);
    log.warn(`Cụm PostgreSQL cũ ở ${target} (của một thư mục dữ liệu cùng đường dẫn đã bị xóa) được chuyển sang ${aside}.`);
  }
  if (fs.existsSync(loc.link)) fs.rmdirSync(loc.link); // an empty directory (checked above)
  fs.symlinkSync(target, loc.link);
  fs.writeFileSync(`${target}.txt`, `Cụm PostgreSQL của thư mục dữ liệu motcua ${loc.dataDir} (liên kết ${loc.link}).\n`);
  log.info(`Thư mục dữ liệu ${loc.dataDir} nằm dưới ${blocker}, nơi người dùng hệ thống "${runAs.name}" (PostgreSQL không chạy dưới quyền root) không vào được: `
    + `cụm PostgreSQL được đặt ở ${target}, liên kết từ ${loc.link}. Tệp tải lên vẫn ở ${loc.dataDir}.`);
  return { ...loc, clusterDir: target, relocated: true };
}

/** The superuser password of the embedded cluster, kept in the data directory (loopback only, but not in the repo). */
export function clusterPassword(dataDir: string, clusterIsNew: boolean): string {
  const file = path.join(path.resolve(dataDir), '.pgpass-motcua');
  if (!fs.existsSync(file)) {
    if (!clusterIsNew) {
      throw new StartError(`Thiếu tệp mật khẩu ${file} của cụm PostgreSQL đã có trong ${dataDir}. Khôi phục tệp này từ bản sao lưu (npm run restore), hoặc chép lại cả thư mục dữ liệu.`);
    }
    fs.writeFileSync(file, randomBytes(18).toString('hex'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** initdb into a sibling directory, renamed into place when complete: an interrupted initdb leaves no half cluster. */
export async function initCluster(loc: ClusterLocation, runAs: RunAs | undefined, password: string, log: PgLog): Promise<void> {
  const { initdb } = pgBinaries();
  const tmp = `${loc.clusterDir}.init-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { mode: 0o700 });
  const pwDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-initdb-'));
  const pwFile = path.join(pwDir, 'pw');
  fs.writeFileSync(pwFile, password + '\n', { mode: 0o600 });
  chownTree(tmp, runAs);
  chownTree(pwDir, runAs);
  log.info(`Tạo cụm PostgreSQL mới ở ${loc.clusterDir}…`);
  try {
    const out = await run(initdb, ['-D', tmp, '--username=postgres', `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8',
      // The builtin C.UTF-8 locale: Unicode upper/lower and code-point order on any machine, whatever its OS locales.
      '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--locale=C', '--no-instructions'], runAs);
    if (out.code !== 0) {
      throw new StartError(`initdb không tạo được cụm PostgreSQL ở ${loc.clusterDir} (mã thoát ${out.code}): ${lastLines(out.output, 3)}. Kiểm tra dung lượng đĩa và quyền ghi thư mục.`);
    }
  } finally {
    fs.rmSync(pwDir, { recursive: true, force: true });
  }
  fs.renameSync(tmp, loc.clusterDir);
}

function run(cmd: string, args: string[], runAs: RunAs | undefined): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}), cwd: os.tmpdir(), env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

export function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).map((l) => l.trim()).join(' / ') || '(không có thông báo)';
}
