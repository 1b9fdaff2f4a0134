import { describe, expect, it } from 'vitest';
import { applicantAccount, channelText, outcomeText, statusText, timeLimitText } from './text';

describe('timeLimitText', () => {
  it.each([
    [{ unit: 'working_days', value: 5 }, '05 ngày làm việc'],
    [{ unit: 'working_days', value: 15 }, '15 ngày làm việc'],
    [{ unit: 'working_hours', value: 8 }, '08 giờ làm việc'],
    [{ unit: 'same_day', value: 0 }, 'Trong ngày'],
    [{ unit: 'same_day', value: 1 }, 'Trong ngày'],
  ] as const)('%j → %s', (limit, text) => {
    expect(timeLimitText(limit)).toBe(text);
  });
});

describe('wording', () => {
  it('names channels, outcomes and states in Vietnamese', () => {
    expect(channelText('post')).toBe('Qua dịch vụ bưu chính công ích');
    expect(outcomeText('early')).toBe('Trước hạn');
    expect(outcomeText('on_time')).toBe('Đúng hạn');
    expect(outcomeText('late')).toBe('Quá hạn');
    expect(outcomeText(null)).toBe('');
    expect(statusText('needs_supplement')).toBe('Chờ bổ sung');
    expect(statusText('Đã hủy')).toBe('Đã hủy');
  });

  it('uses the identification number, else the tax code, as the account', () => {
    expect(applicantAccount({ kind: 'person', fullName: 'A', idNumber: '046189001234', phone: '0905' })).toBe('046189001234');
    expect(applicantAccount({ kind: 'person', fullName: 'A', phone: '0905' })).toBe('0905');
    expect(applicantAccount({ kind: 'organization', fullName: 'A', taxCode: '3301678912', idNumber: '046189001234' })).toBe('3301678912');
  });
});
