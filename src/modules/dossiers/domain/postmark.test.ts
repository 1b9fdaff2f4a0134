import { describe, expect, it } from 'vitest';
import { MAX_POSTMARK_DAYS, postmarkOf } from './postmark';

const now = new Date('2026-03-10T09:00:00+07:00');
const post = (postmarkedAt: string) => ({ postmarkedAt, channel: 'post' });

describe('postmarkOf', () => {
  it.each([
    ['2026-03-09', '2026-03-08T17:00:00.000Z', 'a date: the start of that day in Việt Nam'],
    ['2026-03-10', '2026-03-09T17:00:00.000Z', 'today'],
    ['2026-03-06T15:20:00+07:00', '2026-03-06T08:20:00.000Z', 'an instant'],
    ['2026-02-08', '2026-02-07T17:00:00.000Z', `${MAX_POSTMARK_DAYS} days back`],
  ])('%s → %s (%s)', (given, expected) => {
    expect(postmarkOf(post(given), now)!.toISOString()).toBe(expected);
  });

  it('none given: null', () => {
    expect(postmarkOf({ channel: 'post' }, now)).toBeNull();
    expect(postmarkOf({ channel: 'direct', postmarkedAt: '  ' }, now)).toBeNull();
  });

  it.each([
    [{ postmarkedAt: '2026-03-09', channel: 'direct' }, 'DOSSIER_POSTMARK_NOT_POST', 'bưu chính'],
    [{ postmarkedAt: '2026-03-09', channel: 'post', backEntry: { receivedAt: 'x' } }, 'DOSSIER_POSTMARK_BACK_ENTRY', 'nhập bù'],
    [post('2026-03-11'), 'DOSSIER_POSTMARK_FUTURE', 'không được sau'],
    [post('2026-03-10T09:01:00+07:00'), 'DOSSIER_POSTMARK_FUTURE', 'không được sau'],
    [post('2026-02-07'), 'DOSSIER_POSTMARK_TOO_OLD', '30 ngày'],
    [post('2026-02-30'), 'DOSSIER_POSTMARK_INVALID', '30/02/2026'],
    [post('09/03/2026'), 'DOSSIER_POSTMARK_INVALID', 'YYYY-MM-DD'],
    [post('2026-03-09T10:00:00'), 'DOSSIER_POSTMARK_INVALID', 'múi giờ'],
  ])('%j → %s', (input, code, words) => {
    expect(() => postmarkOf(input, now)).toThrowError(expect.objectContaining({ code, message: expect.stringContaining(words) }));
  });
});
