import { describe, expect, it } from 'vitest';
import { localNumber, maskEmail, maskPhone, mobileNumber } from './phone';

describe('mobileNumber: the +84 and 0 forms of one mobile are the same number', () => {
  it.each([
    ['0905123456', '84905123456'],
    ['+84905123456', '84905123456'],
    ['84905123456', '84905123456'],
    ['0084905123456', '84905123456'],
    ['0905 123 456', '84905123456'],
    ['090.512.3456', '84905123456'],
    ['(+84) 905-123-456', '84905123456'],
    ['0352000111', '84352000111'],
    ['0771234567', '84771234567'],
    ['0812345678', '84812345678'],
    ['0987654321', '84987654321'],
  ])('%s → %s', (input, expected) => {
    expect(mobileNumber(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['0234381222', 'landline (02x)'],
    ['02343861234', 'landline, 11 digits'],
    ['090512345', 'too short'],
    ['09051234567', 'too long'],
    ['0105123456', 'not a mobile prefix'],
    ['+14155550123', 'foreign'],
    ['0905abc456', 'letters'],
  ])('%s (%s) → null', (input) => {
    expect(mobileNumber(input)).toBeNull();
  });

  it('masks for display', () => {
    expect(localNumber('84905123456')).toBe('0905123456');
    expect(maskPhone('84905123456')).toBe('0905***456');
    expect(maskEmail('nhung.nguyen@example.vn')).toBe('n***@example.vn');
    expect(maskEmail('bad')).toBe('***');
  });
});
