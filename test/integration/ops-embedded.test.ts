import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../src/platform/pg/processes';
import { postgresRunAs } from '../../src/platform/pg/system-user';
import {
  api, cleanup, download, freePort, health, login, postmasterPid, register, runCli, sequenceNumbers, spawnApp, stopApp, tempDir, trackDataDir,
  until, upload, waitHealthy, type AppProcess,
} from '../support/ops';

// The embedded PostgreSQL in real processes (issue 11, points 2-4): the app as `node --import tsx src/main.ts` on a
// data directory inside a `mktemp -d` folder (mode 0700: as root, the `postgres` user cannot enter it), its
// PostgreSQL killed with SIGKILL under it, the app itself killed with SIGKILL and started again, then
// `npm run backup` while it runs and `npm run restore` into a new data directory. One data directory goes through
// these steps in order, as an installation would.
const root = process.getuid?.() === 0;
let dataDir: string;
let pgPort: number;
let app: AppProcess;
let clerk: string;
const codes: string[] = [];
const pdf = Buffer.from(`%PDF-1.4\n% tờ khai của người nộp — ${Date.now()}\n${'x'.repeat(3000)}\n%%EOF\n`);
let file: { code: string; id: string };

beforeAll(async () => {
  dataDir = path.join(tempDir('ops'), 'data');
  pgPort = await freePort();
});
afterAll(cleanup, 60_000);

/** Today's dossier codes of the center of `sample`, read straight from a data directory's running PostgreSQL. */
async function todaysCodes(dir: string, port: number, sample: string): Promise<string[]> {
  const password = fs.readFileSync(path.join(dir, '.pgpass-motcua'), 'utf8').trim();
  const c = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/motcua` });
  await c.connect();
  try {
    const prefix = sample.slice(0, sample.lastIndexOf('-') + 1);
    return (await c.query<{ code: string }>('SELECT code FROM dossiers WHERE code LIKE $1 ORDER BY code', [`${prefix}%`])).rows.map((r) => r.code);
  } finally {
    await c.end();
  }
}

const noRawErrors = (out: string) => {
  expect(out).not.toContain('Không khởi động được motcua: undefined');
  expect(out).not.toMatch(/initdb: (error|could not)/);
};

describe('embedded PostgreSQL, real processes', () => {
  it('starts with its data directory where the postgres user cannot reach (as root: the cluster goes to /var/lib/motcua and the log says so)', async () => {
    app = await spawnApp({ MOTCUA_DATA_DIR: dataDir, MOTCUA_PG_PORT: String(pgPort) });
    await waitHealthy(app);
    const link = path.join(dataDir, 'pg');
    if (root) {
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
      const target = fs.readlinkSync(link);
      expect(target).toMatch(/^\/var\/lib\/motcua\/pg-[0-9a-f]{16}$/);
      expect(app.output()).toContain(`cụm PostgreSQL được đặt ở ${target}, liên kết từ ${link}`);
      expect(fs.statSync(target).uid).toBe(postgresRunAs()!.uid);
    } else {
      expect(fs.statSync(link).isDirectory()).toBe(true);
    }
    clerk = await login(app, 'tn.tp');
    for (let i = 1; i <= 3; i++) codes.push(await register(app, clerk, i));
    file = { code: codes[0]!, id: await upload(app, clerk, codes[0]!, pdf, 'to-khai.pdf') };
    noRawErrors(app.output());
  }, 180_000);

  it.runIf(root)('stops at once, in Vietnamese, on an existing cluster the postgres user cannot reach, naming the directory and the fix', async () => {
    const other = path.join(tempDir('unreachable'), 'data');
    fs.mkdirSync(path.join(other, 'pg'), { recursive: true });
    fs.writeFileSync(path.join(other, 'pg', 'PG_VERSION'), '18\n');
    const bad = await spawnApp({ MOTCUA_DATA_DIR: other, MOTCUA_PG_PORT: String(await freePort()) });
    const exit = await Promise.race([bad.exited, new Promise((r) => setTimeout(r, 60_000, 'timeout'))]);
    expect(exit).toEqual({ code: 1, signal: null });
    const blocker = path.dirname(other);
    expect(bad.output()).toContain(`Không khởi động được motcua: Cụm PostgreSQL ở ${path.join(other, 'pg')} không dùng được`);
    expect(bad.output()).toContain(`chmod o+x ${blocker}`);
    expect(bad.output()).toContain('MOTCUA_DATA_DIR');
    noRawErrors(bad.output());
  }, 90_000);

  it('answers 503 in Vietnamese (never 500) while its PostgreSQL is killed, restarts it and takes writes again within 60 s', async () => {
    const pm = postmasterPid(dataDir)!;
    expect(pm).toBeGreaterThan(0);
    const seen: number[] = [];
    process.kill(pm, 'SIGKILL');
    const t0 = Date.now();
    // Health and an ordinary route during the outage (asked together: the outage lasts about a second): both 503
    // problem+json with a Vietnamese reason.
    let down: Awaited<ReturnType<typeof health>>;
    let route: Awaited<ReturnType<typeof api>> | undefined;
    await until('health and a route answering 503', 20_000, async () => {
      const [h, r] = await Promise.all([health(app), api(app, 'GET', '/dossiers?limit=1', clerk)]);
      if (h) seen.push(h.status);
      seen.push(r.status);
      if (h?.status === 503) down ??= h;
      if (r.status === 503) route ??= r;
      return down && route ? true : undefined;
    }, app);
    expect(down!.body).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', title: 'Dịch vụ tạm thời gián đoạn' });
    expect(String(down!.body.detail)).toMatch(/PostgreSQL nhúng đã dừng bất thường|Cơ sở dữ liệu tạm thời không truy cập được/);
    expect(route!.type).toContain('application/problem+json');
    expect(String(route!.json.detail)).toMatch(/[ơư]/);
    // Back by itself: health 200 and a registration accepted, within 60 s of the kill.
    await until('health 200 again', 60_000, async () => {
      const h = await health(app);
      if (h) seen.push(h.status);
      return h?.status === 200 ? true : undefined;
    }, app);
    codes.push(await register(app, clerk, 4));
    const recovered = Date.now() - t0;
    expect(recovered).toBeLessThan(60_000);
    expect(seen).not.toContain(500);
    expect(postmasterPid(dataDir)).not.toBe(pm);
    const out = app.output();
    expect(out).toContain(`PostgreSQL nhúng (PID ${pm}) đã dừng bất thường (tín hiệu SIGKILL). Đang khởi động lại…`);
    expect(out).toContain('Khởi động lại PostgreSQL nhúng (lần 1)…');
    expect(out).toMatch(/PostgreSQL nhúng đã chạy lại \(PID \d+\) sau [\d,]+ s; cơ sở dữ liệu hoạt động trở lại\./);
    console.log(`ops: embedded PostgreSQL killed → back (health 200 + a write) in ${recovered} ms`);
  }, 120_000);

  it('after kill -9 of the app, the next start stops the PostgreSQL it left behind and is up within 60 s, nothing lost', async () => {
    const orphan = postmasterPid(dataDir)!;
    app.child.kill('SIGKILL');
    await app.exited;
    expect(isAlive(orphan)).toBe(true); // left running, holding the data directory
    app = await spawnApp({ MOTCUA_DATA_DIR: dataDir, MOTCUA_PG_PORT: String(pgPort) });
    const ms = await waitHealthy(app, 60_000);
    expect(ms).toBeLessThan(60_000);
    expect(isAlive(orphan)).toBe(false);
    expect(app.output()).toContain(`PostgreSQL (PID ${orphan}) vẫn chạy trên`);
    expect(app.output()).toMatch(new RegExp(`Đã dừng PostgreSQL cũ \\(PID ${orphan}, `));
    noRawErrors(app.output());
    clerk = await login(app, 'tn.tp');
    for (const code of codes) expect((await api(app, 'GET', `/dossiers/${code}`, clerk)).status).toBe(200);
    console.log(`ops: restart after kill -9 of the app: healthy in ${ms} ms`);
  }, 120_000);

  let backupFile: string;
  let afterBackup: string;
  it('backs up while clerks keep registering; restore refuses a non-empty directory, restores into a new one, and the copy has the same dossiers, gap-free numbering that continues, and the file bytes', async () => {
    backupFile = path.join(tempDir('backup'), 'motcua.tar.gz');
    // Two clerks registering without pause during the whole backup: the copy must be one consistent moment.
    let loading = true;
    const during: string[] = [];
    const load = Promise.all([1, 2].map(async (w) => {
      for (let i = 0; loading; i++) during.push(await register(app, clerk, w * 10_000 + i));
    }));
    await until('registrations under way', 10_000, () => (during.length >= 4 ? true : undefined));
    const b = await runCli('backup', [backupFile], { MOTCUA_DATA_DIR: dataDir });
    loading = false;
    await load;
    expect(b.out).toContain('khi motcua đang chạy');
    expect(b.code).toBe(0);
    afterBackup = await register(app, clerk, 5); // after the backup: must not be in the copy
    await stopApp(app);

    const busy = tempDir('not-empty');
    fs.writeFileSync(path.join(busy, 'keep.txt'), 'dữ liệu cũ');
    const refused = await runCli('restore', [backupFile], { MOTCUA_DATA_DIR: busy });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`Thư mục dữ liệu ${busy} không trống (keep.txt)`);
    expect(refused.out).toContain('--force');
    expect(fs.readdirSync(busy)).toEqual(['keep.txt']);

    const copy = trackDataDir(path.join(tempDir('restored'), 'data'));
    const r = await runCli('restore', [backupFile], { MOTCUA_DATA_DIR: copy });
    expect(r.out).toMatch(/: \d+ hồ sơ, 1 tệp tải lên \(đã kiểm tra SHA-256\)/);
    expect(r.code).toBe(0);

    const copyPgPort = await freePort();
    const restored = await spawnApp({ MOTCUA_DATA_DIR: copy, MOTCUA_PG_PORT: String(copyPgPort) });
    await waitHealthy(restored);
    const c = await login(restored, 'tn.tp');
    for (const code of codes) expect((await api(restored, 'GET', `/dossiers/${code}`, c)).json.code).toBe(code);
    expect((await api(restored, 'GET', `/dossiers/${afterBackup}`, c)).status).toBe(404);
    expect((await download(restored, c, file.code, file.id)).equals(pdf)).toBe(true);
    // One moment: today's numbers in the copy run 1..M without a gap (numbers are taken in commit order), M covers
    // what was registered before the backup and some of what was registered during it.
    const inCopy = await todaysCodes(copy, copyPgPort, codes[0]!);
    const m = inCopy.length;
    expect(sequenceNumbers(inCopy)).toEqual(Array.from({ length: m }, (_, i) => i + 1));
    expect(m).toBeGreaterThanOrEqual(codes.length);
    expect(m).toBeLessThan(codes.length + during.length + 1);
    expect(r.out).toContain(`: ${m} hồ sơ, 1 tệp tải lên`);
    // Numbering continues from the copy: the next registration takes number M + 1.
    const next = await register(restored, c, 6);
    expect(sequenceNumbers([next])).toEqual([m + 1]);
    await stopApp(restored);
    codes.push(...during, afterBackup); // what the original installation now holds
  }, 180_000);

  it('backs up a stopped installation too, and restore --force replaces a non-empty directory', async () => {
    const stoppedFile = path.join(tempDir('backup-stopped'), 'motcua.tar.gz');
    const b = await runCli('backup', [stoppedFile], { MOTCUA_DATA_DIR: dataDir });
    expect(b.out).toContain('khi motcua đang dừng');
    expect(b.code).toBe(0);
    const target = trackDataDir(path.join(tempDir('forced'), 'data'));
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'old.txt'), 'cũ');
    const r = await runCli('restore', [stoppedFile, '--force'], { MOTCUA_DATA_DIR: target });
    expect(r.out).toContain(`: ${codes.length} hồ sơ, 1 tệp tải lên`);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(target, 'old.txt'))).toBe(false);
  }, 120_000);

  it('says in Vietnamese which port is taken when the PostgreSQL port is busy (never "undefined")', async () => {
    const blocker = net.createServer();
    const busyPort = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)));
    try {
      const bad = await spawnApp({ MOTCUA_DATA_DIR: dataDir, MOTCUA_PG_PORT: String(busyPort) });
      const exit = await Promise.race([bad.exited, new Promise((r) => setTimeout(r, 60_000, 'timeout'))]);
      expect(exit).toEqual({ code: 1, signal: null });
      expect(bad.output()).toContain(`Không khởi động được motcua: Cổng ${busyPort} của PostgreSQL nhúng đang bị một chương trình khác chiếm. Đặt MOTCUA_PG_PORT`);
      noRawErrors(bad.output());
      expect(postmasterPid(dataDir)).toBeUndefined(); // nothing left running
    } finally {
      blocker.close();
    }
  }, 90_000);
});
