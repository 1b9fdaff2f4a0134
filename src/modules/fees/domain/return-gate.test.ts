import { describe, expect, it } from 'vitest';
import { returnBlock, slipBlock } from './return-gate';

describe('returnBlock: may the result be handed over?', () => {
  it.each([
    ['nothing owed (no fees, or all paid)', { due: 0, undetermined: [], waived: false }, null],
    ['fees owed at reception or at return', { due: 50_000, undetermined: [], waived: false }, 'Hồ sơ còn phải nộp 50.000 đ phí, lệ phí: thu đủ trước khi trả kết quả (lãnh đạo Trung tâm có thể miễn thu, ghi rõ lý do).'],
    ['partly paid', { due: 1_250_000, undetermined: [], waived: false }, /còn phải nộp 1\.250\.000 đ/],
    ['an amount "theo quy định" not entered', { due: 0, undetermined: ['LP2'], waived: false }, /chưa xác định/],
    ['owed but waived by the director', { due: 50_000, undetermined: [], waived: true }, null],
    ['undetermined but waived', { due: 0, undetermined: ['LP2'], waived: true }, null],
  ])('%s', (_name, standing, expected) => {
    const b = returnBlock(standing);
    if (expected === null) expect(b).toBeNull();
    else if (typeof expected === 'string') expect(b?.message).toBe(expected);
    else expect(b?.message).toMatch(expected);
  });
});

describe('slipBlock: may the appointment slip be handed out?', () => {
  it.each([
    ['nothing due at reception (no fees, paid, or only fees at return)', { dueAtReception: 0, undeterminedAtReception: [], waived: false }, null],
    ['50.000 đ due at reception', { dueAtReception: 50_000, undeterminedAtReception: [], waived: false }, 'Hồ sơ còn phải nộp 50.000 đ phí, lệ phí khi tiếp nhận: thu trước khi in giấy tiếp nhận và hẹn trả kết quả.'],
    ['a reception amount not entered', { dueAtReception: 0, undeterminedAtReception: ['LP1'], waived: false }, /chưa xác định/],
    ['due but waived', { dueAtReception: 50_000, undeterminedAtReception: [], waived: true }, null],
  ])('%s', (_name, standing, expected) => {
    const b = slipBlock(standing);
    if (expected === null) expect(b).toBeNull();
    else if (typeof expected === 'string') expect(b?.message).toBe(expected);
    else expect(b?.message).toMatch(expected);
  });
});
