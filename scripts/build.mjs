#!/usr/bin/env node
// `npm run build`: compile the server (src/**/*.ts) to JavaScript in dist/, so `npm start` runs plain Node instead
// of compiling TypeScript at run time (tsx held ~100 MB and slowed every start).
//
// One output file per source file, at the same depth: src/http/app.ts → dist/http/app.js. Every path the code
// resolves from import.meta.url ('../../web/dist', '../../data/seed/…', node_modules for the fonts) therefore lands
// where it did from src/, and the other files under src/ (the .sql migrations) are copied beside the code.
// Relative imports are written without extensions in the sources ('./config', '../platform/pdf'); the compiled
// files need './config.js' and '../platform/pdf/index.js', which the plugin below writes.
//
// dist/.build-stamp holds a fingerprint of what the build read (every file under src/, this script, tsconfig.json,
// the installed esbuild); `npm start` rebuilds when it differs — after an edit, a checkout or a pull.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..');
const STAMP = '.build-stamp';

function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p, base));
    else if (entry.isFile()) out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}

const isSource = (f) => f.endsWith('.ts') && !f.endsWith('.d.ts');
const isTest = (f) => /\.test\.ts$/.test(f);

/** Hash of every input of the build: the files under src/ (names and bytes), this script, tsconfig.json, esbuild. */
export function sourceFingerprint(root = ROOT) {
  const h = createHash('sha256');
  const src = path.join(root, 'src');
  for (const f of listFiles(src)) {
    if (isTest(f)) continue;
    h.update(`src/${f}\0`).update(fs.readFileSync(path.join(src, f))).update('\0');
  }
  for (const f of ['scripts/build.mjs', 'tsconfig.json', 'node_modules/esbuild/package.json']) {
    const p = path.join(root, f);
    h.update(`${f}\0`).update(fs.existsSync(p) ? fs.readFileSync(p) : '').update('\0');
  }
  return h.digest('hex');
}

/** Why dist/ must be rebuilt, or null when it is up to date. */
export function staleReason(root = ROOT) {
  const stamp = path.join(root, 'dist', STAMP);
  if (!fs.existsSync(stamp)) return 'dist/ has not been built';
  return fs.readFileSync(stamp, 'utf8').trim() === sourceFingerprint(root) ? null : 'the sources changed since the last build';
}

/** Rewrites relative imports to the compiled files' names and leaves packages to Node. */
function relativeImports() {
  return {
    name: 'motcua-relative-imports',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (!args.path.startsWith('.')) return { path: args.path, external: true };
        const abs = path.resolve(args.resolveDir, args.path);
        if (/\.(m?js|json)$/.test(args.path)) return { path: args.path, external: true };
        if (fs.existsSync(`${abs}.ts`)) return { path: `${args.path}.js`, external: true };
        if (fs.existsSync(path.join(abs, 'index.ts'))) return { path: `${args.path}/index.js`, external: true };
        return { errors: [{ text: `cannot resolve ${args.path} from ${path.relative(ROOT, args.importer)}` }] };
      });
    },
  };
}

/** Compile src/ into a fresh dist/ and write the stamp. Returns the number of files compiled. */
export async function build(root = ROOT) {
  const { build: esbuild } = await import('esbuild');
  const src = path.join(root, 'src');
  const dist = path.join(root, 'dist');
  const fingerprint = sourceFingerprint(root);
  const files = listFiles(src).filter((f) => !isTest(f));
  const entries = files.filter(isSource);
  // Into a temporary directory first: a failed build leaves the previous dist/ in place, and a removed source
  // (a migration!) cannot survive in dist/.
  const tmp = `${dist}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    await esbuild({
      absWorkingDir: root,
      entryPoints: entries.map((f) => `src/${f}`),
      outdir: tmp,
      outbase: 'src',
      bundle: true, // with every import external (the plugin): one output per input, imports rewritten
      plugins: [relativeImports()],
      platform: 'node',
      format: 'esm',
      target: 'node20',
      tsconfig: path.join(root, 'tsconfig.json'),
      logLevel: 'warning',
      legalComments: 'none',
    });
    for (const f of files.filter((x) => !x.endsWith('.ts'))) {
      fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
      fs.copyFileSync(path.join(src, f), path.join(tmp, f));
    }
    fs.writeFileSync(path.join(tmp, STAMP), fingerprint + '\n');
    fs.rmSync(dist, { recursive: true, force: true });
    fs.renameSync(tmp, dist);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return entries.length;
}

/**
 * How the compiled server runs (`npm start`, the benchmarks): node dist/main.js, with MALLOC_MMAP_THRESHOLD_ set
 * unless the environment sets it. It fixes the size from which glibc serves an allocation by mmap, so that memory
 * goes back to the system when freed. Left to itself glibc raises the threshold after the first large free, and
 * then the 16 MB of every scrypt password hash (on libuv's 4 threads) and zlib's windows in the PDF workers stay in
 * per-thread arenas for good: 50–60 MB more resident memory at idle (see bench/README.md).
 */
export function serverCommand(root = ROOT, env = process.env) {
  return { command: process.execPath, args: [path.join(root, 'dist/main.js')], env: { MALLOC_MMAP_THRESHOLD_: '131072', ...env } };
}

/** Build when stale; says so on the console. */
export async function buildIfStale(root = ROOT, log = console.log) {
  const reason = staleReason(root);
  if (!reason) return false;
  log(`Đang biên dịch máy chủ (dist/): ${reason === 'dist/ has not been built' ? 'chưa có bản biên dịch' : 'mã nguồn đã thay đổi'}…`);
  await build(root);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = Date.now();
  const n = await build();
  console.log(`dist/: ${n} files compiled in ${Date.now() - t0} ms`);
}
