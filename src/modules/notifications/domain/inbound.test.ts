import { describe, expect, it } from 'vitest';
import { lookupReply, parseLookup, smsHourDate } from './inbound';
import { toSmsText } from './sms-text';

const vn = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, mo - 1, d, h - 7, mi));

describe('the SMS look-up text', () => {
  it.each([
    ['HS 000.00.15.H57-250312-0007', '000.00.15.H57-250312-0007'],
    ['hs 000.00.15.h57-250312-0007', '000.00.15.h57-250312-0007'],
    ['  HS:0000015H57-250312-0007 ', '0000015H57-250312-0007'],
    ['HS000.00.15.H57-250312-0007.', '000.00.15.H57-250312-0007'],
    ['HS-000.00.15.H57-250312-0007', '000.00.15.H57-250312-0007'],
  ])('%j → %s', (text, code) => {
    expect(parseLookup(text)).toBe(code);
  });

  it.each(['', 'HS', 'HOSO 000.00.15.H57-250312-0007', 'HS 000.00.15.H57-2503-0007', 'HS 000.00.15.H57-250312-0007 xin chao', 'tra cuu'])('%j → null', (text) => {
    expect(parseLookup(text)).toBeNull();
  });

  it('replies with the status and the appointment, no personal data', () => {
    const due = vn(2025, 3, 17, 16, 30);
    expect(smsHourDate(due)).toBe('16h30 ngày 17/03/2025');
    expect(toSmsText(lookupReply({ code: 'X-250312-0007', status: 'in_progress', statusName: 'Đang giải quyết', dueAt: due })))
      .toBe('Ho so X-250312-0007: Dang giai quyet. Hen tra ket qua: 16h30 ngay 17/03/2025.');
    expect(lookupReply({ code: 'X-250312-0007', status: 'returned', statusName: 'Đã trả kết quả', dueAt: due })).toBe('Hồ sơ X-250312-0007: Đã trả kết quả.');
  });
});
