import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { startingClock } from './clock';

describe('MOTCUA_CLOCK_START', () => {
  it('a starting clock reads its start, then runs at the real pace', () => {
    let real = 1_000_000;
    const clock = startingClock(new Date('2026-06-16T08:00:00+07:00'), () => real);
    expect(clock.now().toISOString()).toBe('2026-06-16T01:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-06-16T01:01:30.000Z');
  });

  it('is parsed in demo mode, and refused with real data or a malformed instant', () => {
    expect(loadConfig({ MOTCUA_CLOCK_START: '2026-06-16T08:00:00+07:00' }).clockStart?.toISOString()).toBe('2026-06-16T01:00:00.000Z');
    expect(loadConfig({}).clockStart).toBeUndefined();
    expect(() => loadConfig({ MOTCUA_CLOCK_START: '2026-06-16T08:00:00+07:00', MOTCUA_DEMO: '0' })).toThrow(/demo mode/);
    expect(() => loadConfig({ MOTCUA_CLOCK_START: '2026-06-16T08:00:00+07:00', DATABASE_URL: 'postgres://u:p@db/motcua' })).toThrow(/demo mode/);
    expect(() => loadConfig({ MOTCUA_CLOCK_START: '16/06/2026 08:00' })).toThrow(/MOTCUA_CLOCK_START/);
  });
});
