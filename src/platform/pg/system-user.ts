import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { StartError } from '../start-error';

/** The system account PostgreSQL runs as when motcua runs as root (PostgreSQL refuses to run as root). */
export interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

const PG_USER = 'postgres';

function lookup(): RunAs | undefined {
  const r = spawnSync('getent', ['passwd', PG_USER], { encoding: 'utf8' });
  const cols = r.status === 0 ? r.stdout.trim().split(':') : [];
  return cols.length >= 4 ? { name: PG_USER, uid: Number(cols[2]), gid: Number(cols[3]) } : undefined;
}

/** undefined when not root: PostgreSQL then runs as the current user. As root: the `postgres` user, created if missing. */
export function postgresRunAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const found = lookup();
  if (found) return found;
  const common = ['--system', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin'];
  // Its own group, or the `postgres` group if one is already there (useradd refuses --user-group then).
  const groupExists = spawnSync('getent', ['group', PG_USER]).status === 0;
  const r = spawnSync('useradd', [...common, ...(groupExists ? ['-g', PG_USER] : ['--user-group']), PG_USER], { encoding: 'utf8' });
  const created = lookup();
  if (!created) {
    throw new StartError(`motcua chạy dưới quyền root nên PostgreSQL nhúng phải chạy bằng người dùng hệ thống "${PG_USER}", nhưng không tạo được người dùng này (${(r.stderr || r.error?.message || '').trim()}). Tạo nó bằng "useradd --system --user-group ${PG_USER}" hoặc chạy motcua bằng một người dùng thường.`);
  }
  return created;
}

/**
 * The first directory on the way to `dir` (itself included, if it exists) that `user` cannot pass through, judged
 * from the permission bits (ACLs aside); undefined when every existing step lets the user through.
 */
export function blockingDirectory(dir: string, user: RunAs): string | undefined {
  const parts = path.resolve(dir).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (let i = 0; i <= parts.length; i++) {
    let st: fs.Stats;
    try {
      st = fs.statSync(current);
    } catch {
      return undefined; // does not exist yet: what exists above it was passable
    }
    if (st.isDirectory()) {
      const bit = st.uid === user.uid ? 0o100 : st.gid === user.gid ? 0o010 : 0o001;
      if ((st.mode & bit) === 0) return current;
    }
    if (i < parts.length) current = path.join(current, parts[i]!);
  }
  return undefined;
}

/** chown -R to the PostgreSQL user (as root), so PostgreSQL owns what motcua created or restored for it. */
export function chownTree(p: string, user: RunAs | undefined): void {
  if (!user) return;
  const st = fs.lstatSync(p);
  fs.lchownSync(p, user.uid, user.gid);
  if (st.isDirectory()) for (const name of fs.readdirSync(p)) chownTree(path.join(p, name), user);
}
