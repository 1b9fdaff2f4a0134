import { describe, expect, it } from 'vitest';
import { codeMatches, hashCode, maskContact, newCode, otpUsable, OTP_MAX_TRIES, parseContact } from './otp';

describe('parseContact', () => {
  it.each([
    ['0905 123 456', { kind: 'phone', value: '84905123456' }],
    ['+84905123456', { kind: 'phone', value: '84905123456' }],
    ['84.905.123.456', { kind: 'phone', value: '84905123456' }],
    ['  An.Nguyen@Example.VN ', { kind: 'email', value: 'an.nguyen@example.vn' }],
    ['0205123456', null],
    ['12345', null],
    ['an@', null],
    ['', null],
  ])('%s', (input, want) => expect(parseContact(input)).toEqual(want));
});

describe('codes', () => {
  const key = Buffer.alloc(32, 7);
  it('are 6 digits', () => {
    for (let i = 0; i < 200; i++) expect(newCode()).toMatch(/^\d{6}$/);
  });
  it('match only the same code for the same contact', () => {
    const h = hashCode(key, '84905123456', '012345');
    expect(h).not.toContain('012345');
    expect(codeMatches(key, '84905123456', '012345', h)).toBe(true);
    expect(codeMatches(key, '84905123456', '012346', h)).toBe(false);
    expect(codeMatches(key, '84905123457', '012345', h)).toBe(false);
    expect(codeMatches(Buffer.alloc(32, 8), '84905123456', '012345', h)).toBe(false);
  });
  it('expire, run out of tries, and are used once', () => {
    const now = new Date('2026-03-10T02:00:00Z');
    const later = new Date(now.getTime() + 5 * 60_000);
    expect(otpUsable({ expiresAt: later, attempts: 0, usedAt: null }, now)).toBe(true);
    expect(otpUsable({ expiresAt: later, attempts: 0, usedAt: null }, later)).toBe(false);
    expect(otpUsable({ expiresAt: later, attempts: OTP_MAX_TRIES - 1, usedAt: null }, now)).toBe(true);
    expect(otpUsable({ expiresAt: later, attempts: OTP_MAX_TRIES, usedAt: null }, now)).toBe(false);
    expect(otpUsable({ expiresAt: later, attempts: 0, usedAt: now }, now)).toBe(false);
  });
  it('are masked for display', () => {
    expect(maskContact({ kind: 'phone', value: '84905123456' })).toBe('0905***456');
    expect(maskContact({ kind: 'email', value: 'an.nguyen@example.vn' })).toBe('an…@example.vn');
  });
});
