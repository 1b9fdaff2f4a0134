import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
// @ts-expect-error plain ESM scripts without type declarations
import { build, buildIfStale, serverCommand, staleReason } from '../../scripts/build.mjs';
// @ts-expect-error plain ESM scripts without type declarations
import { prettyLogs } from '../../scripts/pretty-logs.mjs';
import { withDatabase } from '../../src/platform/db';
import { pdfText } from '../support/forms/pdf';

// `npm start` runs the compiled server (dist/), rebuilt when the sources change (scripts/build.mjs).
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempRoot(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-build-'));
  tmp.push(d);
  return d;
}
const write = (root: string, rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};

describe('the build and its staleness', () => {
  it('compiles file for file with runnable imports, copies the other files, and rebuilds exactly when the sources change', async () => {
    const root = tempRoot();
    write(root, 'tsconfig.json', '{}');
    write(root, 'src/main.ts', "import { answer } from './lib';\nimport { twice } from './util/math';\nimport fs from 'node:fs';\nconst sql: string = fs.readFileSync(new URL('./db/001.sql', import.meta.url), 'utf8');\nconsole.log(answer, twice(21), sql.trim());\n");
    write(root, 'src/lib/index.ts', 'export const answer: number = 42;\nexport type Unused = { a: string };\n');
    write(root, 'src/util/math.ts', "import type { Unused } from '../lib';\nexport const twice = (n: number): number => n * 2;\nexport type Also = Unused;\n");
    write(root, 'src/db/001.sql', 'SELECT 1;\n');
    write(root, 'src/util/math.test.ts', "import { twice } from './math';\n");

    expect(staleReason(root)).toBe('dist/ has not been built');
    expect(await buildIfStale(root, () => undefined)).toBe(true);
    expect(staleReason(root)).toBeNull();
    expect(await buildIfStale(root, () => undefined)).toBe(false);
    expect(fs.readFileSync(path.join(root, 'dist/main.js'), 'utf8')).toContain('from "./lib/index.js"');
    expect(fs.existsSync(path.join(root, 'dist/db/001.sql'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'dist/util/math.test.js'))).toBe(false);
    const run = () => new Promise<string>((resolve, reject) => {
      const c = spawn(process.execPath, [path.join(root, 'dist/main.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      c.stdout.on('data', (d) => (out += d));
      c.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`exit ${code}`))));
    });
    expect(await run()).toBe('42 42 SELECT 1;');

    // A touch that changes nothing does not rebuild; a changed byte, a new file or a removed file does.
    const f = path.join(root, 'src/lib/index.ts');
    fs.utimesSync(f, new Date(), new Date(Date.now() + 5000));
    expect(staleReason(root)).toBeNull();
    fs.appendFileSync(f, '// edited\n');
    expect(staleReason(root)).toBe('the sources changed since the last build');
    await build(root);
    write(root, 'src/db/002.sql', 'SELECT 2;\n');
    expect(staleReason(root)).not.toBeNull();
    await build(root);
    expect(fs.existsSync(path.join(root, 'dist/db/002.sql'))).toBe(true);
    // A migration removed from src/ must not survive in dist/ (the runner would apply it).
    fs.rmSync(path.join(root, 'src/db/002.sql'));
    expect(staleReason(root)).not.toBeNull();
    await build(root);
    expect(fs.existsSync(path.join(root, 'dist/db/002.sql'))).toBe(false);
    // Test files are not part of the build: editing one rebuilds nothing.
    fs.appendFileSync(path.join(root, 'src/util/math.test.ts'), '// more\n');
    expect(staleReason(root)).toBeNull();
  });

  it('a failed build says why and leaves the previous dist/ in place', async () => {
    const root = tempRoot();
    write(root, 'tsconfig.json', '{}');
    write(root, 'src/main.ts', 'export const ok = 1;\n');
    await build(root);
    write(root, 'src/main.ts', "import { nothing } from './missing';\nexport const ok = nothing;\n");
    await expect(build(root)).rejects.toThrow(/cannot resolve \.\/missing/);
    expect(fs.readFileSync(path.join(root, 'dist/main.js'), 'utf8')).toContain('ok = 1');
    expect(staleReason(root)).not.toBeNull();
  });
});

describe('the compiled server', () => {
  it('finds its migrations, seed data, fonts and web app from dist/, and prints PDFs in its compiled workers', async () => {
    // A copy of the sources (node_modules and data/seed linked) compiled as `npm start` does, on an empty database.
    const root = tempRoot();
    fs.cpSync(path.join(repo, 'src'), path.join(root, 'src'), { recursive: true });
    fs.mkdirSync(path.join(root, 'scripts'));
    fs.copyFileSync(path.join(repo, 'scripts/build.mjs'), path.join(root, 'scripts/build.mjs'));
    fs.copyFileSync(path.join(repo, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'));
    fs.mkdirSync(path.join(root, 'data'));
    fs.symlinkSync(path.join(repo, 'data/seed'), path.join(root, 'data/seed'));
    write(root, 'web/dist/index.html', '<!doctype html><title>motcua build test</title>');
    await build(root);

    const server = inject('pgServerUrl');
    const name = `motcua_test_build_${process.pid}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const cmd = serverCommand(root, { ...process.env, DATABASE_URL: withDatabase(server, name), MOTCUA_DEMO: '1', PORT: '0', HOST: '127.0.0.1', MOTCUA_LOG_LEVEL: 'warn', MOTCUA_DATA_DIR: path.join(root, 'data') });
    const child = spawn(cmd.command, cmd.args, { cwd: root, env: cmd.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${out}`)), 60_000);
        child.stdout.on('data', () => {
          const m = /motcua đang chạy: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
      });
      expect(out).toMatch(/Đã áp dụng \d+ migration: 001_foundation\.sql/);
      expect(out).toContain('Đã nạp danh mục: 94 thủ tục hành chính.');
      expect(await (await fetch(`${base}/`)).text()).toContain('motcua build test');
      expect((await fetch(`${base}/metrics`)).status).toBe(200);

      const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tn.tp', password: 'motcua-demo' }) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      // The legal clock (data/seed/vn-holidays.json) gives the appointment; the slip comes from a compiled worker.
      const reg = await fetch(`${base}/api/v1/dossiers`, {
        method: 'POST', headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ procedure: '2.000748', channel: 'direct', receive: true, applicant: { fullName: 'Trần Thị Bích', idNumber: '046080012345', phone: '0905000111', address: 'Phú Bài' } }),
      });
      expect(reg.status).toBe(201);
      const { code, dueAt } = (await reg.json()) as { code: string; dueAt: string };
      expect(dueAt).toBeTruthy();
      // The slip is handed out once the 25.000 đ due at reception is paid, at the fee counter.
      const collectorLogin = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'thuphi', password: 'motcua-demo' }) });
      const collector = collectorLogin.headers.get('set-cookie')!.split(';')[0];
      const paid = await fetch(`${base}/api/v1/dossiers/${encodeURIComponent(code)}/payments`, {
        method: 'POST', headers: { cookie: collector, 'content-type': 'application/json' }, body: JSON.stringify({ method: 'cash', amount: 25_000, tendered: 25_000 }),
      });
      expect(paid.status).toBe(201);
      const pdf = await fetch(`${base}/api/v1/dossiers/${encodeURIComponent(code)}/forms/receipt.pdf`, { headers: { cookie } });
      expect(pdf.status).toBe(200);
      const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
      expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
      expect(text).toContain('Trần Thị Bích');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('close', r));
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});

describe('npm start in a terminal', () => {
  it('prints the JSON log lines readably and passes other lines through', async () => {
    const sink = new PassThrough();
    let out = '';
    sink.on('data', (d) => (out += d));
    const pretty = prettyLogs({ destination: sink, colorize: false });
    pretty.write(`${JSON.stringify({ level: 30, time: Date.UTC(2025, 2, 12, 3, 20), pid: 1, hostname: 'h', reqId: 'req-7', msg: 'request completed', responseTime: 3.5 })}\n`);
    pretty.write('Khởi động PostgreSQL nhúng…\n');
    pretty.write(`${JSON.stringify({ level: 50, time: Date.UTC(2025, 2, 12, 3, 21), msg: 'unhandled error', err: { type: 'Error', message: 'boom' } })}\n`);
    pretty.end();
    await new Promise((r) => setTimeout(r, 100));
    expect(out).toMatch(/\[12\/03\/2025 \d\d:20:00\] INFO: request completed\n\s+reqId: "req-7"\n\s+responseTime: 3\.5/);
    expect(out).toContain('Khởi động PostgreSQL nhúng…\n');
    expect(out).toMatch(/ERROR: unhandled error/);
    expect(out).not.toContain('"pid"');
    expect(out).not.toContain('{"level"');
  });
});
