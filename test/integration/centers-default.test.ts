import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createTestApp, type TestApp } from '../support/app';

// Issue 13 item 7: the public pages open on the installation's own center, not on whichever name sorts first
// ("thành phố Huế" sorts before "thị xã Hương Thủy", the demo's own center).
const opened: TestApp[] = [];
const app = async (defaultCenter?: string) => {
  const t = await createTestApp({ config: { defaultCenter } });
  opened.push(t);
  return t;
};
afterAll(async () => { for (const t of opened) await t.close(); });

const answer = async (t: TestApp) => (await t.app.inject({ url: '/api/v1/centers' })).json() as { items: { code: string }[]; defaultCenter: string | null };

describe('the default public center', () => {
  it('is the first center set up when nothing is configured, whatever the names', async () => {
    const a = await answer(await app());
    expect(a.items.map((c) => c.code)).toEqual(['000.00.11.H57', '000.00.15.H57']); // listed by name
    expect(a.defaultCenter).toBe('000.00.15.H57');
  });

  it('is the configured one (MOTCUA_DEFAULT_CENTER), and the first set up when that code is no active center', async () => {
    expect((await answer(await app('000.00.11.H57'))).defaultCenter).toBe('000.00.11.H57');
    expect((await answer(await app('000.00.99.H57'))).defaultCenter).toBe('000.00.15.H57');
  });

  it('is read and checked from the environment', () => {
    expect(loadConfig({ MOTCUA_DEFAULT_CENTER: ' 000.00.11.H57 ' }).defaultCenter).toBe('000.00.11.H57');
    expect(() => loadConfig({ MOTCUA_DEFAULT_CENTER: 'Hương Thủy; DROP' })).toThrow(/MOTCUA_DEFAULT_CENTER/);
  });
});
