import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache';

const actor = (id: string) => ({ id, username: id, fullName: id, roles: ['reception'], centerId: null, departmentId: null, sessionId: `s-${id}` });
const T = 1_700_000_000_000;
const TOUCH = 60_000;

describe('SessionCache', () => {
  it('answers within the touch interval and before the absolute expiry', () => {
    const c = new SessionCache();
    c.set('s1', actor('u1'), T, T + 3_600_000);
    expect(c.get('s1', T + 59_000, TOUCH)?.id).toBe('u1');
    expect(c.get('s1', T + 61_000, TOUCH)).toBeNull(); // the database must touch last_seen_at (and judge idleness)
    c.set('s2', actor('u2'), T, T + 10_000);
    expect(c.get('s2', T + 10_000, TOUCH)).toBeNull(); // absolute expiry
    expect(c.get('s1', T - 1, TOUCH)).toBeNull(); // the clock went back: ask the database
  });

  it('forgets entries after its lifetime in real time', async () => {
    const c = new SessionCache(30);
    c.set('s1', actor('u1'), T, T + 3_600_000);
    expect(c.get('s1', T, TOUCH)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 40));
    expect(c.get('s1', T, TOUCH)).toBeNull();
  });

  it('evicts by session, by user, or everything; does nothing once disabled', () => {
    const c = new SessionCache();
    c.set('a', actor('u1'), T, T + 3_600_000);
    c.set('b', actor('u1'), T, T + 3_600_000);
    c.set('c', actor('u2'), T, T + 3_600_000);
    c.apply({ sessionId: 'a' });
    expect([c.get('a', T, TOUCH), c.get('b', T, TOUCH)?.id]).toEqual([null, 'u1']);
    c.apply({ userId: 'u1' });
    expect([c.get('b', T, TOUCH), c.get('c', T, TOUCH)?.id]).toEqual([null, 'u2']);
    c.clear();
    expect(c.size).toBe(0);
    c.enabled = false;
    c.set('d', actor('u3'), T, T + 3_600_000);
    expect(c.get('d', T, TOUCH)).toBeNull();
  });

  it('stays bounded', () => {
    const c = new SessionCache(5_000, 3);
    for (let i = 0; i < 7; i++) c.set(`s${i}`, actor(`u${i}`), T, T + 3_600_000);
    expect(c.size).toBeLessThanOrEqual(3);
  });
});
