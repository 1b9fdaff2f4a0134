import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blockingDirectory } from './system-user';

// Which folder keeps the `postgres` user out, read from the permission bits (motcua as root decides from this
// where a new cluster goes). A made-up user that owns nothing, so only the "others" bits count.
const stranger = { name: 'postgres', uid: 999_999, gid: 999_999 };
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-blocking-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('blockingDirectory', () => {
  it('finds the first folder without the x bit for others, or none', () => {
    const open = path.join(base, 'open', 'data');
    fs.mkdirSync(open, { recursive: true });
    fs.chmodSync(base, 0o755);
    fs.chmodSync(path.join(base, 'open'), 0o755);
    expect(blockingDirectory(open, stranger)).toBeUndefined();
    expect(blockingDirectory(path.join(open, 'not', 'yet'), stranger)).toBeUndefined();
    fs.chmodSync(path.join(base, 'open'), 0o700); // like `mktemp -d`
    expect(blockingDirectory(open, stranger)).toBe(path.join(base, 'open'));
    expect(blockingDirectory(path.join(open, 'pg'), stranger)).toBe(path.join(base, 'open'));
  });

  it('lets the owner through on the owner bits', () => {
    const st = fs.statSync(base);
    fs.chmodSync(base, 0o700);
    expect(blockingDirectory(base, { name: 'me', uid: st.uid, gid: st.gid })).toBeUndefined();
    expect(blockingDirectory(base, stranger)).toBe(base);
  });
});
