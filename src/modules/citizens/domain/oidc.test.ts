import { describe, expect, it } from 'vitest';
import { identityFromClaims, maskIdNumber } from './oidc';

describe('identityFromClaims', () => {
  it.each([
    ['national portal claims', { sub: 'u-1', TechID: 'tech-9', SoDinhDanh: '046080012345', HoVaTen: 'Trần Thị Bình', SoDienThoai: '0905 123 456', ThuDienTu: 'Binh@Example.vn' },
      { subject: 'tech-9', idNumber: '046080012345', fullName: 'Trần Thị Bình', phone: { kind: 'phone', value: '84905123456' }, email: { kind: 'email', value: 'binh@example.vn' } }],
    ['standard claims, the number in sub', { sub: '046080012345', name: 'Lê Văn C', phone_number: '+84912345678', email: 'c@example.vn' },
      { subject: '046080012345', idNumber: '046080012345', fullName: 'Lê Văn C', phone: { kind: 'phone', value: '84912345678' }, email: { kind: 'email', value: 'c@example.vn' } }],
    ['a 9-digit old ID card is not a verified identity number', { sub: 'x', SoDinhDanh: '191234567' },
      { subject: 'x', idNumber: null, fullName: null, phone: null, email: null }],
    ['sub is not used when the provider named another number', { sub: '046080012345', SoDinhDanh: '191234567' },
      { subject: '046080012345', idNumber: null, fullName: null, phone: null, email: null }],
    ['a numeric claim and spaces', { sub: 'y', SoDinhDanh: '046 080 012 345' },
      { subject: 'y', idNumber: '046080012345', fullName: null, phone: null, email: null }],
    ['garbage phone and e-mail are dropped', { sub: 'z', SoDinhDanh: '046080012345', SoDienThoai: 'abc', ThuDienTu: 'not-mail' },
      { subject: 'z', idNumber: '046080012345', fullName: null, phone: null, email: null }],
  ])('%s', (_name, claims, expected) => {
    expect(identityFromClaims(claims)).toEqual(expected);
  });
});

describe('maskIdNumber', () => {
  it('keeps the first and last three digits', () => {
    expect(maskIdNumber('046080012345')).toBe('046******345');
    expect(maskIdNumber('12345')).toBe('***');
  });
});
