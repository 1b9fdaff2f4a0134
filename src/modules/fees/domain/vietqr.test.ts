import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VietQrError } from './errors';
import { buildVietQr, crc16CcittFalse, foldPurpose, parseTlv, verifyCrc, type VietQrInput } from './vietqr';

// The reference vectors, copied into the repository's test fixtures (tests read nothing outside the repository).
const vectors = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/vietqr/vectors.json', import.meta.url), 'utf8'),
) as { valid: { note: string; payload: string }[]; invalid: { note: string; payload: string }[] };

// The parts of each valid vector, read off its note by hand, in file order.
const vectorParts: VietQrInput[] = [
  { bankBin: '970416', accountNumber: '257678859' },
  { bankBin: '970416', accountNumber: '257678859', amount: 10_000, purpose: 'Chuyen tien' },
  { bankBin: '970407', accountNumber: '19030413601018' },
];

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof VietQrError ? e.code : 'not a VietQrError';
  }
  return undefined;
};

describe('crc16CcittFalse', () => {
  it('matches the standard check value', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });
  it('is the initial value for empty input and pads to 4 digits', () => {
    expect(crc16CcittFalse('')).toBe('FFFF');
    expect(vectors.valid[2].payload.slice(-4)).toBe('0283');
    expect(crc16CcittFalse(vectors.valid[2].payload.slice(0, -4))).toBe('0283');
  });
});

describe('buildVietQr against the reference vectors', () => {
  it('has parts for every valid vector', () => {
    expect(vectors.valid).toHaveLength(vectorParts.length);
  });

  it.each(vectorParts.map((parts, i) => [vectors.valid[i].note, parts, vectors.valid[i].payload] as const))(
    'reproduces %s',
    (_note, parts, payload) => {
      expect(buildVietQr(parts)).toBe(payload);
      expect(verifyCrc(payload)).toBe(true);
    },
  );

  it.each(vectors.invalid.map((v) => [v.note, v.payload] as const))('rejects the CRC of %s', (_note, payload) => {
    expect(verifyCrc(payload)).toBe(false);
  });
});

describe('buildVietQr', () => {
  it('lays out the fields as computed by hand', () => {
    const payload = buildVietQr({ bankBin: '970436', accountNumber: '0011001234567', amount: 50_000, purpose: 'HS 1' });
    // 38 = 0010A000000727 (14) + 0127{0006970436 0113 0011001234567} (31) + 0208QRIBFTTA (12) = 57 characters.
    expect(payload.slice(0, -4)).toBe(
      '000201' +
        '010212' +
        '3857' +
        '0010A000000727' +
        '0127' +
        '0006970436' +
        '01130011001234567' +
        '0208QRIBFTTA' +
        '5303704' +
        '540550000' +
        '5802VN' +
        '6208' +
        '0804HS 1' +
        '6304',
    );
    expect(payload).toMatch(/^[\x20-\x7e]+[0-9A-F]{4}$/);
    expect(verifyCrc(payload)).toBe(true);
  });

  it('round-trips every field of a dynamic code with a dossier memo', () => {
    const payload = buildVietQr({
      bankBin: '970436',
      accountNumber: '0071000123456',
      amount: 1_150_000,
      purpose: '000.00.15.H57-170313-0001',
    });
    expect(verifyCrc(payload)).toBe(true);
    expect(parseTlv(payload)).toEqual({
      '00': '01',
      '01': '12',
      '38': { '00': 'A000000727', '01': { '00': '970436', '01': '0071000123456' }, '02': 'QRIBFTTA' },
      '53': '704',
      '54': '1150000',
      '58': 'VN',
      '62': { '08': '000.00.15.H57-170313-0001' },
      '63': payload.slice(-4),
    });
  });

  it('cuts a memo longer than 25 characters, keeping dots and dashes', () => {
    const payload = buildVietQr({
      bankBin: '970415',
      accountNumber: '123456789',
      amount: 20_000,
      purpose: 'HS 000.00.15.H57-170313-0001',
    });
    const parsed = parseTlv(payload);
    expect(parsed['62']).toEqual({ '08': 'HS 000.00.15.H57-170313-0' });
    expect(parsed['54']).toBe('20000');
    expect(verifyCrc(payload)).toBe(true);
  });

  it('throws on a long memo when asked to', () => {
    const input: VietQrInput = {
      bankBin: '970415',
      accountNumber: '123456789',
      purpose: 'HS 000.00.15.H57-170313-0001',
      onLongPurpose: 'error',
    };
    expect(codeOf(() => buildVietQr(input))).toBe('VIETQR_PURPOSE_TOO_LONG');
  });

  it('folds Vietnamese memos to ASCII', () => {
    const parsed = parseTlv(
      buildVietQr({ bankBin: '970418', accountNumber: '1', amount: 75_000, purpose: 'Nộp lệ phí Đăng ký hộ kinh doanh' }),
    );
    expect(parsed['62']).toEqual({ '08': 'Nop le phi Dang ky ho kin' });
  });

  it('omits tag 62 when the memo folds to nothing, and stays static without an amount', () => {
    const parsed = parseTlv(buildVietQr({ bankBin: '970418', accountNumber: '1', purpose: '!!! ???' }));
    expect(parsed['62']).toBeUndefined();
    expect(parsed['54']).toBeUndefined();
    expect(parsed['01']).toBe('11');
  });

  it('marks card transfers with QRIBFTTC', () => {
    const parsed = parseTlv(buildVietQr({ bankBin: '970405', accountNumber: '9704050123456789', service: 'card' }));
    expect(parsed['38']).toEqual({
      '00': 'A000000727',
      '01': { '00': '970405', '01': '9704050123456789' },
      '02': 'QRIBFTTC',
    });
  });

  it('accepts a 13-digit amount', () => {
    expect(parseTlv(buildVietQr({ bankBin: '970405', accountNumber: '1', amount: 9_999_999_999_999 }))['54']).toBe(
      '9999999999999',
    );
  });

  const bad: [string, Partial<VietQrInput>, string][] = [
    ['a 5-digit BIN', { bankBin: '97041' }, 'VIETQR_INVALID_BANK_BIN'],
    ['a BIN with letters', { bankBin: '97041A' }, 'VIETQR_INVALID_BANK_BIN'],
    ['an empty account', { accountNumber: '' }, 'VIETQR_INVALID_ACCOUNT'],
    ['an account with a dash', { accountNumber: '1234-56' }, 'VIETQR_INVALID_ACCOUNT'],
    ['a 20-character account', { accountNumber: '12345678901234567890' }, 'VIETQR_INVALID_ACCOUNT'],
    ['amount 0', { amount: 0 }, 'VIETQR_INVALID_AMOUNT'],
    ['a negative amount', { amount: -1000 }, 'VIETQR_INVALID_AMOUNT'],
    ['a fractional amount', { amount: 1000.5 }, 'VIETQR_INVALID_AMOUNT'],
    ['a 14-digit amount', { amount: 10_000_000_000_000 }, 'VIETQR_INVALID_AMOUNT'],
    ['an unknown service', { service: 'wallet' as never }, 'VIETQR_INVALID_SERVICE'],
  ];
  it.each(bad)('refuses %s', (_label, override, code) => {
    expect(codeOf(() => buildVietQr({ bankBin: '970436', accountNumber: '0011001234567', ...override }))).toBe(code);
  });
});

describe('foldPurpose', () => {
  it.each([
    ['Thanh toán: phí #1 (đợt 2)!', 'Thanh toan phi 1 dot 2'],
    ['ĐĂNG KÝ   KẾT HÔN', 'DANG KY KET HON'],
    ['  HS\t000.00.15.H57-170313-0001\n', 'HS 000.00.15.H57-170313-0001'],
    ['Lệ phí cấp GCN – đất', 'Le phi cap GCN dat'],
  ])('%s → %s', (text, folded) => {
    expect(foldPurpose(text)).toBe(folded);
  });
});

describe('verifyCrc and parseTlv', () => {
  const good = vectors.valid[1].payload;
  it('accepts a lower-case CRC and refuses damaged payloads', () => {
    expect(verifyCrc(good.slice(0, -4) + good.slice(-4).toLowerCase())).toBe(true);
    expect(verifyCrc(good.replace('10000', '90000'))).toBe(false);
    expect(verifyCrc(good.slice(0, -1))).toBe(false);
    expect(verifyCrc('')).toBe(false);
    expect(verifyCrc(good.slice(0, -8) + '6305' + good.slice(-4))).toBe(false);
  });

  it('parses the reference dynamic vector', () => {
    const parsed = parseTlv(good);
    expect(parsed['38']).toEqual({ '00': 'A000000727', '01': { '00': '970416', '01': '257678859' }, '02': 'QRIBFTTA' });
    expect(parsed['54']).toBe('10000');
    expect(parsed['62']).toEqual({ '08': 'Chuyen tien' });
    expect(parsed['63']).toBe('53E6');
  });

  it.each([
    ['a truncated value', '000201010'],
    ['a repeated tag', '000201000201'],
    ['a non-numeric header', 'AB02xx'],
    ['a broken template', '000201620512345'],
  ])('refuses %s', (_label, payload) => {
    expect(codeOf(() => parseTlv(payload))).toBe('VIETQR_MALFORMED_TLV');
  });
});
