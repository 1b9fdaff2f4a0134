import { describe, expect, it } from 'vitest';
import { parseDossierCode, proves, statusLink } from './public-lookup';

describe('parseDossierCode', () => {
  it.each([
    ['000.00.15.H57-250311-0001', { prefix: '0000015H57', rest: '-250311-0001' }],
    ['000.00.15.h57-250311-0001', { prefix: '0000015H57', rest: '-250311-0001' }],
    ['0000015H57-250311-0001', { prefix: '0000015H57', rest: '-250311-0001' }],
    ['  0000015h57-250311-12345 ', { prefix: '0000015H57', rest: '-250311-12345' }],
    ['000.00.15.H57-250311-001', null],
    ['000.00.15.H57-2503110001', null],
    ['...-250311-0001', null],
    ["000.00.15.H57-250311-0001' OR 1=1", null],
  ])('%s', (input, expected) => expect(parseDossierCode(input)).toEqual(expected));
});

describe('proves', () => {
  const d = { token: 'Zx8-k_3mQv0aPq1rStUvWw', phone: '0905 000 111', idNumber: '046080001234' };
  it.each([
    [{ t: 'Zx8-k_3mQv0aPq1rStUvWw' }, true],
    [{ t: 'Zx8-k_3mQv0aPq1rStUvWx' }, false],
    [{ t: '' }, false],
    [{ verifier: '0111' }, true],
    [{ verifier: '1234' }, true],
    [{ verifier: '0000' }, false],
    [{ verifier: '111' }, false],
    [{}, false],
  ])('%j → %s', (given, expected) => expect(proves(d, given)).toBe(expected));

  it('an applicant without a citizen ID proves with the phone only; a phone shorter than 4 digits proves nothing', () => {
    expect(proves({ token: 'x'.repeat(22), phone: '0905000111', idNumber: null }, { verifier: '0111' })).toBe(true);
    expect(proves({ token: 'x'.repeat(22), phone: '12', idNumber: null }, { verifier: '0012' })).toBe(false);
  });
});

it('statusLink carries the code and the token', () => {
  expect(statusLink('https://motcua.example.vn', '000.00.15.H57-250311-0001', 'a-b_c')).toBe('https://motcua.example.vn/tra-cuu/000.00.15.H57-250311-0001?t=a-b_c');
});
