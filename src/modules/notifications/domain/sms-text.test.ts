import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitSms, smsParts, smsUnits, toSmsText } from './sms-text';

const vectors = JSON.parse(readFileSync(new URL('../../../../test/fixtures/notifications/diacritics.json', import.meta.url), 'utf8')) as [string, string][];

describe('toSmsText: Vietnamese without diacritics, GSM-7 only', () => {
  it.each(vectors)('%s', (input, expected) => {
    expect(toSmsText(input)).toBe(expected);
  });

  it.each([
    ['đ', 'd'],
    ['Đ', 'D'],
    ['ĐĐđđ', 'DDdd'],
    ['Hẹn  trả\tkết quả', 'Hen tra ket qua'],
    ['Giá 100€ [a]', 'Gia 100€ [a]'],
    ['Emoji 😀 and 漢字', 'Emoji ? and ??'],
    ['  leading and trailing  ', 'leading and trailing'],
  ])('%j → %j', (input, expected) => {
    expect(toSmsText(input)).toBe(expected);
  });
});

describe('segments: 160 GSM-7 characters, then 153 per part', () => {
  it.each([
    [0, 0],
    [1, 1],
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
    [459, 3],
    [460, 4],
  ])('%i characters → %i parts', (n, parts) => {
    expect(smsParts('a'.repeat(n))).toBe(parts);
  });

  it('extension characters (^{}\\[~]|€) count two', () => {
    expect(smsUnits('[]')).toBe(4);
    expect(smsParts('a'.repeat(158) + '€')).toBe(1);
    expect(smsParts('a'.repeat(159) + '€')).toBe(2);
  });
});

describe('fitSms: within the configured number of parts', () => {
  it('a short text is untouched', () => {
    expect(fitSms('Hồ sơ đã có kết quả.', 1)).toEqual({ text: 'Ho so da co ket qua.', parts: 1, trimmed: false });
  });

  it.each([1, 2, 3])('a long text is cut at a word and ends with "..." within %i part(s)', (max) => {
    const long = Array.from({ length: 200 }, (_, i) => `giấy tờ ${i}`).join('; ');
    const f = fitSms(long, max);
    expect(f.trimmed).toBe(true);
    expect(f.parts).toBe(max);
    expect(f.text.endsWith('...')).toBe(true);
    expect(f.text).toMatch(/^giay to 0; giay to 1; /);
    expect(f.text.length).toBeLessThanOrEqual(max === 1 ? 160 : max * 153);
    expect(f.text.length).toBeGreaterThan((max === 1 ? 160 : max * 153) - 25);
  });
});
