#!/usr/bin/env node
// `npm start`: regenerate the web app's API types when the server changed, build the web app and the server when
// their output is missing or older than their sources, then run the compiled server (dist/main.js). In a terminal
// its JSON logs are printed readably (pino-pretty).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale, serverCommand } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'web/dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

// The web app's API types follow the server's schemas (`npm run gen:api`): regenerated when a server source is newer
// than the last check (it rewrites the file only when the API changed, which then rebuilds the web app below).
const serverSrc = path.join(root, 'src');
const apiTypes = path.join(root, 'web/src/api/schema.gen.ts');
const apiStamp = path.join(root, 'node_modules/.cache/motcua/api-types-checked');
if (fs.existsSync(serverSrc) && fs.existsSync(apiTypes)) {
  const checked = Math.max(fs.statSync(apiTypes).mtimeMs, fs.existsSync(apiStamp) ? fs.statSync(apiStamp).mtimeMs : 0);
  if (newestMtime(serverSrc) > checked) {
    console.log('Đang cập nhật kiểu dữ liệu API của giao diện web (npm run gen:api)…');
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/gen-api.ts')], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

const webSrc = path.join(root, 'web/src');
if (fs.existsSync(webSrc)) {
  const stale = !fs.existsSync(dist) || newestMtime(webSrc) > fs.statSync(dist).mtimeMs;
  if (stale) {
    console.log('Đang build giao diện web (web/dist)…');
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
if (fs.existsSync(path.join(root, 'node_modules'))) {
  fs.mkdirSync(path.dirname(apiStamp), { recursive: true });
  fs.writeFileSync(apiStamp, '');
}

try {
  await buildIfStale(root);
} catch (err) {
  console.error('Không biên dịch được máy chủ:', err instanceof Error ? err.message : err);
  process.exit(1);
}

// The server runs as a child so Ctrl-C reaches it once; it stops its embedded database itself.
const tty = process.stdout.isTTY === true;
const server = serverCommand(root);
const child = spawn(server.command, server.args, { cwd: root, stdio: ['inherit', tty ? 'pipe' : 'inherit', 'inherit'], env: server.env });
if (tty) {
  const { prettyLogs } = await import('./pretty-logs.mjs');
  child.stdout.pipe(prettyLogs());
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
// Killed by a signal it did not handle (SIGKILL, the OOM killer): fail as a shell would (128 + signal number), so a
// service manager restarting on failure restarts it. 'close', not 'exit': the last lines the server printed
// ("Đã dừng.") are through the pipe by then.
child.on('close', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
