import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './db-errors';
import { describeStartFailure, StartError } from './start-error';

const err = (props: Record<string, unknown>, message = 'x') => Object.assign(new Error(message), props);

describe('isDatabaseUnavailable: what answers 503 instead of 500', () => {
  it.each([
    ['server stopping (57P01)', err({ code: '57P01' }), true],
    ['crash reset (57P02)', err({ code: '57P02' }), true],
    ['starting up (57P03)', err({ code: '57P03' }), true],
    ['too many connections (53300)', err({ code: '53300' }), true],
    ['connection exception class 08', err({ code: '08006' }), true],
    ['TCP refused', err({ code: 'ECONNREFUSED', syscall: 'connect' }), true],
    ['Unix socket missing', err({ code: 'ENOENT', syscall: 'connect' }), true],
    ['reset while reading', err({ code: 'ECONNRESET', syscall: 'read' }), true],
    ['connection cut mid-query', new Error('Connection terminated unexpectedly'), true],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect'), true],
    ['a missing stored file is not the database', err({ code: 'ENOENT', syscall: 'open' }), false],
    ['unique violation', err({ code: '23505' }), false],
    ['syntax error', err({ code: '42601' }), false],
    ['plain bug', new TypeError('x is undefined'), false],
    ['nothing', undefined, false],
  ])('%s', (_name, e, expected) => {
    expect(isDatabaseUnavailable(e)).toBe(expected);
  });
});

describe('describeStartFailure: always says what and why', () => {
  it.each([
    [new StartError('Cổng 54329 của PostgreSQL nhúng đang bị một chương trình khác chiếm.'), 'Cổng 54329 của PostgreSQL nhúng đang bị một chương trình khác chiếm.'],
    [err({ code: 'ECONNREFUSED', address: '10.0.0.5', port: 5432 }), 'không kết nối được PostgreSQL (10.0.0.5:5432): máy chủ từ chối kết nối (chưa chạy, hoặc sai cổng). Kiểm tra DATABASE_URL và máy chủ cơ sở dữ liệu.'],
    [err({ code: '28P01' }), 'PostgreSQL từ chối đăng nhập (sai tên người dùng hoặc mật khẩu trong DATABASE_URL).'],
    [err({ code: 'EADDRINUSE', syscall: 'listen', port: 3000 }), 'cổng HTTP 3000 đang bị một chương trình khác chiếm (có thể một motcua khác đang chạy). Đặt PORT tới một cổng khác, hoặc dừng chương trình đó.'],
    [Object.assign(new Error('[]'), { name: 'ZodError', issues: [{ path: ['PORT'], message: 'Too big' }] }), 'biến môi trường không hợp lệ: PORT: Too big. Xem bảng cấu hình trong README.'],
    [undefined, 'lỗi không rõ nguyên nhân (không có thông tin lỗi). Xem nhật ký phía trên.'],
  ])('%#', (e, text) => {
    expect(describeStartFailure(e)).toBe(text);
  });
});
